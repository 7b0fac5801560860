import { catalog } from '../../common/catalog';
import { ok } from '../../common/result';
import type { Service } from './context';

/** The catalog is static data shipped with the app: readable before the vault is unlocked. */
export function createCatalogService(): Service<'catalog:get'> {
  return { handlers: { 'catalog:get': () => ok(catalog) } };
}
