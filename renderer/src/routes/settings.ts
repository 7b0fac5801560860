import type { ScreenModule } from './types';

export default {
  scope: 'app',
  route: {
    path: '/settings',
    name: 'settings',
    component: () => import('../views/settings/SettingsView.vue'),
  },
  nav: { labelKey: 'shell.nav.settings', order: 100 },
} satisfies ScreenModule;
