import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { isLocale, type Locale } from '../i18n/types';
import { osLocale } from '../i18n/locale';
import { api } from '../api';

export type ThemeChoice = 'os' | 'light' | 'dark';
const THEMES: readonly ThemeChoice[] = ['os', 'light', 'dark'];

/**
 * Display preferences that are harmless to lose (language, theme), kept in localStorage of the
 * app:// origin. Nothing about plans or the vault lives here.
 */
const KEY = 'closeout.preferences';

interface Stored {
  locale?: Locale | null;
  theme?: ThemeChoice;
}

function read(): Stored {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    return {
      locale: isLocale(raw.locale) ? raw.locale : null,
      theme: THEMES.includes(raw.theme as ThemeChoice) ? (raw.theme as ThemeChoice) : 'os',
    };
  } catch {
    return {};
  }
}

export const usePreferencesStore = defineStore('preferences', () => {
  const stored = read();
  /** null = follow the OS language. */
  const localeChoice = ref<Locale | null>(stored.locale ?? null);
  const theme = ref<ThemeChoice>(stored.theme ?? 'os');

  const effectiveLocale = (): Locale => localeChoice.value ?? osLocale();

  watch([localeChoice, theme], () => {
    try {
      localStorage.setItem(KEY, JSON.stringify({ locale: localeChoice.value, theme: theme.value }));
    } catch {
      // Storage full or disabled: the choice still applies for this session.
    }
  });

  // Main speaks in system notifications, the tray and dialogs: tell it the language shown here.
  watch(localeChoice, () => void api.settings.setLocale({ locale: effectiveLocale() }), { immediate: true });

  return { localeChoice, theme, effectiveLocale };
});
