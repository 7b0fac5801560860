import { useRouter, type RouteLocationRaw } from 'vue-router';
import type { FixTarget } from '@common/catalog/gates';
import { RISK_IDS } from '@common/catalog/risks';
import type { Fix } from '@common/readiness';

/** The screen (route name) of each area readiness and the catalog point at: route knowledge stays here. */
const SCREEN_OF: Readonly<Record<FixTarget, string>> = {
  dashboard: 'plan-dashboard',
  steps: 'plan-steps',
  services: 'plan-services',
  assets: 'plan-assets',
  sites: 'plan-sites',
  backups: 'plan-backups',
  alternatives: 'plan-alternatives',
  history: 'plan-history',
  reminders: 'reminders',
  settings: 'settings',
};

/**
 * Readiness points the risk acknowledgements at the dashboard (`#risks`, `#<risk id>`), but the
 * risk notice is on the steps screen: send those links there, so "acknowledge the risks" opens them.
 */
export function fixRouteName(fix: Fix): string {
  const anchor = fix.anchor ?? '';
  if (fix.target === 'dashboard' && (anchor === 'risks' || (RISK_IDS as readonly string[]).includes(anchor)))
    return 'plan-steps';
  return SCREEN_OF[fix.target];
}

/**
 * Where a readiness item says the fix is (an area such as 'assets', maybe an anchor), as a route.
 * Null when that screen is not registered, so a link never leads nowhere.
 */
export function useFixLink() {
  const router = useRouter();
  return (fix: Fix, planId: string): RouteLocationRaw | null => {
    const route = fixRouteName(fix);
    if (!router.hasRoute(route)) return null;
    const needsPlan = route.startsWith('plan-');
    return {
      name: route,
      ...(needsPlan ? { params: { planId } } : {}),
      ...(fix.anchor ? { hash: `#${fix.anchor}` } : {}),
    };
  };
}
