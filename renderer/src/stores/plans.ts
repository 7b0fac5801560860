import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { api, on } from '../api';
import type { PlanApplied, PlanHistory, PlanView } from '@common/contract/plan';
import type { Plan } from '@common/model/plan';
import type { PlanCommand } from '@common/model/commands';
import type { Readiness } from '@common/readiness';
import type { AppError, Result } from '@common/result';

/** Ids are chosen by the client so history replays to the same document (see model/commands.ts). */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** The user's offset from UTC in minutes (UTC+8 = 480), so burndown days are the user's days. */
export function localUtcOffsetMinutes(): number {
  return -new Date().getTimezoneOffset();
}

/**
 * All plans of the vault, each with the readiness main computed for it. Main is the authority:
 * every change goes through `plan:apply`, and the store takes the view main answers with. Changes
 * main makes by itself (a verified mail backup, discovery's additions) come as `plan:changed`;
 * main never sends both for one change.
 */
export const usePlansStore = defineStore('plans', () => {
  const views = shallowRef<PlanView[]>([]);
  const loaded = ref(false);
  const loadError = ref<AppError | null>(null);

  let unsubscribe: (() => void) | null = null;
  let unsubscribeImported: (() => void) | null = null;

  function patch(applied: PlanApplied): void {
    const rest = views.value.filter((v) => v.plan.id !== applied.planId);
    if (!applied.view) {
      views.value = rest;
      return;
    }
    const at = views.value.findIndex((v) => v.plan.id === applied.planId);
    const next = [...views.value];
    if (at === -1) next.push(applied.view);
    else next[at] = applied.view;
    views.value = next;
  }

  async function load(): Promise<void> {
    unsubscribe ??= on('plan:changed', patch);
    // An import adds, updates or removes many plans at once: re-read the list rather than patch it.
    unsubscribeImported ??= on('transfer:imported', () => void load());
    const r = await api.plan.list();
    if (r.ok) {
      views.value = r.value;
      loaded.value = true;
      loadError.value = null;
    } else {
      loadError.value = r.error;
    }
  }

  async function apply(command: PlanCommand): Promise<Result<PlanApplied>> {
    const r = await api.plan.apply(command);
    if (r.ok) patch(r.value);
    return r;
  }

  /** Creates a plan for `address`; answers the new plan's id. */
  async function create(address: string, label = ''): Promise<Result<string>> {
    const r = await api.plan.create({ address, ...(label ? { label } : {}), planId: newId('plan') });
    if (!r.ok) return r;
    patch({ planId: r.value.plan.id, view: r.value, events: [] });
    return { ok: true, value: r.value.plan.id };
  }

  async function history(planId: string): Promise<Result<PlanHistory>> {
    return api.plan.history({ planId, utcOffsetMinutes: localUtcOffsetMinutes() });
  }

  const plans = computed<Plan[]>(() => views.value.map((v) => v.plan));
  const readinessById = computed(
    () => new Map<string, Readiness>(views.value.map((v) => [v.plan.id, v.readiness])),
  );
  const byId = (id: string): Plan | undefined => views.value.find((v) => v.plan.id === id)?.plan;

  /** Re-reads every plan (readiness depends on the time: a security change ages out of its window). */
  const refresh = load;

  function reset(): void {
    unsubscribe?.();
    unsubscribe = null;
    unsubscribeImported?.();
    unsubscribeImported = null;
    views.value = [];
    loaded.value = false;
  }

  return {
    views,
    plans,
    loaded,
    loadError,
    load,
    refresh,
    apply,
    create,
    history,
    byId,
    readinessById,
    reset,
  };
});
