import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkInvariants,
  DOCUMENT_VERSION,
  migrateDocument,
  replay,
  vaultDocumentSchema,
} from '../../../electron/common/model';
import { must, withPlan } from './support';

const dir = join(import.meta.dirname, '../../fixtures/documents');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    name: f,
    raw: JSON.parse(readFileSync(join(dir, f), 'utf8')) as { schemaVersion: number },
  }));

describe('document migrations', () => {
  it('has a fixture for every earlier version', () => {
    const versions = new Set(fixtures.map((f) => f.raw.schemaVersion));
    for (let v = 1; v < DOCUMENT_VERSION; v++) expect(versions, `fixture of version ${v}`).toContain(v);
  });

  it.each(fixtures)('migrates $name to a valid current document whose history replays', ({ raw }) => {
    const r = migrateDocument(structuredClone(raw));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.schemaVersion).toBe(DOCUMENT_VERSION);
    expect(vaultDocumentSchema.safeParse(r.value).success).toBe(true);
    expect(checkInvariants(r.value)).toEqual([]);
    const rebuilt = replay(r.value.createdAt, r.value.history);
    expect(rebuilt.ok && { plans: rebuilt.value.plans, history: rebuilt.value.history }).toEqual({
      plans: r.value.plans,
      history: r.value.history,
    });
  });

  it('turns v1 plans with a supported address into plans and keeps the rest under legacy', () => {
    const raw = fixtures.find((f) => f.name === 'v1-with-plans.json')!.raw;
    const r = migrateDocument(structuredClone(raw));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.plans.map((p) => [p.id, p.address, p.label, p.phase])).toEqual([
      ['old-plan', 'li.si@126.com', '旧邮箱', 'deciding'],
      ['migrated-2', 'wang@yeah.net', '', 'deciding'],
    ]);
    expect(r.value.plans[0]?.createdAt).toBe('2026-02-21T10:00:00.000Z');
    expect(r.value.history.map((e) => e.command.type)).toEqual(['plan.create', 'plan.create']);
    expect(r.value.legacy).toEqual({
      plans: [{ address: 'someone@gmail.com' }, 'not a plan'],
      history: [{ note: 'free-form v1 entry' }],
    });
  });

  it('records a v4 plan’s verified mail backup folder as main’s, and nothing the plan only notes', () => {
    const raw = fixtures.find((f) => f.name === 'v4-with-verified-backup.json')!.raw;
    const r = migrateDocument(structuredClone(raw));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.folders).toEqual([
      {
        planId: 'p1',
        purpose: 'mail-backup',
        path: '/home/zhang/Documents/Closeout 邮件备份',
        recordedAt: r.value.plans[0]!.backups.mail!.verification!.verifiedAt,
      },
    ]);
    expect(JSON.stringify(r.value.folders)).not.toContain('移动硬盘');
  });

  it('leaves a current document as it is', () => {
    const doc = must(withPlan(), { type: 'plan.decide', planId: 'p1' });
    const r = migrateDocument(JSON.parse(JSON.stringify(doc)));
    expect(r.ok && r.value).toEqual(doc);
  });

  it('refuses newer, unversioned and malformed documents with vault codes', () => {
    expect(migrateDocument({ schemaVersion: DOCUMENT_VERSION + 1 })).toMatchObject({
      ok: false,
      error: { code: 'vault.newer-version' },
    });
    expect(migrateDocument({ plans: [] })).toMatchObject({ ok: false, error: { code: 'vault.corrupt' } });
    expect(migrateDocument('nope')).toMatchObject({ ok: false, error: { code: 'vault.corrupt' } });
    expect(
      migrateDocument({ schemaVersion: DOCUMENT_VERSION, createdAt: 'x', plans: [], history: [] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'vault.corrupt' },
    });
  });
});
