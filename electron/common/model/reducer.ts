/**
 * The one pure reducer: `apply(doc, command, now)` returns the next document and what happened,
 * or a typed error. Structural sharing: only the changed plan, the changed list and the history
 * array are new; everything else is shared with the previous document.
 */
import { accountKindOf } from '../catalog/accounts';
import { coolingOff as coolingOffFact } from '../catalog/facts';
import { RISK_IDS } from '../catalog/risks';
import { catalogServiceById } from '../catalog/services';
import { STEP_IDS, stepById, type StepId } from '../catalog/steps';
import { err, ok, type Result } from '../result';
import { submitBlockers } from '../readiness';
import { commandTimeOutOfBounds, type CommandOf, type PlanCommand } from './commands';
import type { VaultDocument } from './document';
import type { DomainEvent, PlanSection } from './events';
import type { HistoryEntry } from './history-entry';
import { newPlan } from './new-plan';
import type { Plan, PlanPhase } from './plan';
import { addDays, isValidAmount } from './primitives';

export interface Applied {
  doc: VaultDocument;
  events: DomainEvent[];
}

type Step = Result<{ plan: Plan; events: DomainEvent[] }>;

const changed = (
  planId: string,
  section: PlanSection,
  id: string,
  change: 'added' | 'updated' | 'removed',
  status?: string,
): DomainEvent =>
  status === undefined
    ? { type: 'plan.item-changed', planId, section, id, change }
    : { type: 'plan.item-changed', planId, section, id, change, status };

function wrongPhase(plan: Plan, command: PlanCommand): Step {
  return err('plan.wrong-phase', `${command.type} is not possible while the plan is ${plan.phase}`, {
    phase: plan.phase,
    command: command.type,
  });
}

function unknownItem(what: string, id: string): Step {
  return err('plan.unknown-item', `Unknown ${what} ${id}`, { item: what, id });
}

function notAfter(iso: string, now: string, what: string): Step | null {
  return Date.parse(iso) > Date.parse(now)
    ? err('plan.invalid-date', `${what} is in the future`, { field: what })
    : null;
}

function phaseTo(plan: Plan, to: PlanPhase, events: DomainEvent[]): Plan {
  if (plan.phase !== to) events.push({ type: 'plan.phase-changed', planId: plan.id, from: plan.phase, to });
  return { ...plan, phase: to };
}

/** Leaving a withdrawn request: the next submission starts from a clean set of steps. */
function clearSubmission(plan: Plan): Plan {
  if (plan.phase !== 'withdrawn') return plan;
  const steps = { ...plan.steps };
  for (const s of STEP_IDS) steps[s] = { ...steps[s], status: 'todo', doneAt: null };
  return {
    ...plan,
    steps,
    submission: null,
    withdrawnAt: null,
    coolingOff: { ...plan.coolingOff, submittedAt: null, endsAt: null },
  };
}

function upsertById<T extends { id: string; createdAt: string; updatedAt: string; note: string }>(
  list: readonly T[],
  item: Omit<T, 'createdAt' | 'updatedAt' | 'note'> & { note?: string | undefined },
  now: string,
): { list: T[]; change: 'added' | 'updated' } {
  const i = list.findIndex((x) => x.id === item.id);
  if (i < 0)
    return {
      list: [...list, { ...item, note: item.note ?? '', createdAt: now, updatedAt: now } as T],
      change: 'added',
    };
  const prev = list[i]!;
  return {
    list: list.with(i, { ...prev, ...item, note: item.note ?? prev.note, updatedAt: now } as T),
    change: 'updated',
  };
}

function dependentsOf(step: StepId): StepId[] {
  const out = new Set<StepId>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of STEP_IDS) {
      const needs = stepById(id)?.requires ?? [];
      if (!out.has(id) && needs.some((n) => n === step || out.has(n))) {
        out.add(id);
        grew = true;
      }
    }
  }
  return [...out];
}

