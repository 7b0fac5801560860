import { createI18n } from 'vue-i18n';
import { mergeMessageFiles } from './merge';
import type { Locale, MessageFile } from './types';

const modules = import.meta.glob<{ default: MessageFile }>('./messages/*.ts', { eager: true });

export const messages = mergeMessageFiles(Object.values(modules).map((m) => m.default));

export function createAppI18n(locale: Locale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: false,
    messages: { ...messages },
    // A missing key is a bug that tests catch; do not fall back silently to the other language.
    missingWarn: import.meta.env.DEV,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
