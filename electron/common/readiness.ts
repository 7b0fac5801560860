/**
 * Readiness: what the plan's data says about each precondition, whether the plan can be submitted,
 * what to do next, and why NetEase might refuse (FAQ Q3). Pure: the time is passed in.
 * Reasons are i18n keys with params (messages in renderer/src/i18n/messages/domain.ts), never prose.
 */
import { coolingOff as coolingOffFact } from './catalog/facts';
import { faqQ3Causes, gates as catalogGates, SECURITY_CHANGE_WINDOW_DAYS } from './catalog/gates';
import type { Confidence } from './catalog/types';
import type { FaqQ3CauseId, FixTarget, Gate, GateId } from './catalog/gates';
import { preparations as catalogPreparations, type PreparationId } from './catalog/preparations';
import { RISK_IDS } from './catalog/risks';
import { STEP_IDS } from './catalog/steps';
import type { PlanSection } from './model/events';
import type { GateStatus, Plan, PlanPhase } from './model/plan';
import { amountIsZero, DAY_MS } from './model/primitives';

export interface Msg {
  key: string;
  params?: Record<string, string | number>;
}
export interface Fix {
  target: FixTarget;
  anchor?: string;
}
export interface ItemRef {
  section: PlanSection;
  id: string;
}

export interface GateReadiness {
  id: GateId;
  required: boolean;
  status: GateStatus;
  /** 'data': derived from the plan's lists; 'user': what the user declared; 'none': nothing known. */
  basis: 'data' | 'user' | 'none';
  reason: Msg;
  fix: Fix;
  items: ItemRef[];
  confidence: Confidence;
}

export interface PreparationReadiness {
  id: PreparationId;
  done: boolean;
  reason: Msg;
  fix: Fix;
  items: ItemRef[];
}

export interface Blocker {
  /** 'gate:<id>', 'preparation:<id>' or 'risk:<id>'. Risks cannot be overridden at submission. */
  id: string;
  reason: Msg;
  fix: Fix;
  items: ItemRef[];
}

export interface NextAction {
  id: string;
  label: Msg;
  fix: Fix;
}

export interface Q3Diagnosis {
  cause: FaqQ3CauseId;
  verdict: 'likely' | 'possible' | 'ruled-out';
  gates: GateId[];
  reasons: Msg[];
  items: ItemRef[];
  fix: Fix;
}

export type WarningId =
  | 'phone-unbound-before-backup'
  | 'recent-security-change'
  | 'mail-client-configured'
  | 'cooling-off-unverified';

export interface ReadinessWarning {
  id: WarningId;
  severity: 'info' | 'warning' | 'danger';
  reason: Msg;
  fix: Fix;
}

export interface CoolingOffStatus {
  days: number;
  daysFromUser: boolean;
  confidence: Confidence;
  label: 'domain.coolingOff.checkFigure';
  submittedAt: string | null;
  endsAt: string | null;
  /** Whole days until endsAt, rounded up; 0 once it has passed; null before submission. */
  daysLeft: number | null;
}

export type ReadinessStatus =
  'deciding' | 'not-ready' | 'ready' | 'submitted' | 'closed' | 'kept' | 'withdrawn';

export interface Readiness {
  planId: string;
  phase: PlanPhase;
  status: ReadinessStatus;
  /** 0..1: share of checklist items done (1 once closed or kept). */
  progress: number;
  counts: { done: number; total: number; open: number };
  gates: GateReadiness[];
  preparations: PreparationReadiness[];
  /** What stands between the plan and "ready"; empty when ready. */
  blockers: Blocker[];
  nextActions: NextAction[];
  diagnosis: Q3Diagnosis[];
  warnings: ReadinessWarning[];
  coolingOff: CoolingOffStatus;
}

const msg = (key: string, params?: Record<string, string | number>): Msg =>
  params ? { key: `domain.${key}`, params } : { key: `domain.${key}` };

interface Derived {
  status: GateStatus;
  reason: Msg;
  items: ItemRef[];
}

function refs(section: PlanSection, list: readonly { id: string }[]): ItemRef[] {
  return list.map((x) => ({ section, id: x.id }));
}

