import { computed, watch, type ComputedRef } from 'vue';
import { stageView, type StageView } from '@common/plan-stage';
import type { Readiness } from '@common/readiness';
import { usePlansStore } from '../stores/plans';
import { useNow } from './useNow';

/**
 * The plan's stage as every tag, headline, countdown and percentage shows it (see
 * electron/common/plan-stage.ts), kept current by the clock: the cooling-off ends without a command.
 */
export function useStageView(readiness: () => Readiness | undefined): ComputedRef<StageView | undefined> {
  const now = useNow();
  const store = usePlansStore();
  const view = computed(() => {
    const r = readiness();
    return r ? stageView(r, now.value) : undefined;
  });
  // Main computed the readiness (its next actions) at the last change; when the clock ends the
  // cooling-off, ask again so "do not log in" gives way to "check the bounce, mark it closed".
  watch(
    () => view.value?.stage,
    (stage, before) => {
      if (before && stage !== before && stage === 'cooling-off-ended') void store.refresh();
    },
  );
  return view;
}