function setStep(plan: Plan, c: CommandOf<'step.set'>, now: string): Step {
  if (plan.phase === 'submitted' || plan.phase === 'closed') return wrongPhase(plan, c);
  if (c.stepId === 'confirm')
    return err('plan.confirm-via-submit', 'The last step is recorded by submitting the plan');
  const events: DomainEvent[] = [];
  const steps = { ...plan.steps };
  if (c.status === 'done') {
    const missing = (stepById(c.stepId)?.requires ?? []).filter((r) => steps[r].status !== 'done');
    if (missing.length)
      return err('plan.step-order', `Steps not done yet: ${missing.join(', ')}`, {
        missing: missing.join(','),
      });
  } else {
    // Un-ticking a step un-ticks everything that needed it, so no step is ever done before its prerequisites.
    for (const d of dependentsOf(c.stepId)) {
      if (steps[d].status === 'done') {
        steps[d] = { ...steps[d], status: 'todo', doneAt: null, updatedAt: now };
        events.push(changed(plan.id, 'step', d, 'updated', 'todo'));
      }
    }
  }
  const prev = steps[c.stepId];
  if (prev.status === c.status && (c.note === undefined || c.note === prev.note) && events.length === 0)
    return ok({ plan, events: [] });
  steps[c.stepId] = {
    status: c.status,
    doneAt: c.status === 'done' ? (prev.status === 'done' ? prev.doneAt : now) : null,
    note: c.note ?? prev.note,
    updatedAt: now,
  };
  events.unshift(changed(plan.id, 'step', c.stepId, 'updated', c.status));
  return ok({ plan: { ...plan, steps }, events });
}

function submit(plan: Plan, c: CommandOf<'plan.submit'>, now: string): Step {
  if (plan.phase !== 'preparing') return wrongPhase(plan, c);
  const submittedAt = c.submittedAt ?? now;
  const bad = notAfter(submittedAt, now, 'submittedAt');
  if (bad) return bad;
  const unacked = RISK_IDS.filter((r) => plan.risks[r].acknowledgedAt === null);
  if (unacked.length)
    return err('plan.risks-unacknowledged', 'Every risk must be acknowledged first', {
      risks: unacked.join(','),
      count: unacked.length,
    });
  const stepsLeft = STEP_IDS.filter((s) => s !== 'confirm' && plan.steps[s].status !== 'done');
  if (stepsLeft.length)
    return err('plan.steps-incomplete', 'Steps before confirming are not done', {
      steps: stepsLeft.join(','),
      count: stepsLeft.length,
    });
  const blockers = submitBlockers(plan, now);
  if (blockers.length && !c.override)
    return err('plan.blocked', 'Preconditions are not met; submitting needs an override with a reason', {
      blockers: blockers.join(','),
      count: blockers.length,
    });
  const events: DomainEvent[] = [];
  const endsAt = addDays(submittedAt, plan.coolingOff.days);
  let next: Plan = {
    ...plan,
    steps: {
      ...plan.steps,
      confirm: { ...plan.steps.confirm, status: 'done', doneAt: submittedAt, updatedAt: now },
    },
    submission: {
      submittedAt,
      blockers,
      override: blockers.length && c.override ? { reason: c.override.reason, at: now } : null,
    },
    coolingOff: { ...plan.coolingOff, submittedAt, endsAt },
  };
  next = phaseTo(next, 'submitted', events);
  events.push(
    { type: 'plan.submitted', planId: plan.id, submittedAt, overridden: blockers },
    { type: 'plan.cooling-off-changed', planId: plan.id, days: plan.coolingOff.days, submittedAt, endsAt },
  );
  return ok({ plan: next, events });
}

