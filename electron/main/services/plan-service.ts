/**
 * Plans over the vault: every command goes through the pure reducer inside `store.update`, so it
 * is on disk before the Result returns; then `plan:changed` goes to every window.
 */
import { randomUUID } from 'node:crypto';
import type { PlanApplied, PlanHistory, PlanView } from '../../common/contract/plan';
import { apply, burndown, historyOf, timeline, type Plan, type PlanCommand } from '../../common/model';
import { readiness } from '../../common/readiness';
import { err, ok, type Result } from '../../common/result';
import type { Service, ServiceContext } from './context';

export type PlanChannel = 'plan:list' | 'plan:create' | 'plan:apply' | 'plan:history';

export interface PlanService extends Service<PlanChannel> {
  /** For other services (mail backup records its verification through this). */
  apply(command: PlanCommand): Promise<Result<PlanApplied>>;
}

export function createPlanService(ctx: Pick<ServiceContext, 'clock' | 'emit' | 'store'>): PlanService {
  const nowIso = () => new Date(ctx.clock.now()).toISOString();
  const view = (plan: Plan, now: string): PlanView => ({ plan, readiness: readiness(plan, now) });

  const applyCommand = async (command: PlanCommand): Promise<Result<PlanApplied>> => {
    const now = nowIso();
    const r = await ctx.store.update((doc) => {
      const applied = apply(doc, command, now);
      if (!applied.ok) return applied;
      const plan = applied.value.doc.plans.find((p) => p.id === command.planId);
      const value: PlanApplied = {
        planId: command.planId,
        view: plan ? view(plan, now) : null,
        events: applied.value.events,
      };
      return ok({ doc: applied.value.doc, value });
    });
    if (r.ok && r.value.events.length) ctx.emit('plan:changed', r.value);
    return r;
  };

  return {
    apply: applyCommand,
    handlers: {
      'plan:list': () => {
        const now = nowIso();
        return ok(ctx.store.read().plans.map((p) => view(p, now)));
      },
      'plan:create': async ({ address, label, planId }) => {
        const r = await applyCommand({
          type: 'plan.create',
          planId: planId ?? randomUUID(),
          address,
          ...(label === undefined ? {} : { label }),
        });
        if (!r.ok) return r;
        return r.value.view ? ok(r.value.view) : err('plan.not-found', 'The new plan is missing');
      },
      'plan:apply': (command) => applyCommand(command),
      'plan:history': ({ planId, utcOffsetMinutes }): Result<PlanHistory> => {
        const doc = ctx.store.read();
        if (!doc.plans.some((p) => p.id === planId))
          return err('plan.not-found', `No plan ${planId}`, { id: planId });
        const entries = historyOf(doc, planId);
        return ok({
          planId,
          entries,
          timeline: timeline(entries),
          burndown: burndown(entries, nowIso(), utcOffsetMinutes ?? 0),
        });
      },
    },
  };
}

/** What the mail backup calls after a passing verification (MailServiceOptions.recordVerification). */
export function mailVerificationRecorder(plans: Pick<PlanService, 'apply'>) {
  return async (
    planId: string,
    v: { verifiedAt: string; messages: number; folders: number; bytes: number; location: string },
  ): Promise<Result<void>> => {
    const r = await plans.apply({ type: 'backup.record-verification', planId, kind: 'mail', ...v });
    return r.ok ? ok() : r;
  };
}
