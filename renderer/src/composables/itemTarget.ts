import type { RouteLocationRaw } from 'vue-router';
import type { ItemRef } from '@common/model/reminders';

/**
 * Where an item of a plan lives on screen. Reminders point at items as `?item=<kind>:<id>` on the
 * plan's address (`reminderRoute`); the plan opens the screen that holds the item, with the item's
 * element id as the #anchor that the shell scrolls to and highlights.
 */
const SCREENS: Record<string, { route: string; anchor: (id: string) => string }> = {
  service: { route: 'plan-services', anchor: (id) => `service-${id}` },
  asset: { route: 'plan-assets', anchor: (id) => `asset-${id}` },
  site: { route: 'plan-sites', anchor: (id) => `site-${id}` },
  contact: { route: 'plan-sites', anchor: (id) => `contact-${id}` },
  // Steps and backups already carry their own id as the anchor (readiness fix links use it).
  step: { route: 'plan-steps', anchor: (id) => id },
  backup: { route: 'plan-backups', anchor: (id) => id },
};

/** The screen of `kind:id` on plan `planId`, or null for an unknown kind (the dashboard then stays). */
export function itemLocation(planId: string, item: string): RouteLocationRaw | null {
  const at = item.indexOf(':');
  if (at <= 0 || at === item.length - 1) return null;
  const screen = SCREENS[item.slice(0, at)];
  if (!screen) return null;
  return { name: screen.route, params: { planId }, hash: `#${screen.anchor(item.slice(at + 1))}` };
}

/**
 * Where a reminder or an in-app notification leads: its plan (at its item, `?item=<kind>:<id>`), or
 * the reminders screen when it belongs to no plan. main speaks of plans and items only; the
 * addresses are the renderer's.
 */
export function reminderRoute(target: { planId: string | null; item: ItemRef | null }): string {
  if (target.planId === null) return '/reminders';
  const base = `/plans/${encodeURIComponent(target.planId)}`;
  return target.item ? `${base}?item=${encodeURIComponent(`${target.item.kind}:${target.item.id}`)}` : base;
}
