/**
 * Plans over the vault: every command goes through the pure reducer inside `store.update`, so it
 * is on disk before the Result returns. A plan's new state reaches the window once: in the reply
 * when the window asked for the change (`plan:create`, `plan:apply`), or as `plan:changed` when
 * main made it by itself (the mail backup's verification, discovery's additions).
 */
import { randomUUID } from 'node:crypto';
import type { PlanApplied, PlanHistory, PlanView } from '../../common/contract/plan';
import { apply, burndown, historyOf, timeline, type Plan, type PlanCommand } from '../../common/model';
import type { BackupVerification } from '../../common/model/plan';
import { readiness } from '../../common/readiness';
import { err, ok, type Result } from '../../common/result';
import type { Service, ServiceContext } from './context';

export type PlanChannel = 'plan:list' | 'plan:create' | 'plan:apply' | 'plan:history';

export interface PlanService extends Service<PlanChannel> {
  /** For other services (mail backup records its verification through this); announces `plan:changed`. */
  apply(command: PlanCommand): Promise<Result<PlanApplied>>;
}

export function createPlanService(ctx: Pick<ServiceContext, 'clock' | 'emit' | 'store'>): PlanService {
  const nowIso = () => new Date(ctx.clock.now()).toISOString();
  const view = (plan: Plan, now: string): PlanView => ({ plan, readiness: readiness(plan, now) });

  const applyCommand = async (command: PlanCommand, announce: boolean): Promise<Result<PlanApplied>> => {
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
    if (announce && r.ok && r.value.events.length) ctx.emit('plan:changed', r.value);
    return r;
  };

  return {
    apply: (command) => applyCommand(command, true),
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
        }, false);
        if (!r.ok) return r;
        return r.value.view ? ok(r.value.view) : err('plan.not-found', 'The new plan is missing');
      },
      'plan:apply': (command) => applyCommand(command, false),
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
    v: BackupVerification,
  ): Promise<Result<void>> => {
    const r = await plans.apply({ type: 'backup.record-verification', planId, kind: 'mail', ...v });
    return r.ok ? ok() : r;
  };
}
