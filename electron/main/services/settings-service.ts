import type { Locale } from '../../common/locale';
import { ok } from '../../common/result';
import type { Service } from './context';

/** Where the chosen UI language is kept (electron-store preferences in the app). */
export interface LocalePreference {
  locale(): Locale | null;
  setLocale(locale: Locale | null): void;
}

/** In memory, for the harness and tests that pass no preference store. */
export function createMemoryLocalePreference(): LocalePreference {
  let current: Locale | null = null;
  return {
    locale: () => current,
    setLocale: (locale) => {
      current = locale;
    },
  };
}

export function createSettingsService(
  preference: LocalePreference = createMemoryLocalePreference(),
): Service<'settings:set-locale'> {
  return {
    handlers: {
      'settings:set-locale': ({ locale }) => {
        preference.setLocale(locale);
        return ok();
      },
    },
  };
}
