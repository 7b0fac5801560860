import type { RouteRecordRaw } from 'vue-router';

/**
 * One screen = one file in `renderer/src/routes/`, default-exporting a ScreenModule. router.ts
 * collects them all; the shell and the plan layout build their navigation from `nav`.
 *
 * - `bare`: no shell around it (first run / unlock). Path is absolute.
 * - `app`: inside the app shell, in the side navigation. Path is absolute.
 * - `plan`: a tab of one plan, inside ThePlanLayout. Path is relative to `/plans/:planId/`
 *   (empty for the dashboard); the view reads the plan id from `useCurrentPlan()`.
 */
export interface ScreenModule {
  scope: 'bare' | 'app' | 'plan';
  route: RouteRecordRaw;
  nav?: {
    /** i18n key of the navigation label. */
    labelKey: string;
    /** Sort order within its navigation (dashboard 0, then steps 10, services 20, ...). */
    order: number;
  };
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Needs the vault unlocked; the guard sends everyone else to the first-run / unlock screen. */
    requiresVault?: boolean;
  }
}
