import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue';
import { useRoute } from 'vue-router';
import type { Plan } from '@common/model/plan';
import type { Readiness } from '@common/readiness';
import { usePlansStore } from '../stores/plans';

export interface CurrentPlan {
  planId: ComputedRef<string>;
  /** Undefined while loading or when the id names no plan (the layout shows that state). */
  plan: ComputedRef<Plan | undefined>;
  readiness: ComputedRef<Readiness | undefined>;
}

const KEY: InjectionKey<CurrentPlan> = Symbol('current-plan');

/** Called once by ThePlanLayout for the `:planId` of the route. */
export function provideCurrentPlan(): CurrentPlan {
  const route = useRoute();
  const store = usePlansStore();
  const planId = computed(() => String(route.params.planId ?? ''));
  const current: CurrentPlan = {
    planId,
    plan: computed(() => store.byId(planId.value)),
    readiness: computed(() => store.readinessById.get(planId.value)),
  };
  provide(KEY, current);
  return current;
}

/** The plan of the screen, for any view or component under ThePlanLayout. */
export function useCurrentPlan(): CurrentPlan {
  const current = inject(KEY);
  if (!current) throw new Error('useCurrentPlan() outside ThePlanLayout');
  return current;
}
