import { createRouter, createWebHashHistory, type Router } from 'vue-router';
import type { Pinia } from 'pinia';
import { buildRoutes } from './routes';
import { useVaultStore } from './stores/vault';
import { itemLocation } from './composables/itemTarget';

/** Hash history: the app is served from app:// (and from the harness) with no server-side routing. */
export function createAppRouter(pinia: Pinia): Router {
  const router = createRouter({ history: createWebHashHistory(), routes: buildRoutes() });

  router.beforeEach(async (to) => {
    const vault = useVaultStore(pinia);
    if (!vault.status && !vault.loadError) await vault.refresh();
    const needsVault = to.matched.some((r) => r.meta.requiresVault);
    if (needsVault && !vault.unlocked)
      return { name: 'welcome', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
    if (to.name === 'welcome' && vault.unlocked) return { name: 'plans' };
    // A reminder opens its plan as `/plans/<id>?item=<kind>:<id>`: open the screen holding that item.
    if (to.name === 'plan-dashboard' && typeof to.query.item === 'string') {
      const target = itemLocation(String(to.params.planId), to.query.item);
      if (target) return target;
    }
    return true;
  });

  return router;
}
