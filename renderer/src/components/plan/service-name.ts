import { catalogServiceById } from '@common/catalog/services';
import { textIn } from '../../i18n/catalog-text';
import type { PlanService } from '@common/model/plan';

/** The user's name for a service if they gave one, else the catalog's name in the active language. */
export function serviceName(service: Pick<PlanService, 'name' | 'catalogId'>, locale: string): string {
  if (service.name) return service.name;
  const entry = service.catalogId ? catalogServiceById(service.catalogId) : undefined;
  if (!entry) return service.catalogId ?? '';
  return textIn(locale, entry.name);
}
