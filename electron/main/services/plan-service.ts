/**
 * Plans over the vault: every command is a `plan` document command written through the one
 * document writer (`vault/document-writer.ts`), so it goes through the pure reducer and is on disk
 * before the Result returns. A plan's new state reaches the window once: in the reply
 * when the window asked for the change (`plan:create`, `plan:apply`), or as `plan:changed` when
 * main made it by itself (the mail backup's verification, discovery's additions).
 */
import { randomUUID } from 'node:crypto';
import type { PlanApplied, PlanHistory, PlanView } from '../../common/contract/plan';
import { burndown, historyOf, timeline, type Plan, type PlanCommand } from '../../common/model';
import type { BackupVerification } from '../../common/model/plan';
import { readiness } from '../../common/readiness';
import { err, ok, type Result } from '../../common/result';
import { documentWriter } from '../vault/document-writer';
import type { Service, ServiceContext } from './context';

export type PlanChannel = 'plan:list' | 'plan:create' | 'plan:apply' | 'plan:history';

export interface PlanService extends Service<PlanChannel> {
  /** For other services (mail backup records its verification through this); announces `plan:changed`. */
  apply(command: PlanCommand): Promise<Result<PlanApplied>>;
}

export function createPlanService(ctx: Pick<ServiceContext, 'clock' | 'emit' | 'store'>): PlanService {
  const nowIso = () => new Date(ctx.clock.now()).toISOString();
  const writer = documentWriter(ctx.store);
  const view = (plan: Plan, now: string): PlanView => ({ plan, readiness: readiness(plan, now) });

  const applyCommand = async (command: PlanCommand, announce: boolean): Promise<Result<PlanApplied>> => {
    const at = ctx.clock.now();
    const now = new Date(at).toISOString();
    const written = await writer.write({ type: 'plan', command }, at);
    if (!written.ok) return written;
    const { plan, events } = written.value;
    const r: PlanApplied = { planId: command.planId, view: plan ? view(plan, now) : null, events };
    if (announce && r.events.length) ctx.emit('plan:changed', r);
    return ok(r);
  };

  return {
    apply: (command) => applyCommand(command, true),
    handlers: {
      'plan:list': () => {
        const now = nowIso();
        return ok(ctx.store.read().plans.map((p) => view(p, now)));
      },
      'plan:create': async ({ address, label, planId }) => {
        const r = await applyCommand(
          {
            type: 'plan.create',
            planId: planId ?? randomUUID(),
            address,
            ...(label === undefined ? {} : { label }),
          },
          false,
        );
        if (!r.ok) return r;
        return r.value.view ? ok(r.value.view) : err('plan.not-found', 'The new plan is missing');
      },
      // A verified backup is recorded by main's own check (mail:verify, `mailVerificationRecorder`),
      // never by the window: readiness and the closure report trust it.
      'plan:apply': (command) =>
        command.type === 'backup.record-verification'
          ? Promise.resolve(
              err('plan.verified-by-app', 'Only the backup check records a verified backup', {
                id: command.planId,
              }),
            )
          : applyCommand(command, false),
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
  return async (planId: string, v: BackupVerification): Promise<Result<void>> => {
    const r = await plans.apply({ type: 'backup.record-verification', planId, kind: 'mail', ...v });
    return r.ok ? ok() : r;
  };
}
