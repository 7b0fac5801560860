/**
 * The indexer worker runs with an old-generation budget (V8 otherwise lets the heap grow to a few
 * times the live index while parsing). A backup that needs more than the budget must still be
 * indexed: the run starts again without one. Real worker, real files.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMessageFiles, openBackup } from '../../../electron/main/archive/backup';
import { heapBudgetMb, runIndexer } from '../../../electron/main/archive/index-runner';
import { ArchiveIndex } from '../../../electron/main/archive/search-index';
import { writeCloseoutBackupFixture, type CloseoutBackupFixture } from '../../support/mail-fixture';

let work: string;
let fixture: CloseoutBackupFixture;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'closeout-index-runner-'));
  fixture = await writeCloseoutBackupFixture(join(work, 'backup'), { messages: 60, seed: 5 });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the indexer worker', () => {
  it('gives the worker a budget that grows with the backup', () => {
    expect(heapBudgetMb(0)).toBeGreaterThanOrEqual(64);
    expect(heapBudgetMb(100_000)).toBeGreaterThan(heapBudgetMb(10_000));
    expect(heapBudgetMb(100_000)).toBeLessThan(400);
  });

  it('indexes again without a budget when the worker runs out of it', async () => {
    const backup = await openBackup(fixture.root);
    const files = await listMessageFiles(backup);
    const input = {
      maildir: backup.maildir,
      folders: Uint32Array.from(files, (f) => f.folder),
      paths: files.map((f) => `${f.path}\u0000`).join(''),
    };
    // 1 MiB: far too little for the worker even to load its code.
    const data = await runIndexer(input, undefined, () => {}, 1).done;
    const index = ArchiveIndex.of(data);
    expect(index.entries.count).toBe(fixture.messages.length);
    expect(index.search({ text: 'github', field: 'from' }).length).toBe(
      fixture.messages.filter((m) => m.from.address === 'noreply@github.com').length,
    );
  });
});
