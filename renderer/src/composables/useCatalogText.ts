import { useI18n } from 'vue-i18n';
import type { Text } from '@common/catalog/types';
import { textIn } from '../i18n/catalog-text';

/** The active language's wording of a catalog text (the catalog carries both languages itself). */
export function useCatalogText() {
  const { locale } = useI18n();
  return (text: Text): string => textIn(locale.value, text);
}
