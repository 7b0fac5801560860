/** A domain's message file: the same tree of strings in both languages. */
export type MessageTree = { [key: string]: string | MessageTree };

export interface MessageFile {
  'zh-CN': MessageTree;
  en: MessageTree;
}

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
