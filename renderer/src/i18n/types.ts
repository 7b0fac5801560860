/** A domain's message file: the same tree of strings in both languages. */
export type MessageTree = { [key: string]: string | MessageTree };

export interface MessageFile {
  'zh-CN': MessageTree;
  en: MessageTree;
}

// The languages are declared once, in electron/common/locale.ts.
export { LOCALES, isLocale, type Locale } from '@common/locale';
