/**
 * Every channel where the page names a folder that main writes into or reads from: the mail
 * backup (start, verify, info, open in the file manager) and discovery's Maildir scan. A
 * compromised page could fill `targetDir` with any path, and main would have written a whole
 * mailbox there. Now main uses a folder only when it knows it: chosen in its own dialog for that
 * purpose this session, or recorded by main in the vault for the plan (a backup was started into
 * it), which also holds in a later session. The plan's own fields, which the page writes, vouch
 * for nothing. Driven through the real core with real files; the connection goes to a closed port
 * on 127.0.0.1, so a started backup fails in the background after main accepted the folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, rename, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../electron/common/contract';
import { writeBackupState } from '../../../electron/main/mail/backup-state';
import { newState } from '../../../electron/main/mail/exporter';
import { backupPaths } from '../../../electron/main/mail/layout';
import { startCoreWithPicker, type PickerCore } from '../../support/core-with-picker';
import { writeCloseoutBackupFixture } from '../../support/mail-fixture';
import { tempDir } from '../vault/helpers';

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** What a backup writes into a folder it was given. */
const backupFilesIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('closeout') || f === 'Maildir') : [];

const refusedMail = { ok: false, error: { code: 'mail.unknown-target' } };
const refusedScan = { ok: false, error: { code: 'discovery.unknown-folder' } };

let open: PickerCore[] = [];
afterEach(async () => {
  for (const c of open) await c.close();
  open = [];
});

async function session(p: Promise<PickerCore>): Promise<PickerCore> {
  const c = await p;
  open.push(c);
  return c;
}