function blockingAssets(plan: Plan, serviceId?: string) {
  return plan.assets.filter(
    (a) =>
      a.status === 'open' &&
      !amountIsZero(a.amount) &&
      (serviceId === undefined || a.serviceId === serviceId),
  );
}

function deriveGate(plan: Plan, id: GateId, nowMs: number): Derived | null {
  switch (id) {
    case 'third-party-unbound': {
      const inUse = plan.services.filter((s) => s.status === 'in-use');
      if (inUse.length)
        return {
          status: 'blocked',
          reason: msg('reason.servicesInUse', { count: inUse.length }),
          items: refs('service', inUse),
        };
      const unchecked = plan.services.filter((s) => s.status === 'unchecked');
      if (unchecked.length)
        return {
          status: 'unknown',
          reason: msg('reason.servicesUnchecked', { count: unchecked.length }),
          items: refs('service', unchecked),
        };
      return plan.services.length
        ? { status: 'met', reason: msg('reason.servicesCleared'), items: [] }
        : null;
    }
    case 'assets-emptied': {
      const open = blockingAssets(plan);
      if (open.length)
        return {
          status: 'blocked',
          reason: msg('reason.assetsOpen', { count: open.length }),
          items: refs('asset', open),
        };
      return plan.assets.length ? { status: 'met', reason: msg('reason.assetsEmptied'), items: [] } : null;
    }
    case 'pay-closed': {
      const pay = plan.services.filter((s) => s.catalogId === 'pay');
      const open = pay.flatMap((s) => blockingAssets(plan, s.id));
      if (open.length)
        return {
          status: 'blocked',
          reason: msg('reason.payBalance', { count: open.length }),
          items: refs('asset', open),
        };
      const inUse = pay.filter((s) => s.status === 'in-use');
      if (inUse.length)
        return { status: 'blocked', reason: msg('reason.payInUse'), items: refs('service', inUse) };
      if (pay.some((s) => s.status === 'unchecked'))
        return { status: 'unknown', reason: msg('reason.payUnchecked'), items: refs('service', pay) };
      return pay.length ? { status: 'met', reason: msg('reason.payClosed'), items: [] } : null;
    }
    case 'phone-binding':
      return plan.bindings.phone.state === 'unbound'
        ? { status: 'met', reason: msg('reason.phoneUnbound'), items: [] }
        : null;
    case 'no-recent-security-change': {
      if (!plan.lastSecurityChangeAt) return null;
      const until = Date.parse(plan.lastSecurityChangeAt) + SECURITY_CHANGE_WINDOW_DAYS.value * DAY_MS;
      if (until > nowMs)
        return {
          status: 'blocked',
          reason: msg('reason.securityChangeRecent', {
            date: plan.lastSecurityChangeAt,
            daysLeft: Math.ceil((until - nowMs) / DAY_MS),
          }),
          items: [],
        };
      return { status: 'met', reason: msg('reason.securityChangeOld'), items: [] };
    }
    case 'no-open-orders':
    case 'account-normal':
      return null;
  }
}

function evaluateGate(plan: Plan, gate: Gate, nowMs: number): GateReadiness {
  const derived = deriveGate(plan, gate.id, nowMs);
  const declared = plan.gates[gate.id];
  const base = {
    id: gate.id,
    required: gate.required,
    fix: { target: gate.fixTarget, anchor: gate.id },
    confidence: gate.confidence,
  };
  // What the data shows as blocking wins over a declaration; otherwise the user knows better than our guesses.
  if (derived?.status === 'blocked')
    return { ...base, status: 'blocked', basis: 'data', reason: derived.reason, items: derived.items };
  if (declared.status !== 'unknown')
    return {
      ...base,
      status: declared.status,
      basis: 'user',
      reason: msg(`reason.declared.${declared.status}`),
      items: [],
    };
  if (derived)
    return { ...base, status: derived.status, basis: 'data', reason: derived.reason, items: derived.items };
  return { ...base, status: 'unknown', basis: 'none', reason: msg('reason.notChecked'), items: [] };
}

