import { useRouter, type RouteLocationRaw } from 'vue-router';
import { RISK_IDS } from '../../../electron/common/catalog/risks';
import type { Fix } from '../../../electron/common/readiness';

/**
 * Readiness points the risk acknowledgements at the dashboard (`#risks`, `#<risk id>`), but the
 * risk notice is on the steps screen: send those links there, so "acknowledge the risks" opens them.
 */
function screenOf(fix: Fix): string {
  const anchor = fix.anchor ?? '';
  if (fix.route === 'plan-dashboard' && (anchor === 'risks' || (RISK_IDS as readonly string[]).includes(anchor))) return 'plan-steps';
  return fix.route;
}

/**
 * Where a readiness item says the fix is (a route name such as 'plan-assets', maybe an anchor).
 * Null when that screen is not registered, so a link never leads nowhere.
 */
export function useFixLink() {
  const router = useRouter();
  return (fix: Fix, planId: string): RouteLocationRaw | null => {
    const route = screenOf(fix);
    if (!router.hasRoute(route)) return null;
    const needsPlan = route.startsWith('plan-');
    return {
      name: route,
      ...(needsPlan ? { params: { planId } } : {}),
      ...(fix.anchor ? { hash: `#${fix.anchor}` } : {}),
    };
  };
}
