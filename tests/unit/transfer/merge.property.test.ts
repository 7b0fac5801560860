import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apply,
  checkInvariants,
  emptyDocument,
  migrateDocument,
  type VaultDocument,
} from '../../../electron/common/model';
import { exportContent, mergeImport, previewImport } from '../../../electron/common/transfer/merge';
import { openExport, sealExport } from '../../../electron/main/transfer/format';
import { sessionArb } from '../model/arbitraries';
import { T0 } from '../model/support';

const COST = { logN: 10, r: 8, p: 1 };
const META = {
  scope: 'vault' as const,
  exportedAt: T0,
  app: { name: 'Closeout', version: '0.1.0' },
  documentVersion: 2,
};

function build(session: { command: Parameters<typeof apply>[1]; now: string }[]): VaultDocument {
  let doc = emptyDocument(T0);
  for (const { command, now } of session) {
    const r = apply(doc, command, now);
    if (r.ok) doc = r.value.doc;
  }
  return doc;
}

async function roundTrip(doc: VaultDocument): Promise<VaultDocument> {
  const file = await sealExport(doc, 'passphrase-1', META, COST);
  const { payload } = await openExport(file, 'passphrase-1', [COST]);
  const migrated = migrateDocument(payload);
  if (!migrated.ok) throw new Error(migrated.error.code);
  return migrated.value;
}

describe('export and import of random documents', () => {
  it('a document survives export, import and replace exactly', async () => {
    await fc.assert(
      fc.asyncProperty(sessionArb, async (session) => {
        const doc = build(session);
        const back = await roundTrip(doc);
        expect(back).toEqual(doc);
        const replaced = mergeImport(emptyDocument(T0), back, 'replace');
        expect(replaced.ok && replaced.outcome.doc).toEqual(doc);
      }),
      { numRuns: 40 },
    );
  });

  it('merging a one-plan export into an empty vault adds exactly that plan and its history', async () => {
    await fc.assert(
      fc.asyncProperty(sessionArb, async (session) => {
        const doc = build(session);
        fc.pre(doc.plans.length > 0);
        const subset = exportContent(doc, doc.plans[0]!.id)!;
        const incoming = await roundTrip(subset);
        const target = emptyDocument('2026-01-01T00:00:00.000Z');
        expect(previewImport(target, incoming).plans.map((p) => p.action)).toEqual(['add']);
        const merged = mergeImport(target, incoming, 'merge');
        expect(merged.ok).toBe(true);
        if (!merged.ok) return;
        expect(merged.outcome.added).toBe(1);
        expect(merged.outcome.doc.plans).toEqual([doc.plans[0]]);
        expect(merged.outcome.doc.history.map((h) => h.command)).toEqual(
          doc.history.filter((h) => h.planId === doc.plans[0]!.id).map((h) => h.command),
        );
        expect(checkInvariants(merged.outcome.doc)).toEqual([]);
        // Merging the same file again changes nothing.
        const again = mergeImport(merged.outcome.doc, incoming, 'merge');
        expect(again.ok && again.outcome.doc).toEqual(merged.outcome.doc);
        expect(again.ok && again.outcome.kept).toBe(1);
      }),
      { numRuns: 40 },
    );
  });

  it('a plan for an address already here under another id is a conflict and is left alone', () => {
    const mine = build([
      { command: { type: 'plan.create', planId: 'a1', address: 'li.si@126.com' } as never, now: T0 },
    ]);
    const theirs = build([
      { command: { type: 'plan.create', planId: 'b1', address: 'li.si@126.com' } as never, now: T0 },
    ]);
    fc.pre(mine.plans.length === 1 && theirs.plans.length === 1);
    expect(previewImport(mine, theirs).plans[0]!.action).toBe('conflict');
    const merged = mergeImport(mine, theirs, 'merge');
    expect(merged.ok && merged.outcome.doc).toEqual(mine);
    expect(merged.ok && merged.outcome.conflicts).toBe(1);
  });
});

describe('saved mail authorization codes never travel', () => {
  const code = { address: 'zhou@163.com', authCode: 'SECRETCODE123456', savedAt: T0 };

  it('exports leave them out, whole vault or one plan', () => {
    const doc = {
      ...build([
        { command: { type: 'plan.create', planId: 'c1', address: 'zhou@163.com' } as never, now: T0 },
      ]),
      mailCodes: [code],
    };
    expect(JSON.stringify(exportContent(doc))).not.toContain('SECRETCODE');
    expect(JSON.stringify(exportContent(doc, 'c1'))).not.toContain('SECRETCODE');
  });

  it('an import keeps the codes saved on this machine, in merge and in replace', () => {
    const here = { ...emptyDocument(T0), mailCodes: [code] };
    const incoming = build([
      { command: { type: 'plan.create', planId: 'd1', address: 'wu@126.com' } as never, now: T0 },
    ]);
    for (const mode of ['merge', 'replace'] as const) {
      const r = mergeImport(here, incoming, mode);
      expect(r.ok && r.outcome.doc.mailCodes).toEqual([code]);
    }
  });
});

describe('folders main recorded never travel', () => {
  const mine = { planId: 'c1', purpose: 'mail-backup' as const, path: '/home/zhou/邮件备份', recordedAt: T0 };

  it('exports leave them out, and an import never brings any (replace keeps this vault’s)', () => {
    const doc = {
      ...build([
        { command: { type: 'plan.create', planId: 'c1', address: 'zhou@163.com' } as never, now: T0 },
      ]),
      folders: [mine],
    };
    expect(exportContent(doc)?.folders).toEqual([]);
    expect(exportContent(doc, 'c1')?.folders).toEqual([]);
    // A crafted file that vouches for /etc: an import is the page's data, never main's record.
    const incoming = {
      ...build([{ command: { type: 'plan.create', planId: 'd1', address: 'wu@126.com' } as never, now: T0 }]),
      folders: [{ ...mine, planId: 'd1', path: '/etc' }],
    };
    for (const mode of ['merge', 'replace'] as const) {
      const r = mergeImport(doc, incoming, mode);
      expect(r.ok && r.outcome.doc.folders, mode).toEqual([mine]);
    }
  });
});