function evaluatePreparation(plan: Plan, id: PreparationId, fix: Fix): PreparationReadiness {
  const prep = catalogPreparations.find((p) => p.id === id);
  const done = (reason: string): PreparationReadiness => ({
    id,
    done: true,
    reason: msg(reason),
    fix,
    items: [],
  });
  const open = (
    reason: string,
    items: ItemRef[] = [],
    params?: Record<string, number>,
  ): PreparationReadiness => ({
    id,
    done: false,
    reason: msg(reason, params),
    fix,
    items,
  });
  if (prep?.backupKind) {
    const b = plan.backups[prep.backupKind];
    if (b.status === 'not-needed') return done('reason.backupNotNeeded');
    if (b.status === 'done') return done(b.verification ? 'reason.backupVerified' : 'reason.backupDone');
    return open('reason.backupOpen');
  }
  if (id === 'change-address-sites' || id === 'tell-contacts') {
    const section = id === 'change-address-sites' ? 'site' : 'contact';
    const list = id === 'change-address-sites' ? plan.sites : plan.contacts;
    const todo = list.filter((x) => x.status === 'todo');
    if (todo.length) return open(`reason.${section}sTodo`, refs(section, todo), { count: todo.length });
    const declared = plan.preparations[id].status;
    if (declared === 'done' || declared === 'skipped') return done(`reason.declared.${declared}`);
    if (list.length) return done(`reason.${section}sDone`);
    return open(`reason.${section}sNotListed`);
  }
  const declared = plan.preparations['remove-mail-clients'].status;
  if (declared === 'done' || declared === 'skipped') return done(`reason.declared.${declared}`);
  return open('reason.mailClientsOpen');
}

export function evaluateGates(plan: Plan, nowIso: string): GateReadiness[] {
  const nowMs = Date.parse(nowIso);
  return catalogGates.map((g) => evaluateGate(plan, g, nowMs));
}

export function evaluatePreparations(plan: Plan): PreparationReadiness[] {
  return catalogPreparations.map((p) =>
    evaluatePreparation(plan, p.id, { target: p.fixTarget, anchor: p.id }),
  );
}

function unacknowledgedRisks(plan: Plan) {
  return RISK_IDS.filter((r) => plan.risks[r].acknowledgedAt === null);
}

/** Gate and preparation blockers: what `plan.submit` needs an override for. */
export function overridableBlockers(gates: GateReadiness[], preps: PreparationReadiness[]): Blocker[] {
  return [
    ...gates
      .filter((g) => g.required && g.status !== 'met')
      .map((g) => ({ id: `gate:${g.id}`, reason: g.reason, fix: g.fix, items: g.items })),
    ...preps
      .filter((p) => !p.done)
      .map((p) => ({ id: `preparation:${p.id}`, reason: p.reason, fix: p.fix, items: p.items })),
  ];
}

export function submitBlockers(plan: Plan, nowIso: string): string[] {
  return overridableBlockers(evaluateGates(plan, nowIso), evaluatePreparations(plan)).map((b) => b.id);
}

function countItems(plan: Plan, gates: GateReadiness[], preps: PreparationReadiness[]) {
  let done = 0;
  let total = 0;
  const tally = (ok: boolean) => {
    total++;
    if (ok) done++;
  };
  for (const r of RISK_IDS) tally(plan.risks[r].acknowledgedAt !== null);
  for (const s of STEP_IDS) tally(plan.steps[s].status === 'done');
  for (const g of gates) tally(g.status === 'met');
  for (const p of preps) tally(p.done);
  for (const s of plan.services) tally(s.status === 'cleared' || s.status === 'not-used');
  for (const a of plan.assets) tally(a.status !== 'open' || amountIsZero(a.amount));
  for (const s of plan.sites) tally(s.status !== 'todo');
  for (const c of plan.contacts) tally(c.status !== 'todo');
  return { done, total, open: total - done };
}

/** Open checklist items at a moment: what the burndown chart draws. */
export function openItemCount(plan: Plan, nowIso: string): { open: number; total: number } {
  const { open, total } = countItems(plan, evaluateGates(plan, nowIso), evaluatePreparations(plan));
  return { open, total };
}

/** The cooling-off period has run out (one with no end yet has not): the stage and the warnings agree. */
export function coolingOffEnded(endsAt: string | null, nowMs: number): boolean {
  return endsAt !== null && Date.parse(endsAt) <= nowMs;
}

