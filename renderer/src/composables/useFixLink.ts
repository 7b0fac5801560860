import { useRouter, type RouteLocationRaw } from 'vue-router';
import type { Fix } from '../../../electron/common/readiness';

/**
 * Where a readiness item says the fix is (a route name such as 'plan-assets', maybe an anchor).
 * Null when that screen is not registered, so a link never leads nowhere.
 */
export function useFixLink() {
  const router = useRouter();
  return (fix: Fix, planId: string): RouteLocationRaw | null => {
    if (!router.hasRoute(fix.route)) return null;
    const needsPlan = fix.route.startsWith('plan-');
    return {
      name: fix.route,
      ...(needsPlan ? { params: { planId } } : {}),
      ...(fix.anchor ? { hash: `#${fix.anchor}` } : {}),
    };
  };
}
