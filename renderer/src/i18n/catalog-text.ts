import type { Text } from '@common/catalog/types';

/**
 * A catalog text in the given language: the catalog carries both languages itself, zh-CN first,
 * so any locale but English reads Chinese. Shared by the screens (through useCatalogText) and by
 * the report, whose language may differ from the app's.
 */
export function textIn(locale: string, text: Text): string {
  return locale === 'en' ? text.en : text['zh-CN'];
}
