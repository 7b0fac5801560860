import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import { usePreferencesStore } from './stores/preferences';
import './styles.css';

const pinia = createPinia();
const app = createApp(App).use(pinia);
const preferences = usePreferencesStore(pinia);
app.use(createAppI18n(preferences.effectiveLocale()));
app.use(createAppRouter(pinia));
app.mount('#app');