function setCoolingOff(plan: Plan, c: CommandOf<'plan.set-cooling-off'>, now: string): Step {
  if (c.submittedAt !== undefined && plan.phase !== 'submitted' && plan.phase !== 'closed')
    return wrongPhase(plan, c);
  if (c.submittedAt) {
    const bad = notAfter(c.submittedAt, now, 'submittedAt');
    if (bad) return bad;
    if (plan.closedAt && Date.parse(c.submittedAt) > Date.parse(plan.closedAt))
      return err('plan.invalid-date', 'The submission cannot be after the closure', { field: 'submittedAt' });
  }
  const days = c.days === undefined ? plan.coolingOff.days : (c.days ?? coolingOffFact.defaultDays);
  const daysFromUser = c.days === undefined ? plan.coolingOff.daysFromUser : c.days !== null;
  const submittedAt = c.submittedAt ?? plan.coolingOff.submittedAt;
  const endsAt = submittedAt ? addDays(submittedAt, days) : null;
  const submission =
    plan.submission && c.submittedAt ? { ...plan.submission, submittedAt: c.submittedAt } : plan.submission;
  const steps =
    c.submittedAt && plan.steps.confirm.status === 'done'
      ? { ...plan.steps, confirm: { ...plan.steps.confirm, doneAt: c.submittedAt } }
      : plan.steps;
  const coolingOff = { days, daysFromUser, submittedAt, endsAt };
  const same = JSON.stringify(coolingOff) === JSON.stringify(plan.coolingOff);
  if (same) return ok({ plan, events: [] });
  return ok({
    plan: { ...plan, coolingOff, submission, steps },
    events: [{ type: 'plan.cooling-off-changed', planId: plan.id, days, submittedAt, endsAt }],
  });
}

