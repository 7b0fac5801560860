import { computed } from 'vue';
import { useOsTheme } from 'naive-ui';
import { usePreferencesStore } from '../stores/preferences';

/** Dark when the user chose dark, or chose "same as the system" and the OS is dark. */
export function useIsDark() {
  const preferences = usePreferencesStore();
  const os = useOsTheme();
  return computed(() => (preferences.theme === 'os' ? os.value === 'dark' : preferences.theme === 'dark'));
}
