/**
 * History: replay (rebuild the document from its entries), the burndown of open items per day and
 * the timeline. Replay goes through `applyToPlans`, not `apply`, so it stays linear in the number
 * of entries instead of re-copying the history array at every step.
 */
import { openItemCount, type Msg } from '../readiness';
import { err, ok, type Result } from '../result';
import { emptyDocument, type VaultDocument } from './document';
import type { DomainEvent } from './events';
import type { HistoryEntry } from './history-entry';
import type { Plan } from './plan';
import { applyToPlans } from './reducer';
import { DAY_MS } from './primitives';

/** Rebuilds a document from `createdAt` and its history. Fails if an entry no longer applies. */
export function replay(createdAt: string, history: readonly HistoryEntry[]): Result<VaultDocument> {
  let plans: Plan[] = [];
  const rebuilt: HistoryEntry[] = [];
  for (const entry of history) {
    const r = applyToPlans(plans, entry.command, entry.at);
    if (!r.ok)
      return err('plan.invalid-command', `History entry ${entry.seq} no longer applies: ${r.error.code}`, {
        seq: entry.seq,
      });
    plans = r.value.plans;
    rebuilt.push({ ...entry, events: r.value.events });
  }
  return ok({ ...emptyDocument(createdAt), plans, history: rebuilt });
}

export function historyOf(doc: VaultDocument, planId: string): HistoryEntry[] {
  return doc.history.filter((e) => e.planId === planId);
}

export interface BurndownPoint {
  /** Local calendar day, YYYY-MM-DD, in the offset the caller asked for. */
  date: string;
  open: number;
  total: number;
}

function dayKey(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Open checklist items at the end of each day from the plan's first entry to `now`, replaying the
 * plan's own entries. `utcOffsetMinutes` is the user's offset (UTC+8 = 480), so days are theirs.
 */
export function burndown(
  entries: readonly HistoryEntry[],
  nowIso: string,
  utcOffsetMinutes = 0,
): BurndownPoint[] {
  const first = entries[0];
  if (!first) return [];
  const offsetMs = utcOffsetMinutes * 60_000;
  const startDay = Math.floor((Date.parse(first.at) + offsetMs) / DAY_MS);
  const endDay = Math.floor((Date.parse(nowIso) + offsetMs) / DAY_MS);
  const points: BurndownPoint[] = [];
  let plans: Plan[] = [];
  let i = 0;
  for (let day = startDay; day <= endDay; day++) {
    const endOfDayMs = (day + 1) * DAY_MS - offsetMs - 1;
    for (; i < entries.length && Date.parse(entries[i]!.at) <= endOfDayMs; i++) {
      const r = applyToPlans(plans, entries[i]!.command, entries[i]!.at);
      if (r.ok) plans = r.value.plans;
    }
    const plan = plans.find((p) => p.id === first.planId);
    if (!plan) continue;
    const at = new Date(Math.min(endOfDayMs, Date.parse(nowIso))).toISOString();
    points.push({ date: dayKey(endOfDayMs, utcOffsetMinutes), ...openItemCount(plan, at) });
  }
  return points;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  command: HistoryEntry['command']['type'];
  /** i18n key (domain.timeline.<command>) with params. */
  summary: Msg;
  events: DomainEvent[];
}

function summaryParams(entry: HistoryEntry): Record<string, string | number> {
  const c = entry.command as Record<string, unknown>;
  const params: Record<string, string | number> = {};
  for (const key of [
    'riskId',
    'stepId',
    'gateId',
    'preparationId',
    'serviceId',
    'assetId',
    'siteId',
    'contactId',
    'kind',
    'status',
    'alternativeId',
    'binding',
    'state',
    'days',
    'messages',
    'folders',
  ]) {
    const v = c[key];
    if (typeof v === 'string' || typeof v === 'number') params[key] = v;
  }
  const item = (c.asset ?? c.site ?? c.contact) as
    { id?: string; label?: string; name?: string; status?: string } | undefined;
  if (item) {
    params.name = item.label ?? item.name ?? '';
    if (item.status) params.status = item.status;
  }
  return params;
}

export function timeline(entries: readonly HistoryEntry[]): TimelineEntry[] {
  return entries.map((e) => ({
    seq: e.seq,
    at: e.at,
    command: e.command.type,
    summary: { key: `domain.timeline.${e.command.type}`, params: summaryParams(e) },
    events: e.events,
  }));
}