describe('folders named by the page', () => {
  it('the mail backup and the scan use only a folder chosen for them or recorded for the plan', async () => {
    const work = tempDir();
    const named = join(work, 'named');
    const chosen = join(work, 'chosen');
    const other = join(work, 'other-purpose');
    const link = join(work, 'link');
    for (const d of [named, chosen, other, link]) await mkdir(d);
    const port = await closedPort();
    const account = { address: 'closeout@163.com', host: '127.0.0.1', port, secure: true };
    const first = await session(startCoreWithPicker());
    const c = first.core;
    const finished: EventPayload<'mail:finished'>[] = [];
    c.onEvent((event, payload) => {
      if (event === 'mail:finished') finished.push(payload as EventPayload<'mail:finished'>);
    });
    await c.dispatch('plan:create', { address: 'closeout@163.com', planId: 'p1' });
    await c.dispatch('plan:create', { address: 'other@163.com', planId: 'p2' });
    const start = (targetDir: string, planId = 'p1') =>
      c.dispatch('mail:start-backup', { planId, account, authCode: 'code', targetDir });
    const before = { etc: backupFilesIn('/etc'), tmp: backupFilesIn('/tmp') };

    // The plan's own fields are the page's to write: a location typed on the Backups screen vouches
    // for nothing, and a verification the page sends through plan:apply is refused outright.
    await c.dispatch('plan:apply', {
      type: 'backup.set',
      planId: 'p1',
      kind: 'mail',
      status: 'done',
      location: named,
    });
    const pageVerified = await c.dispatch('plan:apply', {
      type: 'backup.record-verification',
      planId: 'p1',
      kind: 'mail',
      verifiedAt: '2026-03-01T08:00:00.000Z',
      messages: 1,
      folders: 1,
      bytes: 1,
      location: '/etc',
    });
    expect(pageVerified).toMatchObject({ ok: false, error: { code: 'plan.verified-by-app' } });
    // Chosen, but for other purposes; a symbolic link chosen while it was a folder, now leading elsewhere.
    await first.choose('maildir-scan', other);
    await first.choose('archive-export', other);
    await first.choose('mail-archive', other);
    await first.choose('mail-backup', link);
    await rename(link, join(work, 'link-was'));
    await symlink(named, link);

    const namedPaths = [
      named,
      '/etc',
      '/tmp',
      '/',
      'named',
      `${chosen}/../named`,
      other,
      link,
      join(work, 'link-was', '..', 'named'),
    ];
    for (const path of namedPaths) {
      expect(await start(path), path).toMatchObject(refusedMail);
      expect(await c.dispatch('mail:backup-info', { planId: 'p1', targetDir: path }), path).toMatchObject(
        refusedMail,
      );
      expect(
        await c.dispatch('mail:verify', { planId: 'p1', account, authCode: 'code', targetDir: path }),
        path,
      ).toMatchObject(refusedMail);
      expect(await c.dispatch('mail:open-folder', { planId: 'p1', targetDir: path }), path).toMatchObject({
        ok: false,
        error: { code: 'mail.unknown-folder' },
      });
    }
    for (const path of [named, '/etc', '/tmp', chosen])
      expect(
        await c.dispatch('discovery:scan', { planId: 'p1', source: { kind: 'maildir', path } }),
        path,
      ).toMatchObject(refusedScan);
    // Nothing was written anywhere, nothing opened, no backup ran.
    for (const d of [named, chosen, other, join(work, 'link-was')]) expect(await readdir(d), d).toEqual([]);
    expect(backupFilesIn('/etc')).toEqual(before.etc);
    expect(backupFilesIn('/tmp')).toEqual(before.tmp);
    expect(existsSync(join(work, 'named', 'closeout-backup-state.json'))).toBe(false);
    expect(first.opened).toEqual([]);
    expect(finished).toEqual([]);
    expect(await c.dispatch('mail:backup-folder', { planId: 'p1' })).toEqual({
      ok: true,
      value: { path: null },
    });

    // Chosen in main's dialog for the mail backup: the backup starts there (and fails to connect).
    await first.choose('mail-backup', chosen);
    expect(await start(`${chosen}/`)).toMatchObject({ ok: true });
    for (let i = 0; finished.length === 0; i++) {
      expect(i, 'the run ends').toBeLessThan(400);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(finished[0]).toMatchObject({ outcome: 'failed' });
    expect(backupFilesIn(chosen).length).toBeGreaterThan(0);
    // What a run that got further leaves: the backup's state (the server never answered here).
    await writeBackupState(
      backupPaths(chosen).state,
      newState('closeout@163.com', '127.0.0.1', '2026-03-01T08:00:00.000Z'),
    );
    expect(await c.dispatch('mail:backup-info', { planId: 'p1', targetDir: chosen })).toMatchObject({
      ok: true,
      value: { exists: true, address: 'closeout@163.com' },
    });
    expect(await c.dispatch('mail:open-folder', { planId: 'p1', targetDir: chosen })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(first.opened).toEqual([chosen]);
    // A folder inside the chosen one is not the chosen one: the backup writes only where it was told.
    expect(await start(join(chosen, 'Maildir'))).toMatchObject(refusedMail);
    // Main recorded the folder for this plan; not for the other plan.
    expect(await c.dispatch('mail:backup-folder', { planId: 'p1' })).toEqual({
      ok: true,
      value: { path: chosen },
    });
    expect(await c.dispatch('mail:backup-folder', { planId: 'p2' })).toEqual({
      ok: true,
      value: { path: null },
    });

    // The next session, days later: nothing chosen, and the recorded folder still works for its plan.
    const second = await session(first.reopen());
    open = open.filter((x) => x !== first);
    const d = second.core;
    expect(await d.dispatch('vault:status', undefined)).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    expect(await d.dispatch('mail:backup-folder', { planId: 'p1' })).toEqual({
      ok: true,
      value: { path: chosen },
    });
    expect(await d.dispatch('mail:backup-info', { planId: 'p1', targetDir: chosen })).toMatchObject({
      ok: true,
      value: { exists: true },
    });
    expect(await d.dispatch('mail:backup-info', { planId: 'p2', targetDir: chosen })).toMatchObject(
      refusedMail,
    );
    // Its Maildir (a folder within the recorded one) may be scanned for the plan.
    for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(chosen, 'Maildir', sub), { recursive: true });
    expect(
      await d.dispatch('discovery:scan', {
        planId: 'p1',
        source: { kind: 'maildir', path: join(chosen, 'Maildir') },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await d.dispatch('discovery:scan', {
        planId: 'p2',
        source: { kind: 'maildir', path: join(chosen, 'Maildir') },
      }),
    ).toMatchObject(refusedScan);
    // Other paths stay refused; the backup runs again into the recorded one without the dialog.
    for (const path of [named, '/etc', '/tmp', other])
      expect(
        await d.dispatch('mail:start-backup', { planId: 'p1', account, authCode: 'code', targetDir: path }),
        path,
      ).toMatchObject(refusedMail);
    const again = await d.dispatch('mail:start-backup', {
      planId: 'p1',
      account,
      authCode: 'code',
      targetDir: chosen,
    });
    expect(again).toMatchObject({ ok: true, value: { resumed: true } });
    for (const dir of [named, other]) expect(await readdir(dir), dir).toEqual([]);
    expect(backupFilesIn('/etc')).toEqual(before.etc);
    expect(backupFilesIn('/tmp')).toEqual(before.tmp);

    // Locked: no plan can be read, and the recorded folder is refused.
    await d.dispatch('vault:lock', undefined);
    expect(await d.dispatch('mail:backup-info', { planId: 'p1', targetDir: chosen })).toMatchObject(
      refusedMail,
    );
  });

  it('a Maildir chosen for the scan (or the backup) is read, with the folders inside it, and nothing else', async () => {
    const work = tempDir();
    const backup = await writeCloseoutBackupFixture(join(work, 'backup'), { messages: 4, seed: 3 });
    const elsewhere = await writeCloseoutBackupFixture(join(work, 'elsewhere'), { messages: 4, seed: 5 });
    const s = await session(startCoreWithPicker());
    await s.core.dispatch('plan:create', { address: 'closeout@163.com', planId: 'p1' });
    const scan = (path: string) =>
      s.core.dispatch('discovery:scan', { planId: 'p1', source: { kind: 'maildir', path } });
    // Chosen for the export or for the archive is not chosen for a scan.
    await s.choose('archive-export', backup.root);
    await s.choose('mail-archive', backup.root);
    expect(await scan(backup.maildir)).toMatchObject(refusedScan);
    await s.choose('maildir-scan', backup.root);
    expect(await scan(backup.maildir)).toMatchObject({ ok: true });
    expect(await scan(backup.root)).toMatchObject({ ok: true });
    for (const path of [elsewhere.maildir, `${backup.root}/../elsewhere/Maildir`, '/etc'])
      expect(await scan(path), path).toMatchObject(refusedScan);
    // A link inside the chosen folder that leads out of it is followed to where it leads, and refused.
    await symlink(elsewhere.maildir, join(backup.root, 'escape'));
    expect(await scan(join(backup.root, 'escape'))).toMatchObject(refusedScan);
    // The folder chosen for the mail backup is the backup the person reads too.
    await s.choose('mail-backup', elsewhere.root);
    expect(await scan(elsewhere.maildir)).toMatchObject({ ok: true });
  });
});
