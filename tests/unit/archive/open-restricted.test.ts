/**
 * `archive:open` took any folder the page named: a compromised page could make main read and index
 * any Closeout-looking folder and write its cache there. Now main opens only a folder the person
 * chose in the system dialog (for the archive) or a backup folder main recorded for a plan (a mail
 * backup was started into it), as the mail backup's own channels do
 * (tests/unit/security/folder-channels.test.ts). The plan's fields, which the page writes, vouch for
 * nothing. Driven through the real core; the screen's words for the refusal are checked in
 * tests/component/archive/archive-view.test.ts.
 */
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreWithPicker, type PickerCore } from '../../support/core-with-picker';
import { writeCloseoutBackupFixture } from '../../support/mail-fixture';
import { tempDir } from '../vault/helpers';

let cores: PickerCore[] = [];
afterEach(async () => {
  for (const c of cores) await c.close();
  cores = [];
});

describe('archive:open', () => {
  it('opens a folder chosen in the dialog or recorded by main for a plan, and refuses any other path', async () => {
    const work = tempDir();
    const chosen = await writeCloseoutBackupFixture(join(work, 'chosen'), { messages: 3, seed: 1 });
    const recorded = await writeCloseoutBackupFixture(join(work, 'recorded'), { messages: 3, seed: 2 });
    const named = await writeCloseoutBackupFixture(join(work, 'named'), { messages: 3, seed: 3 });
    const first = await startCoreWithPicker();
    cores.push(first);
    const c = first.core;
    await c.dispatch('plan:create', { address: 'closeout@163.com', planId: 'p1' });
    const refused = { ok: false, error: { code: 'archive.unknown-folder' } };

    // A real Closeout backup, but only named by the page; and system folders.
    for (const path of [named.root, '/etc', '/', `${chosen.root}/..`, 'chosen'])
      expect(await c.dispatch('archive:open', { dir: path }), path).toMatchObject(refused);
    // Chosen in the dialog for another purpose is not enough.
    await first.choose('maildir-scan', chosen.root);
    await first.choose('archive-export', chosen.root);
    expect(await c.dispatch('archive:open', { dir: chosen.root })).toMatchObject(refused);
    // Chosen in the dialog to open in the archive: opened (also written with a trailing slash).
    await first.choose('mail-archive', chosen.root);
    expect(await c.dispatch('archive:open', { dir: `${chosen.root}/` })).toMatchObject({
      ok: true,
      value: { address: 'closeout@163.com', state: 'indexing' },
    });
    // Another backup after that still needs its own reason.
    expect(await c.dispatch('archive:open', { dir: named.root })).toMatchObject(refused);
    // The page cannot write a verified backup into the plan; trying vouches for nothing.
    const pageVerified = await c.dispatch('plan:apply', {
      type: 'backup.record-verification',
      planId: 'p1',
      kind: 'mail',
      verifiedAt: '2026-03-01T08:00:00.000Z',
      messages: 3,
      folders: 1,
      bytes: 1,
      location: named.root,
    });
    expect(pageVerified).toMatchObject({ ok: false, error: { code: 'plan.verified-by-app' } });
    expect(await c.dispatch('archive:open', { dir: named.root })).toMatchObject(refused);

    // A mail backup started into a folder chosen for it: main records the folder for the plan (the
    // server, a closed port on 127.0.0.1, never answers; the folder is accepted before that).
    expect(await c.dispatch('archive:open', { dir: recorded.root })).toMatchObject(refused);
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    await first.choose('mail-backup', recorded.root);
    expect(
      await c.dispatch('mail:start-backup', {
        planId: 'p1',
        account: { address: 'closeout@163.com', host: '127.0.0.1', port },
        authCode: 'code',
        targetDir: recorded.root,
      }),
    ).toMatchObject({ ok: true });
    expect(await c.dispatch('archive:open', { dir: recorded.root })).toMatchObject({ ok: true });

    // The next session: the recorded backup opens without the dialog; the chosen one needs it again.
    const second = await first.reopen();
    cores = [second];
    const d = second.core;
    expect(await d.dispatch('archive:open', { dir: recorded.root })).toMatchObject({ ok: true });
    for (const path of [chosen.root, named.root])
      expect(await d.dispatch('archive:open', { dir: path }), path).toMatchObject(refused);
    // Locked, no plan can be read: the recorded folder is refused again.
    await d.dispatch('vault:lock', undefined);
    expect(await d.dispatch('archive:open', { dir: recorded.root })).toMatchObject(refused);
  });
});