function applyToPlan(
  plan: Plan,
  c: Exclude<PlanCommand, { type: 'plan.create' | 'plan.delete' }>,
  now: string,
): Step {
  const id = plan.id;
  // A closed account is final: only the plan's own label and note can still change.
  if (plan.phase === 'closed' && c.type !== 'plan.set-details' && c.type !== 'plan.reopen')
    return wrongPhase(plan, c);
  switch (c.type) {
    case 'plan.set-details':
      return ok({
        plan: { ...plan, label: c.label ?? plan.label, note: c.note ?? plan.note },
        events: [changed(id, 'details', id, 'updated')],
      });
    case 'plan.decide': {
      if (plan.phase !== 'deciding' && plan.phase !== 'kept' && plan.phase !== 'withdrawn')
        return wrongPhase(plan, c);
      const events: DomainEvent[] = [];
      const next = {
        ...clearSubmission(plan),
        decision: { ...plan.decision, alternativeId: null, decidedAt: now },
      };
      return ok({ plan: phaseTo(next, 'preparing', events), events });
    }
    case 'plan.reconsider': {
      if (plan.phase !== 'preparing' && plan.phase !== 'kept' && plan.phase !== 'withdrawn')
        return wrongPhase(plan, c);
      const events: DomainEvent[] = [];
      const next = {
        ...clearSubmission(plan),
        decision: { ...plan.decision, alternativeId: null, decidedAt: null },
      };
      return ok({ plan: phaseTo(next, 'deciding', events), events });
    }
    case 'alternative.choose': {
      if (plan.phase === 'submitted') return wrongPhase(plan, c);
      const events: DomainEvent[] = [changed(id, 'decision', c.alternativeId, 'updated')];
      const next = {
        ...clearSubmission(plan),
        decision: { alternativeId: c.alternativeId, decidedAt: now, note: c.note ?? plan.decision.note },
      };
      return ok({ plan: phaseTo(next, 'kept', events), events });
    }
    case 'risk.acknowledge': {
      if (plan.phase === 'submitted') return wrongPhase(plan, c);
      const was = plan.risks[c.riskId].acknowledgedAt !== null;
      if (was === c.acknowledged) return ok({ plan, events: [] });
      return ok({
        plan: {
          ...plan,
          risks: { ...plan.risks, [c.riskId]: { acknowledgedAt: c.acknowledged ? now : null } },
        },
        events: [
          changed(id, 'risk', c.riskId, 'updated', c.acknowledged ? 'acknowledged' : 'unacknowledged'),
        ],
      });
    }
    case 'step.set':
      return setStep(plan, c, now);
    case 'gate.set': {
      const prev = plan.gates[c.gateId];
      return ok({
        plan: {
          ...plan,
          gates: {
            ...plan.gates,
            [c.gateId]: { status: c.status, note: c.note ?? prev.note, updatedAt: now },
          },
        },
        events: [changed(id, 'gate', c.gateId, 'updated', c.status)],
      });
    }
    case 'preparation.set': {
      const prev = plan.preparations[c.preparationId];
      return ok({
        plan: {
          ...plan,
          preparations: {
            ...plan.preparations,
            [c.preparationId]: { status: c.status, note: c.note ?? prev.note, updatedAt: now },
          },
        },
        events: [changed(id, 'preparation', c.preparationId, 'updated', c.status)],
      });
    }
    case 'binding.set': {
      const at = c.at ?? now;
      const bad = notAfter(at, now, 'at');
      if (bad) return bad;
      return ok({
        plan: { ...plan, bindings: { ...plan.bindings, [c.binding]: { state: c.state, changedAt: at } } },
        events: [changed(id, 'binding', c.binding, 'updated', c.state)],
      });
    }
    case 'security.set-last-change': {
      const bad = c.at === null ? null : notAfter(c.at, now, 'at');
      if (bad) return bad;
      return ok({
        plan: { ...plan, lastSecurityChangeAt: c.at },
        events: [changed(id, 'security', 'last-change', 'updated')],
      });
    }
    case 'service.add': {
      if (plan.services.some((s) => s.id === c.serviceId))
        return err('plan.duplicate-id', `Service ${c.serviceId} exists`, { id: c.serviceId });
      const catalogId = c.catalogId ?? null;
      if (catalogId !== null && !catalogServiceById(catalogId))
        return unknownItem('catalog service', catalogId);
      const name = c.name?.trim() ?? '';
      if (catalogId === null && !name)
        return err('plan.name-required', 'A service the catalog does not know needs a name');
      // Two cards with one name cannot be told apart (nor in the asset form's list of services).
      if (name && plan.services.some((s) => serviceNames(s).includes(sameName(name))))
        return err('plan.duplicate-service', `A service named ${name} is already listed`, { name });
      const status = c.status ?? 'unchecked';
      const service = {
        id: c.serviceId,
        catalogId,
        name,
        status,
        note: c.note ?? '',
        createdAt: now,
        updatedAt: now,
      };
      return ok({
        plan: { ...plan, services: [...plan.services, service] },
        events: [changed(id, 'service', c.serviceId, 'added', status)],
      });
    }
    case 'service.set-status': {
      const i = plan.services.findIndex((s) => s.id === c.serviceId);
      const prev = plan.services[i];
      if (!prev) return unknownItem('service', c.serviceId);
      const next = { ...prev, status: c.status, note: c.note ?? prev.note, updatedAt: now };
      return ok({
        plan: { ...plan, services: plan.services.with(i, next) },
        events: [changed(id, 'service', c.serviceId, 'updated', c.status)],
      });
    }
    case 'service.remove': {
      if (!plan.services.some((s) => s.id === c.serviceId)) return unknownItem('service', c.serviceId);
      const holding = plan.assets.filter((a) => a.serviceId === c.serviceId);
      if (holding.length)
        return err('plan.service-in-use', 'Assets still belong to this service', { count: holding.length });
      return ok({
        plan: { ...plan, services: plan.services.filter((s) => s.id !== c.serviceId) },
        events: [changed(id, 'service', c.serviceId, 'removed')],
      });
    }
    case 'asset.upsert': {
      const a = c.asset;
      if (!isValidAmount(a.amount))
        return err('plan.negative-amount', 'Amounts are whole numbers, zero or more');
      if (a.serviceId !== null && !plan.services.some((s) => s.id === a.serviceId))
        return unknownItem('service', a.serviceId);
      const { list, change } = upsertById(plan.assets, a, now);
      return ok({ plan: { ...plan, assets: list }, events: [changed(id, 'asset', a.id, change, a.status)] });
    }
    case 'asset.remove': {
      if (!plan.assets.some((a) => a.id === c.assetId)) return unknownItem('asset', c.assetId);
      return ok({
        plan: { ...plan, assets: plan.assets.filter((a) => a.id !== c.assetId) },
        events: [changed(id, 'asset', c.assetId, 'removed')],
      });
    }
    case 'site.upsert': {
      const prevDomain = plan.sites.find((s) => s.id === c.site.id)?.domain ?? '';
      const { list, change } = upsertById(
        plan.sites,
        { ...c.site, domain: c.site.domain ?? prevDomain },
        now,
      );
      return ok({
        plan: { ...plan, sites: list },
        events: [changed(id, 'site', c.site.id, change, c.site.status)],
      });
    }
    case 'site.remove': {
      if (!plan.sites.some((s) => s.id === c.siteId)) return unknownItem('site', c.siteId);
      return ok({
        plan: { ...plan, sites: plan.sites.filter((s) => s.id !== c.siteId) },
        events: [changed(id, 'site', c.siteId, 'removed')],
      });
    }
    case 'contact.upsert': {
      const { list, change } = upsertById(plan.contacts, c.contact, now);
      return ok({
        plan: { ...plan, contacts: list },
        events: [changed(id, 'contact', c.contact.id, change, c.contact.status)],
      });
    }
    case 'contact.remove': {
      if (!plan.contacts.some((x) => x.id === c.contactId)) return unknownItem('contact', c.contactId);
      return ok({
        plan: { ...plan, contacts: plan.contacts.filter((x) => x.id !== c.contactId) },
        events: [changed(id, 'contact', c.contactId, 'removed')],
      });
    }
    case 'backup.set': {
      const prev = plan.backups[c.kind];
      const next = {
        ...prev,
        status: c.status,
        location: c.location ?? prev.location,
        note: c.note ?? prev.note,
        updatedAt: now,
      };
      return ok({
        plan: { ...plan, backups: { ...plan.backups, [c.kind]: next } },
        events: [changed(id, 'backup', c.kind, 'updated', c.status)],
      });
    }
    case 'backup.record-verification': {
      const bad = notAfter(c.verifiedAt, now, 'verifiedAt');
      if (bad) return bad;
      const prev = plan.backups[c.kind];
      const location = c.location ?? prev.location;
      const verification = {
        verifiedAt: c.verifiedAt,
        messages: c.messages,
        folders: c.folders,
        bytes: c.bytes,
        location,
      };
      const next = { ...prev, status: 'done' as const, location, verification, updatedAt: now };
      return ok({
        plan: { ...plan, backups: { ...plan.backups, [c.kind]: next } },
        events: [
          changed(id, 'backup', c.kind, 'updated', 'done'),
          {
            type: 'backup.verified',
            planId: id,
            kind: c.kind,
            verifiedAt: c.verifiedAt,
            messages: c.messages,
            folders: c.folders,
          },
        ],
      });
    }
    case 'plan.submit':
      return submit(plan, c, now);
    case 'plan.withdraw': {
      if (plan.phase !== 'submitted') return wrongPhase(plan, c);
      const at = c.at ?? now;
      const bad = notAfter(at, now, 'at');
      if (bad) return bad;
      const events: DomainEvent[] = [];
      const next = phaseTo(
        { ...plan, withdrawnAt: at, coolingOff: { ...plan.coolingOff, submittedAt: null, endsAt: null } },
        'withdrawn',
        events,
      );
      events.push({
        type: 'plan.cooling-off-changed',
        planId: id,
        days: plan.coolingOff.days,
        submittedAt: null,
        endsAt: null,
      });
      return ok({ plan: next, events });
    }
    case 'plan.close': {
      if (plan.phase !== 'submitted') return wrongPhase(plan, c);
      const closedAt = c.closedAt ?? now;
      const bad = notAfter(closedAt, now, 'closedAt');
      if (bad) return bad;
      if (plan.submission && Date.parse(closedAt) < Date.parse(plan.submission.submittedAt))
        return err('plan.invalid-date', 'The closure cannot be before the submission', { field: 'closedAt' });
      const events: DomainEvent[] = [];
      return ok({ plan: phaseTo({ ...plan, closedAt }, 'closed', events), events });
    }
    case 'plan.reopen': {
      if (plan.phase !== 'closed') return wrongPhase(plan, c);
      const events: DomainEvent[] = [];
      return ok({ plan: phaseTo({ ...plan, closedAt: null }, 'submitted', events), events });
    }
    case 'plan.set-cooling-off':
      return setCoolingOff(plan, c, now);
  }
}

