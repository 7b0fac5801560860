import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { api, on } from '../api';
import type { Plan } from '../../../electron/common/model/plan';
import type { PlanCommand } from '../../../electron/common/model/commands';
import type { HistoryEntry } from '../../../electron/common/model/history-entry';
import { readiness as computeReadiness, type Readiness } from '../../../electron/common/readiness';
import type { AppError, Result } from '../../../electron/common/result';

/** Ids are chosen by the client so history replays to the same document (see model/commands.ts). */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/**
 * All plans of the vault. Main is the authority: every change goes through `plan:apply` and the
 * store takes the plans main sends back (and those of `plan:changed`, for other windows).
 * Readiness is computed here with the same pure function main uses, for the current time.
 */
export const usePlansStore = defineStore('plans', () => {
  const plans = shallowRef<Plan[]>([]);
  const loaded = ref(false);
  const loadError = ref<AppError | null>(null);
  /** Bumped to recompute time-dependent readiness (a security change ageing out of its window). */
  const now = ref(Date.now());

  let unsubscribe: (() => void) | null = null;

  function replace(next: Plan[]): void {
    plans.value = next;
    loaded.value = true;
  }

  async function load(): Promise<void> {
    const r = await api.plan.list();
    if (r.ok) {
      replace(r.value);
      loadError.value = null;
    } else {
      loadError.value = r.error;
    }
    unsubscribe ??= on('plan:changed', () => {
      void load();
    });
  }

  async function apply(command: PlanCommand): Promise<Result<Plan[]>> {
    const r = await api.plan.apply(command);
    if (!r.ok) return r;
    await load();
    return { ok: true, value: plans.value };
  }

  /** Creates a plan for `address`; answers the new plan's id. */
  async function create(address: string, label = ''): Promise<Result<string>> {
    const planId = newId('plan');
    const r = await apply({ type: 'plan.create', planId, address, ...(label ? { label } : {}) });
    return r.ok ? { ok: true, value: planId } : r;
  }

  async function history(planId: string): Promise<Result<HistoryEntry[]>> {
    return api.plan.history({ planId });
  }

  const byId = (id: string): Plan | undefined => plans.value.find((p) => p.id === id);

  const readinessById = computed(() => {
    const iso = new Date(now.value).toISOString();
    const map = new Map<string, Readiness>();
    for (const p of plans.value) map.set(p.id, computeReadiness(p, iso));
    return map;
  });

  function tick(): void {
    now.value = Date.now();
  }

  function reset(): void {
    unsubscribe?.();
    unsubscribe = null;
    plans.value = [];
    loaded.value = false;
  }

  return { plans, loaded, loadError, now, load, apply, create, history, byId, readinessById, tick, reset };
});
