/**
 * The document's invariants as one checkable function: the property tests run it after every
 * random command, and main can run it after loading a vault.
 */
import { RISK_IDS } from '../catalog/risks';
import { STEP_IDS, stepById } from '../catalog/steps';
import type { VaultDocument } from './document';
import { isValidAmount } from './primitives';

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

export function checkInvariants(doc: VaultDocument): string[] {
  const problems: string[] = [];
  const planIds = new Set(doc.plans.map((p) => p.id));
  for (const d of duplicates(doc.plans.map((p) => p.id))) problems.push(`duplicate plan id ${d}`);
  for (const d of duplicates(doc.plans.map((p) => p.address))) problems.push(`duplicate address ${d}`);
  for (const p of doc.plans) {
    const at = `plan ${p.id}`;
    for (const [name, list] of [
      ['service', p.services],
      ['asset', p.assets],
      ['site', p.sites],
      ['contact', p.contacts],
    ] as const)
      for (const d of duplicates(list.map((x) => x.id))) problems.push(`${at}: duplicate ${name} id ${d}`);
    const serviceIds = new Set(p.services.map((s) => s.id));
    for (const a of p.assets) {
      if (!isValidAmount(a.amount)) problems.push(`${at}: asset ${a.id} has an invalid amount`);
      if (a.serviceId !== null && !serviceIds.has(a.serviceId))
        problems.push(`${at}: asset ${a.id} points to missing service`);
    }
    for (const s of STEP_IDS) {
      if (p.steps[s].status !== 'done') continue;
      for (const r of stepById(s)?.requires ?? [])
        if (p.steps[r].status !== 'done') problems.push(`${at}: step ${s} done before ${r}`);
    }
    if (p.phase === 'submitted' || p.phase === 'closed') {
      if (!p.submission) problems.push(`${at}: ${p.phase} without a submission`);
      else if (p.submission.blockers.length && !p.submission.override)
        problems.push(`${at}: submitted past blockers without an override`);
      if (RISK_IDS.some((r) => p.risks[r].acknowledgedAt === null))
        problems.push(`${at}: submitted with a risk unacknowledged`);
      if (p.steps.confirm.status !== 'done')
        problems.push(`${at}: submitted but the confirm step is not done`);
    }
    const { submittedAt, endsAt, days } = p.coolingOff;
    if ((submittedAt === null) !== (endsAt === null)) problems.push(`${at}: cooling-off has only one end`);
    if (submittedAt && endsAt && Date.parse(endsAt) - Date.parse(submittedAt) !== days * 86_400_000)
      problems.push(`${at}: cooling-off end does not match its length`);
    if (
      p.phase === 'closed' &&
      (!p.closedAt || (p.submission && Date.parse(p.closedAt) < Date.parse(p.submission.submittedAt)))
    )
      problems.push(`${at}: closed without a valid closing time`);
  }
  let last = 0;
  for (const e of doc.history) {
    if (e.seq <= last) problems.push(`history seq ${e.seq} not increasing`);
    last = e.seq;
    if (!planIds.has(e.planId)) problems.push(`history entry ${e.seq} for missing plan ${e.planId}`);
  }
  return problems;
}