/**
 * Closing while the cooling-off period still runs needs the user's explicit word (`early`).
 * Checked for new commands only, not in replay: a history recorded before this rule still applies.
 */
function closesTooEarly(doc: VaultDocument, command: PlanCommand, now: string): Result<null> {
  if (command.type !== 'plan.close' || command.early) return ok(null);
  const endsAt = doc.plans.find((p) => p.id === command.planId)?.coolingOff.endsAt;
  if (endsAt && Date.parse(endsAt) > Date.parse(command.closedAt ?? now))
    return err(
      'plan.cooling-off-not-over',
      'The cooling-off period has not ended; confirm an early closure',
      {
        endsAt,
      },
    );
  return ok(null);
}

/** Applies a command to the plans only (no history): shared by `apply` and by replay. */
export function applyToPlans(
  plans: readonly Plan[],
  command: PlanCommand,
  now: string,
): Result<{ plans: Plan[]; events: DomainEvent[] }> {
  if (command.type === 'plan.create') {
    if (plans.some((p) => p.id === command.planId))
      return err('plan.duplicate-id', `Plan ${command.planId} exists`, { id: command.planId });
    const address = command.address.trim().toLowerCase();
    const kind = accountKindOf(address);
    if (!kind || !/^[^\s@]+@[^\s@]+$/.test(address))
      return err('plan.unsupported-address', 'Only 163.com, 126.com and yeah.net addresses', { address });
    if (plans.some((p) => p.address === address))
      return err('plan.duplicate-address', 'A plan for this address exists', { address });
    const plan = newPlan(command.planId, address, kind.domain, command.label?.trim() ?? '', now);
    return ok({ plans: [...plans, plan], events: [{ type: 'plan.created', planId: plan.id, address }] });
  }
  const i = plans.findIndex((p) => p.id === command.planId);
  const plan = plans[i];
  if (!plan) return err('plan.not-found', `No plan ${command.planId}`, { id: command.planId });
  if (command.type === 'plan.delete') {
    return ok({
      plans: plans.filter((p) => p.id !== command.planId),
      events: [{ type: 'plan.deleted', planId: plan.id }],
    });
  }
  const r = applyToPlan(plan, command, now);
  if (!r.ok) return r;
  if (r.value.events.length === 0) return ok({ plans: plans as Plan[], events: [] });
  return ok({ plans: plans.with(i, { ...r.value.plan, updatedAt: now }), events: r.value.events });
}

