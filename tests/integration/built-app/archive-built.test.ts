/**
 * The mail archive in what ships: the BUILT main (out/main/index.js) under the stand-in Electron
 * opens a Closeout backup, indexes it in its bundled worker (electron-vite `?modulePath`, a
 * self-contained file in out/main/chunks), searches and reads a message through the IPC handlers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ArchiveMessage,
  ArchiveSearchResult,
  ArchiveStatus,
} from '../../../electron/common/contract/archive';
import type { Result } from '../../../electron/common/result';
import { ensureAppBuilt, startBuiltApp, type BuiltApp } from '../../electron-stand-in/client';
import {
  HARD_CASES,
  writeCloseoutBackupFixture,
  type CloseoutBackupFixture,
} from '../../support/mail-fixture';

let work: string;
let app: BuiltApp;
let fixture: CloseoutBackupFixture;

beforeAll(async () => {
  await ensureAppBuilt();
  work = await mkdtemp(join(tmpdir(), 'closeout-built-archive-'));
  fixture = await writeCloseoutBackupFixture(join(work, 'backup'), { messages: 150, seed: 21 });
  app = await startBuiltApp({ userData: join(work, 'userData') });
}, 240_000);

afterAll(async () => {
  app?.child.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('the built app’s mail archive', () => {
  it('indexes in the bundled worker, searches and reads', async () => {
    expect(app.started).toEqual({ started: true });
    // Main opens only a folder chosen in its dialog (or recorded in a plan), never one the page names.
    expect(await app.invoke<Result<ArchiveStatus>>('archive:open', { dir: fixture.root })).toMatchObject({
      ok: false,
      error: { code: 'archive.unknown-folder' },
    });
    await app.call('answerDialog', { kind: 'open', path: fixture.root });
    value(
      await app.invoke<Result<{ path: string | null }>>('app:choose-folder', { purpose: 'mail-archive' }),
    );
    value(await app.invoke<Result<ArchiveStatus>>('archive:open', { dir: fixture.root }));
    let status: ArchiveStatus | null = null;
    for (let i = 0; i < 300; i++) {
      status = value(await app.invoke<Result<ArchiveStatus | null>>('archive:status'));
      if (status && status.state !== 'indexing') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status?.error ?? null).toBeNull();
    expect(status?.state).toBe('ready');
    expect(status?.messages).toBe(fixture.messages.length);
    const found = value(
      await app.invoke<Result<ArchiveSearchResult>>('archive:search', {
        query: { text: '合同续签' },
        limit: 10,
      }),
    );
    expect(found.rows.map((r) => r.subject)).toEqual([HARD_CASES.gbk.subject]);
    const message = value(
      await app.invoke<Result<ArchiveMessage>>('archive:message', { id: found.rows[0]!.id }),
    );
    expect(message.text).toContain(HARD_CASES.gbk.bodyPhrase);
  });
});
