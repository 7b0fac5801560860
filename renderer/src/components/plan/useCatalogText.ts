import { useI18n } from 'vue-i18n';
import type { Text } from '../../../../electron/common/catalog/types';

/** Picks the active language's wording of a catalog text (catalog texts are written zh-CN first). */
export function useCatalogText() {
  const { locale } = useI18n();
  return (text: Text): string => (locale.value === 'en' ? text.en : text['zh-CN']);
}
