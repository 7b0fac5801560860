import { nextTick, onMounted, ref, watch } from 'vue';
import { useRoute } from 'vue-router';
import type { PlanCommand } from '../../../../../electron/common/model/commands';
import type { AppError } from '../../../../../electron/common/result';
import { useCurrentPlan } from '../../../composables/useCurrentPlan';
import { usePlansStore } from '../../../stores/plans';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A command for the screen's own plan: the plan id is added here. */
export type ScreenCommand = DistributiveOmit<PlanCommand, 'planId'>;

/**
 * What every plan sub-screen needs: its plan and readiness, and one way to change it that shows
 * the translated error of a refused command and keeps buttons disabled while a change is in flight.
 */
export function usePlanScreen() {
  const { planId, plan, readiness } = useCurrentPlan();
  const store = usePlansStore();
  const busy = ref(false);
  const error = ref<AppError | null>(null);
  const route = useRoute();

  // Readiness and the dashboard link to "#<item>" on these screens: bring that item into view.
  async function reveal(hash: string) {
    if (!hash) return;
    await nextTick();
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    // Scroll only the shell's content area: scrollIntoView would also shift the whole window.
    const main = el?.closest<HTMLElement>('#main');
    if (el && main) main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top;
  }
  onMounted(() => void reveal(route.hash));
  watch(() => route.hash, (h) => void reveal(h));

  async function apply(command: ScreenCommand): Promise<boolean> {
    busy.value = true;
    try {
      const r = await store.apply({ ...command, planId: planId.value } as PlanCommand);
      error.value = r.ok ? null : r.error;
      return r.ok;
    } finally {
      busy.value = false;
    }
  }

  return { planId, plan, readiness, busy, error, apply };
}
