/**
 * The one pure function every vault write goes through: each command kind applied to a real
 * document, and every failure answered as an `err` (never a throw), leaving the input untouched.
 */
import { describe, expect, it } from 'vitest';
import { emptyDocument, type PlanCommand, type VaultDocument } from '../../../electron/common/model';
import type { TimeZone } from '../../../electron/common/schedule';
import {
  applyDocumentCommand,
  type DocumentCommand,
  type DocumentCommandValue,
} from '../../../electron/main/vault/document-commands';
import { DAY, mustAll, T0, withPlan } from '../model/support';
import { readyCommands } from '../reminders/support';

const NOW = Date.parse(T0);
const zone: TimeZone = { offsetMinutes: () => 480 };
const SERVER = { host: 'imap.163.com', port: 993, secure: true };

function applied<C extends DocumentCommand>(
  doc: VaultDocument,
  command: C,
  now = NOW,
): { doc: VaultDocument; value: DocumentCommandValue<C> } {
  const r = applyDocumentCommand(doc, command, now);
  if (!r.ok) throw new Error(`${command.type} rejected: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Applies a command that must fail; checks it did not throw and did not touch the document. */
function failure(doc: VaultDocument, command: DocumentCommand, now = NOW): string {
  const before = structuredClone(doc);
  let r: ReturnType<typeof applyDocumentCommand> | undefined;
  expect(() => {
    r = applyDocumentCommand(doc, command, now);
  }).not.toThrow();
  expect(doc).toEqual(before);
  if (!r || r.ok) throw new Error(`${command.type} was accepted`);
  return r.error.code;
}

/** A plan submitted at T0 (so its cooling-off reminders exist once reconciled). */
function submitted(): VaultDocument {
  const commands: PlanCommand[] = [
    ...readyCommands('p1'),
    { type: 'plan.submit', planId: 'p1', override: { reason: 'test: gates not tracked here' } },
  ];
  return mustAll(withPlan(), commands);
}

describe('applyDocumentCommand: plan commands', () => {
  it('applies through the reducer, records history and answers the plan and its events', () => {
    const doc = withPlan();
    const r = applied(doc, { type: 'plan', command: { type: 'plan.decide', planId: 'p1' } });
    expect(r.value.plan?.phase).toBe('preparing');
    expect(r.value.events.length).toBeGreaterThan(0);
    expect(r.doc.history).toHaveLength(doc.history.length + 1);
    expect(r.doc.history.at(-1)).toMatchObject({ planId: 'p1', at: T0, command: { type: 'plan.decide' } });
    expect(doc.plans[0]!.phase).toBe('deciding');
  });

  it('answers a rejected command as an error', () => {
    const doc = withPlan();
    expect(failure(doc, { type: 'plan', command: { type: 'plan.decide', planId: 'nope' } })).toBe(
      'plan.not-found',
    );
    expect(
      failure(doc, { type: 'plan', command: { type: 'plan.create', planId: 'p2', address: 'x@gmail.com' } }),
    ).toBe('plan.unsupported-address');
  });
});

describe('applyDocumentCommand: reminders', () => {
  it('check: reconciles a submitted plan into cooling-off reminders and answers the delivery plan', () => {
    const doc = submitted();
    expect(doc.reminders.items).toHaveLength(0);
    const r = applied(doc, { type: 'reminders.check', zone });
    expect(r.doc.reminders.items.length).toBeGreaterThan(0);
    expect(r.doc.reminders.items.every((x) => x.planId === 'p1' && x.kind !== 'user')).toBe(true);
    expect(r.value.nextAt).not.toBeNull();
    // Checking again changes nothing: the same document comes back (no write needed).
    const again = applied(r.doc, { type: 'reminders.check', zone });
    expect(again.doc).toBe(r.doc);
  });

  it('check: records what is due as fired, once', () => {
    const start = applied(submitted(), { type: 'reminders.check', zone }).doc;
    const later = NOW + 45 * DAY;
    const r = applied(start, { type: 'reminders.check', zone }, later);
    expect(r.value.delivery).not.toBe('none');
    expect(r.value.fire.length).toBeGreaterThan(0);
    const fired = new Set(r.value.fire.map((x) => x.id));
    expect(r.doc.reminders.items.filter((x) => fired.has(x.id)).every((x) => x.firedAt === later)).toBe(true);
    expect(applied(r.doc, { type: 'reminders.check', zone }, later).value.fire).toHaveLength(0);
  });

  it('add: adds a user reminder for a plan, or none', () => {
    const doc = withPlan();
    const add = {
      type: 'reminders.add',
      id: 'user:1',
      planId: 'p1',
      item: { kind: 'step', id: 'login' },
      title: 'Call the bank',
      note: null,
      at: NOW + DAY,
      zone,
    } as const;
    const r = applied(doc, add);
    expect(r.value).toMatchObject({
      id: 'user:1',
      kind: 'user',
      dueAt: NOW + DAY,
      createdAt: NOW,
      title: 'Call the bank',
    });
    expect(r.doc.reminders.items).toEqual([r.value]);
    expect(applied(doc, { ...add, planId: null, item: null }).value.planId).toBeNull();
    expect(doc.reminders.items).toHaveLength(0);
  });

  it('add: refuses a time that has passed and a missing plan', () => {
    const doc = withPlan();
    const add = {
      type: 'reminders.add',
      id: 'user:1',
      planId: 'p1',
      item: null,
      title: 't',
      note: null,
      at: NOW,
      zone,
    } as const;
    expect(failure(doc, add)).toBe('reminders.time-in-past');
    expect(failure(doc, { ...add, at: NOW + DAY, planId: 'nope' })).toBe('reminders.plan-not-found');
  });

  const withUserReminder = () =>
    applied(withPlan(), {
      type: 'reminders.add',
      id: 'user:1',
      planId: 'p1',
      item: null,
      title: 't',
      note: null,
      at: NOW + DAY,
      zone,
    }).doc;

  it('snooze: moves the reminder to the chosen time', () => {
    const doc = withUserReminder();
    const r = applied(doc, { type: 'reminders.snooze', id: 'user:1', choice: { kind: 'hour' }, zone });
    expect(r.value.snoozedUntil).toBe(NOW + 3_600_000);
    expect(r.value.revision).toBe(doc.reminders.items[0]!.revision + 1);
    expect(r.doc.reminders.items[0]).toEqual(r.value);
  });

  it('snooze: refuses a missing, a dismissed and a past choice', () => {
    const doc = withUserReminder();
    expect(failure(doc, { type: 'reminders.snooze', id: 'nope', choice: { kind: 'hour' }, zone })).toBe(
      'reminders.not-found',
    );
    expect(
      failure(doc, { type: 'reminders.snooze', id: 'user:1', choice: { kind: 'at', at: NOW - 1 }, zone }),
    ).toBe('reminders.time-in-past');
    const gone = applied(doc, { type: 'reminders.dismiss', id: 'user:1', zone }).doc;
    expect(failure(gone, { type: 'reminders.snooze', id: 'user:1', choice: { kind: 'hour' }, zone })).toBe(
      'reminders.already-done',
    );
  });

  it('dismiss: marks the reminder dismissed now; a missing one is an error', () => {
    const doc = withUserReminder();
    const r = applied(doc, { type: 'reminders.dismiss', id: 'user:1', zone }, NOW + 5);
    expect(r.value.dismissedAt).toBe(NOW + 5);
    expect(r.doc.reminders.items[0]!.dismissedAt).toBe(NOW + 5);
    expect(failure(doc, { type: 'reminders.dismiss', id: 'nope', zone })).toBe('reminders.not-found');
  });

  it('settings: quiet hours and the check-in cadence', () => {
    const doc = withPlan();
    const quietHours = { enabled: false, start: 60, end: 120 };
    const q = applied(doc, { type: 'reminders.set-quiet-hours', quietHours, zone });
    expect(q.value.quietHours).toEqual(quietHours);
    expect(q.doc.reminders.settings).toEqual(q.value);
    const c = applied(q.doc, { type: 'reminders.set-check-in', everyDays: 7, zone });
    expect(c.doc.reminders.settings).toEqual({ ...q.value, checkInEveryDays: 7 });
    expect(doc.reminders.settings.quietHours.enabled).toBe(true);
  });

  it('every reminder operation starts from the reconciled reminders', () => {
    const doc = submitted();
    const r = applied(doc, { type: 'reminders.set-check-in', everyDays: 0, zone });
    expect(r.doc.reminders.items.some((x) => x.kind === 'cooling-off.start')).toBe(true);
    expect(r.doc.reminders.settings.checkInEveryDays).toBe(0);
    // The next check reconciles with the new cadence: the check-ins are cancelled.
    const checked = applied(r.doc, { type: 'reminders.check', zone }).doc;
    const activeCheckIn = (d: VaultDocument) =>
      d.reminders.items.some((x) => x.kind === 'cooling-off.check-in' && x.cancelledAt === null);
    expect(activeCheckIn(r.doc)).toBe(true);
    expect(activeCheckIn(checked)).toBe(false);
  });
});

describe('applyDocumentCommand: import', () => {
  it('merges an incoming plan with its history and answers the counts', () => {
    const current = emptyDocument(T0);
    const incoming = withPlan(T0, 'li.si@126.com');
    const r = applied(current, { type: 'import', incoming, mode: 'merge' });
    expect(r.value).toEqual({ added: 1, updated: 0, kept: 0, conflicts: 0 });
    expect(r.doc.plans.map((p) => p.address)).toEqual(['li.si@126.com']);
    expect(r.doc.history.map((h) => h.planId)).toEqual(['p1']);
  });

  it("replace keeps this vault's kept codes", () => {
    const current = applied(emptyDocument(T0), {
      type: 'code.save',
      address: 'a@163.com',
      authCode: 'C',
      server: SERVER,
    }).doc;
    const r = applied(current, { type: 'import', incoming: withPlan(), mode: 'replace' });
    expect(r.doc.mailCodes).toEqual(current.mailCodes);
    expect(r.doc.plans).toHaveLength(1);
  });

  it("refuses an import that would break the document's invariants", () => {
    const one = withPlan();
    const incoming: VaultDocument = { ...one, plans: [one.plans[0]!, { ...one.plans[0]!, id: 'p2' }] };
    expect(failure(emptyDocument(T0), { type: 'import', incoming, mode: 'replace' })).toBe(
      'transfer.conflict',
    );
  });
});

describe('applyDocumentCommand: kept codes', () => {
  it('save keeps one code per address (case-insensitive), bound to its server', () => {
    const doc = emptyDocument(T0);
    const a = applied(doc, {
      type: 'code.save',
      address: 'Zhang@163.com',
      authCode: 'one',
      server: SERVER,
    }).doc;
    const b = applied(
      a,
      { type: 'code.save', address: 'zhang@163.com', authCode: 'two', server: SERVER },
      NOW + 1,
    );
    expect(b.doc.mailCodes).toEqual([
      { address: 'zhang@163.com', authCode: 'two', savedAt: new Date(NOW + 1).toISOString(), server: SERVER },
    ]);
    expect(doc.mailCodes).toEqual([]);
  });

  it('forget removes the code and says whether there was one', () => {
    const kept = applied(emptyDocument(T0), {
      type: 'code.save',
      address: 'zhang@163.com',
      authCode: 'c',
      server: SERVER,
    }).doc;
    const r = applied(kept, { type: 'code.forget', address: 'ZHANG@163.com' });
    expect(r.value).toBe(true);
    expect(r.doc.mailCodes).toEqual([]);
    const none = applied(r.doc, { type: 'code.forget', address: 'zhang@163.com' });
    expect(none.value).toBe(false);
    expect(none.doc).toBe(r.doc);
  });
});

describe('applyDocumentCommand: never throws', () => {
  it('answers an unknown command and a time that is not a number as errors', () => {
    const doc = withPlan();
    expect(failure(doc, { type: 'no-such-command' } as unknown as DocumentCommand)).toBe('ipc.internal');
    expect(failure(doc, { type: 'code.forget', address: 'a@163.com' }, Number.NaN)).toBe('ipc.internal');
  });

  it('answers a malformed import (a handler that would throw) as an error', () => {
    const incoming = { plans: null } as unknown as VaultDocument;
    expect(failure(withPlan(), { type: 'import', incoming, mode: 'merge' })).toBe('ipc.internal');
  });
});

describe('applyDocumentCommand: folders main recorded', () => {
  const remember = (path: string, planId = 'p1'): DocumentCommand => ({
    type: 'folder.remember',
    planId,
    purpose: 'mail-backup',
    path,
  });

  it('records a folder for a plan once, newest last, and at most ten per plan', () => {
    let doc = applied(withPlan(), remember('/home/zhang/备份')).doc;
    doc = applied(doc, remember('/media/u盘/备份'), NOW + 1).doc;
    doc = applied(doc, remember('/home/zhang/备份'), NOW + 2).doc;
    expect(doc.folders.map((f) => [f.path, f.recordedAt])).toEqual([
      ['/media/u盘/备份', new Date(NOW + 1).toISOString()],
      ['/home/zhang/备份', new Date(NOW + 2).toISOString()],
    ]);
    for (let i = 0; i < 12; i++) doc = applied(doc, remember(`/b/${i}`), NOW + 3 + i).doc;
    expect(doc.folders.map((f) => f.path)).toEqual(Array.from({ length: 10 }, (_, i) => `/b/${i + 2}`));
  });

  it('refuses a plan that does not exist', () => {
    expect(failure(withPlan(), remember('/home/zhang/备份', 'nope'))).toBe('plan.not-found');
  });
});
