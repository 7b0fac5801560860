import { computed, nextTick, onMounted, ref, watch } from 'vue';
import { useRoute } from 'vue-router';
import type { PlanCommand } from '@common/model/commands';
import type { AppError } from '@common/result';
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
  // A count, not a flag: selects stay usable while a change saves (see BaseSelect), so a second
  // change may start before the first ends, and `busy` must last until both have.
  const pending = ref(0);
  const busy = computed(() => pending.value > 0);
  const error = ref<AppError | null>(null);
  const route = useRoute();

  // Readiness, the dashboard and reminders (`?item=`) link to "#<item>" on these screens: bring
  // that item into view and mark it, so the person sees which one the link meant.
  async function reveal(hash: string) {
    for (const old of document.querySelectorAll('[data-highlighted]'))
      old.removeAttribute('data-highlighted');
    if (!hash) return;
    await nextTick();
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!el) return;
    el.setAttribute('data-highlighted', '');
    // Scroll only the shell's content area: scrollIntoView would also shift the whole window.
    const main = el.closest<HTMLElement>('#main');
    // A little room above it, so the mark's ring is not cut off by the top edge.
    if (main) main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 16;
  }
  onMounted(() => void reveal(route.hash));
  watch(
    () => route.hash,
    (h) => void reveal(h),
  );

  async function apply(command: ScreenCommand): Promise<boolean> {
    // A button pressed to save is disabled while it saves, which drops keyboard focus to <body>:
    // give it back afterwards if it is still there to take it.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    pending.value++;
    try {
      const r = await store.apply({ ...command, planId: planId.value } as PlanCommand);
      error.value = r.ok ? null : r.error;
      return r.ok;
    } finally {
      pending.value--;
      await nextTick();
      const lost = !document.activeElement || document.activeElement === document.body;
      if (lost && focused?.isConnected) focused.focus({ preventScroll: true });
    }
  }

  return { planId, plan, readiness, busy, error, apply };
}