function coolingOffStatus(plan: Plan, nowMs: number): CoolingOffStatus {
  const { days, daysFromUser, submittedAt, endsAt } = plan.coolingOff;
  const left = endsAt === null ? null : Math.max(0, Math.ceil((Date.parse(endsAt) - nowMs) / DAY_MS));
  return {
    days,
    daysFromUser,
    confidence: daysFromUser ? 'medium' : coolingOffFact.confidence,
    label: 'domain.coolingOff.checkFigure',
    submittedAt,
    endsAt,
    daysLeft: plan.phase === 'submitted' ? left : null,
  };
}

function warningsFor(plan: Plan, preps: PreparationReadiness[], nowMs: number): ReadinessWarning[] {
  const out: ReadinessWarning[] = [];
  const phone = plan.bindings.phone;
  const mail = plan.backups.mail;
  if (phone.state === 'unbound' && mail.status !== 'not-needed') {
    const verifiedAt = mail.verification ? Date.parse(mail.verification.verifiedAt) : null;
    const unboundAt = phone.changedAt ? Date.parse(phone.changedAt) : nowMs;
    if (verifiedAt === null || verifiedAt > unboundAt)
      out.push({
        id: 'phone-unbound-before-backup',
        severity: 'danger',
        reason: msg('warning.phoneUnboundBeforeBackup'),
        fix: { target: 'backups', anchor: 'mail' },
      });
  }
  if (plan.lastSecurityChangeAt && plan.phase !== 'closed') {
    const until = Date.parse(plan.lastSecurityChangeAt) + SECURITY_CHANGE_WINDOW_DAYS.value * DAY_MS;
    if (until > nowMs)
      out.push({
        id: 'recent-security-change',
        severity: 'warning',
        reason: msg('warning.recentSecurityChange', { daysLeft: Math.ceil((until - nowMs) / DAY_MS) }),
        fix: { target: 'dashboard', anchor: 'no-recent-security-change' },
      });
  }
  const clientsOpen = !preps.find((p) => p.id === 'remove-mail-clients')?.done;
  // Once the cooling-off period has ended, a client's sign-in can withdraw nothing any more.
  const coolingOffOver = plan.phase === 'submitted' && coolingOffEnded(plan.coolingOff.endsAt, nowMs);
  if (clientsOpen && (plan.phase === 'preparing' || plan.phase === 'submitted') && !coolingOffOver)
    out.push({
      id: 'mail-client-configured',
      severity: plan.phase === 'submitted' ? 'danger' : 'warning',
      reason: msg(
        plan.phase === 'submitted' ? 'warning.mailClientDuringCoolingOff' : 'warning.mailClientBeforeSubmit',
      ),
      fix: { target: 'steps', anchor: 'remove-mail-clients' },
    });
  if (plan.phase === 'submitted' && !plan.coolingOff.daysFromUser)
    out.push({
      id: 'cooling-off-unverified',
      severity: 'info',
      reason: msg('warning.coolingOffUnverified', { days: plan.coolingOff.days }),
      // The days are corrected where the submission is recorded.
      fix: { target: 'steps', anchor: 'submission' },
    });
  return out;
}

function diagnose(gates: GateReadiness[]): Q3Diagnosis[] {
  return faqQ3Causes.map((cause) => {
    const mine = gates.filter((g) => cause.gates.includes(g.id));
    const notMet = mine.filter((g) => g.status !== 'met');
    const verdict = mine.some((g) => g.status === 'blocked')
      ? 'likely'
      : notMet.length
        ? 'possible'
        : 'ruled-out';
    const first = notMet.find((g) => g.status === 'blocked') ?? notMet[0] ?? mine[0];
    return {
      cause: cause.id,
      verdict,
      gates: [...cause.gates],
      reasons: notMet.map((g) => g.reason),
      items: notMet.flatMap((g) => g.items),
      fix: first ? first.fix : { target: 'dashboard' },
    };
  });
}