/**
 * Applies one command at `now` (ISO time). A command that changes nothing leaves the document as
 * it was and records nothing. Deleting a plan removes its history too: nothing of it is kept.
 */
export function apply(doc: VaultDocument, command: PlanCommand, now: string): Result<Applied> {
  const outOfBounds = commandTimeOutOfBounds(command, Date.parse(now));
  if (outOfBounds) return err('plan.invalid-date', `${outOfBounds} is out of range`, { field: outOfBounds });
  const early = closesTooEarly(doc, command, now);
  if (!early.ok) return early;
  const r = applyToPlans(doc.plans, command, now);
  if (!r.ok) return r;
  const { plans, events } = r.value;
  if (events.length === 0) return ok({ doc, events });
  if (command.type === 'plan.delete') {
    return ok({
      doc: { ...doc, plans, history: doc.history.filter((e) => e.planId !== command.planId) },
      events,
    });
  }
  const entry: HistoryEntry = {
    seq: (doc.history.at(-1)?.seq ?? 0) + 1,
    planId: command.planId,
    at: now,
    command,
    events,
  };
  return ok({ doc: { ...doc, plans, history: [...doc.history, entry] }, events });
}

/** A service name as compared for duplicates: trimmed, width and case folded. */
function sameName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/**
 * The names a plan's service is shown by: the one the person gave it (a game of their own is in
 * the catalog's "game" kind), else its catalog entry's, in each language.
 */
function serviceNames(s: { catalogId: string | null; name: string }): string[] {
  const entry = !s.name.trim() && s.catalogId ? catalogServiceById(s.catalogId) : undefined;
  const names = entry ? Object.values(entry.name) : [s.name];
  return names.map(sameName);
}
