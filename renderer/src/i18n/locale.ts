import type { Locale } from './types';

/** zh-CN first: any Chinese OS locale gets Chinese, anything else English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  const first = languages[0];
  if (!first) return 'zh-CN';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function osLocale(): Locale {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  return localeFromLanguages(langs);
}