function nextActionsFor(
  plan: Plan,
  gates: GateReadiness[],
  preps: PreparationReadiness[],
  nowMs: number,
): NextAction[] {
  const out: NextAction[] = [];
  const add = (id: string, label: Msg, fix: Fix) => out.push({ id, label, fix });
  switch (plan.phase) {
    case 'deciding':
      add('decide', msg('action.decide'), { target: 'alternatives' });
      return out;
    case 'kept':
      add(
        'follow-alternative',
        msg('action.followAlternative', { alternative: plan.decision.alternativeId ?? '' }),
        { target: 'alternatives' },
      );
      return out;
    case 'withdrawn':
      add('decide-again', msg('action.decideAgain'), { target: 'alternatives' });
      return out;
    case 'closed':
      return out;
    case 'submitted': {
      const ends = plan.coolingOff.endsAt ? Date.parse(plan.coolingOff.endsAt) : nowMs;
      if (ends > nowMs)
        add('do-not-log-in', msg('action.doNotLogIn', { endsAt: plan.coolingOff.endsAt ?? '' }), {
          target: 'dashboard',
          anchor: 'cooling-off',
        });
      else {
        // Both are done where the submission lives: the bounce check is explained beside "closed".
        add('check-bounce', msg('action.checkBounce'), { target: 'steps', anchor: 'submission' });
        add('record-closed', msg('action.recordClosed'), { target: 'steps', anchor: 'submission' });
      }
      return out;
    }
    case 'preparing':
      break;
  }
  const unacked = unacknowledgedRisks(plan);
  if (unacked.length)
    add('acknowledge-risks', msg('action.acknowledgeRisks', { count: unacked.length }), {
      target: 'dashboard',
      anchor: 'risks',
    });
  const mail = plan.backups.mail;
  if (mail.status !== 'done' && mail.status !== 'not-needed')
    add('backup-mail', msg('action.backupMail'), { target: 'backups', anchor: 'mail' });
  else if (mail.status === 'done' && !mail.verification)
    add('verify-mail-backup', msg('action.verifyMailBackup'), { target: 'backups', anchor: 'mail' });
  for (const p of preps)
    if (!p.done && p.id !== 'backup-mail' && p.id !== 'remove-mail-clients')
      add(`preparation:${p.id}`, msg(`action.preparation.${p.id}`), p.fix);
  const gateAction = (g: GateReadiness) => add(`gate:${g.id}`, msg(`action.gate.${g.id}.${g.status}`), g.fix);
  for (const g of gates) if (g.required && g.status !== 'met') gateAction(g);
  const clients = preps.find((p) => p.id === 'remove-mail-clients');
  if (clients && !clients.done)
    add('preparation:remove-mail-clients', msg('action.preparation.remove-mail-clients'), clients.fix);
  if (out.length === 0) {
    const stepsLeft = STEP_IDS.filter((s) => s !== 'confirm' && plan.steps[s].status !== 'done');
    if (stepsLeft.length)
      add('do-steps', msg('action.doSteps', { count: stepsLeft.length }), {
        target: 'steps',
        anchor: stepsLeft[0],
      });
    else add('submit', msg('action.submit'), { target: 'steps', anchor: 'submission' });
  }
  // Advisory gates never hold up submitting, so they come after it.
  for (const g of gates) if (!g.required && g.status !== 'met') gateAction(g);
  return out;
}

export function readiness(plan: Plan, nowIso: string): Readiness {
  const nowMs = Date.parse(nowIso);
  const gates = evaluateGates(plan, nowIso);
  const preps = evaluatePreparations(plan);
  const blockers: Blocker[] =
    plan.phase === 'preparing'
      ? [
          ...unacknowledgedRisks(plan).map((r) => ({
            id: `risk:${r}`,
            reason: msg('reason.riskUnacknowledged'),
            fix: { target: 'dashboard' as const, anchor: r },
            items: [],
          })),
          ...overridableBlockers(gates, preps),
        ]
      : [];
  const counts = countItems(plan, gates, preps);
  const finished = plan.phase === 'closed' || plan.phase === 'kept';
  const status: ReadinessStatus =
    plan.phase === 'preparing' ? (blockers.length ? 'not-ready' : 'ready') : plan.phase;
  return {
    planId: plan.id,
    phase: plan.phase,
    status,
    progress: finished ? 1 : counts.total ? counts.done / counts.total : 0,
    counts,
    gates,
    preparations: preps,
    blockers,
    nextActions: nextActionsFor(plan, gates, preps, nowMs),
    diagnosis: diagnose(gates),
    warnings: warningsFor(plan, preps, nowMs),
    coolingOff: coolingOffStatus(plan, nowMs),
  };
}
