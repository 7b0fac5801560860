import { expect } from 'vitest';
import { apply, emptyDocument, type PlanCommand, type VaultDocument } from '../../../electron/common/model';
import type { Result } from '../../../electron/common/result';

export const T0 = '2026-03-01T08:00:00.000Z';
export const DAY = 86_400_000;

export function at(days: number, hours = 0): string {
  return new Date(Date.parse(T0) + days * DAY + hours * 3_600_000).toISOString();
}

/** Applies a command that must succeed. */
export function must(doc: VaultDocument, command: PlanCommand, now = T0): VaultDocument {
  const r = apply(doc, command, now);
  if (!r.ok) throw new Error(`${command.type} rejected: ${r.error.code} ${r.error.message}`);
  return r.value.doc;
}

export function mustAll(doc: VaultDocument, commands: PlanCommand[], now = T0): VaultDocument {
  return commands.reduce((d, c) => must(d, c, now), doc);
}

export function rejected(r: Result<unknown>): string {
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.code;
}

export function withPlan(now = T0, address = 'zhang.san@163.com'): VaultDocument {
  return must(emptyDocument(now), { type: 'plan.create', planId: 'p1', address }, now);
}

export function planOf(doc: VaultDocument, id = 'p1') {
  const p = doc.plans.find((x) => x.id === id);
  if (!p) throw new Error(`no plan ${id}`);
  return p;
}
