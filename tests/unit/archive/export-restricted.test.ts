/**
 * `archive:export` wrote into any folder the page named: a compromised page could make main write
 * the whole mailbox anywhere the user can write. Now main writes an export only into a folder the
 * person chose in the system dialog for the export ('archive-export'), as `archive:open` opens only
 * a chosen or recorded folder (open-restricted.test.ts). Driven through the real core and real
 * files; the screen (no field to type a path) is checked in tests/component/archive/archive-view.test.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../electron/common/contract';
import type { ArchiveStatus } from '../../../electron/common/contract/archive';
import type { Result } from '../../../electron/common/result';
import { startCoreWithPicker } from '../../support/core-with-picker';
import { writeCloseoutBackupFixture } from '../../support/mail-fixture';
import { tempDir } from '../vault/helpers';

/** What an export into `dir` would create: a folder named after the address. */
const exportsIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.includes('closeout@163.com')) : [];

describe('archive:export', () => {
  it('writes only into a folder chosen in the dialog for the export, and refuses any other path', async () => {
    const work = tempDir();
    const backup = await writeCloseoutBackupFixture(join(work, 'backup'), { messages: 5, seed: 4 });
    const named = join(work, 'named');
    const scanned = join(work, 'scanned');
    const target = join(work, 'target');
    for (const d of [named, scanned, target]) await mkdir(d);
    const picker = await startCoreWithPicker({ create: false });
    const c = picker.core;
    const finished: EventPayload<'archive:export-finished'>[] = [];
    c.onEvent((event, payload) => {
      if (event === 'archive:export-finished')
        finished.push(payload as unknown as EventPayload<'archive:export-finished'>);
    });
    try {
      // The backup is open and indexed, so a refusal is about the target alone.
      await picker.choose('mail-archive', backup.root);
      expect(await c.dispatch('archive:open', { dir: backup.root })).toMatchObject({ ok: true });
      for (let i = 0; ; i++) {
        const s = (await c.dispatch('archive:status', undefined)) as Result<ArchiveStatus | null>;
        if (s.ok && s.value?.state === 'ready') break;
        expect(s.ok && s.value?.state, 'indexing').toBe('indexing');
        expect(i, 'indexing finishes').toBeLessThan(1200);
        await new Promise((r) => setTimeout(r, 50));
      }
      const exportTo = (targetDir: string) =>
        c.dispatch('archive:export', { scope: { kind: 'all' }, format: 'mbox', targetDir });
      const refused = { ok: false, error: { code: 'archive.unknown-target' } };
      const before = { etc: exportsIn('/etc'), tmp: exportsIn('/tmp') };

      // Named by the page only: an empty folder, system folders, a made-up path, the backup itself
      // (chosen, but to open), and one chosen for another purpose.
      await picker.choose('maildir-scan', scanned);
      await picker.choose('mail-backup', scanned);
      for (const path of [named, '/etc', '/tmp', '/tmp/x', backup.root, scanned, `${target}/../named`])
        expect(await exportTo(path), path).toMatchObject(refused);
      // Still refused while nothing was chosen for the export, also the folder that will be.
      expect(await exportTo(target)).toMatchObject(refused);
      for (const d of [named, scanned, target]) expect(await readdir(d), d).toEqual([]);
      expect(exportsIn('/etc')).toEqual(before.etc);
      expect(exportsIn('/tmp')).toEqual(before.tmp);
      expect(existsSync('/tmp/x') ? exportsIn('/tmp/x') : []).toEqual([]);
      expect(finished).toEqual([]);

      // Chosen in the dialog for the export: written there (also named with a trailing slash).
      await picker.choose('archive-export', target);
      const started = await exportTo(`${target}/`);
      expect(started).toMatchObject({ ok: true, value: { messages: backup.messages.length } });
      for (let i = 0; finished.length === 0; i++) {
        expect(i, 'export finishes').toBeLessThan(1200);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(finished[0]).toMatchObject({ outcome: 'completed', messages: backup.messages.length });
      expect(finished[0]!.path!.startsWith(`${target}/`)).toBe(true);
      expect(await readdir(target)).toEqual([finished[0]!.path!.slice(target.length + 1)]);
      expect((await readdir(finished[0]!.path!)).some((f) => f.endsWith('.mbox'))).toBe(true);
      // Choosing the export folder opens nothing else up: the others stay refused and empty.
      for (const path of [named, scanned, backup.root])
        expect(await exportTo(path), path).toMatchObject(refused);
      for (const d of [named, scanned]) expect(await readdir(d), d).toEqual([]);
    } finally {
      await picker.close();
    }
  });
});
