/**
 * Mail backup against a real Dovecot on 127.0.0.1 (TLS with a self-signed CA made at setup):
 * byte-for-byte export, resume after SIGKILL of the exporter and of the server, UIDVALIDITY
 * change, wrong code, server down, untrusted certificate, ID sent.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/common/clock';
import type { EventName, EventPayload } from '../../../electron/common/contract';
import type { MailFinished } from '../../../electron/common/contract/mail';
import { AppFailure } from '../../../electron/common/result';
import { closeSession, openSession } from '../../../electron/main/mail/connection';
import { runExport } from '../../../electron/main/mail/exporter';
import { createMailService } from '../../../electron/main/mail/mail-service';
import { mailFoldersChosen } from '../../support/folder-access';
import { ProgressTracker } from '../../../electron/main/mail/progress';
import { verifyBackup } from '../../../electron/main/mail/verify';
import { dovecotAvailable, freePort, startDovecot, type DovecotServer } from '../../support/dovecot';
import { appInfo, expectEqualsFixture, tlsSpec } from './helpers';

const hasDovecot = dovecotAvailable();
const temps: string[] = [];
async function target(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'closeout-mail-'));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  for (const d of temps) await rm(d, { recursive: true, force: true });
});

function exportOnce(
  s: DovecotServer,
  targetDir: string,
  signal = new AbortController().signal,
  onSaved?: (n: number) => void,
  options: { reconnectDelaysMs?: number[]; phases?: string[] } = {},
) {
  const progress = new ProgressTracker('t', systemClock, (p) => options.phases?.push(p.phase));
  if (onSaved) {
    const fetched = progress.fetched.bind(progress);
    progress.fetched = (n, b) => {
      fetched(n, b);
      onSaved(progress.fetchedTotals.messages);
    };
  }
  return runExport({
    spec: tlsSpec(s),
    address: s.user,
    targetDir,
    appInfo,
    clock: systemClock,
    signal,
    progress,
    // Small batches so the interruption tests land mid-folder.
    tuning: { batchMessages: 50 },
    ...(options.reconnectDelaysMs ? { reconnectDelaysMs: options.reconnectDelaysMs } : {}),
  });
}

async function verify(s: DovecotServer, targetDir: string) {
  const client = await openSession(tlsSpec(s), appInfo);
  try {
    return await verifyBackup(client, { targetDir, nowIso: new Date().toISOString(), deep: true });
  } finally {
    await closeSession(client);
  }
}

async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFailure) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe.skipIf(!hasDovecot)('mail backup against Dovecot', () => {
  let s: DovecotServer;
  beforeAll(async () => {
    s = await startDovecot({ fixture: { messages: 3000, seed: 7, huge: [3_500_000] } });
  });
  afterAll(() => s?.stop());

  it('exports every folder byte for byte with flags, Chinese names decoded, then resumes with nothing to fetch', async () => {
    const dir = await target();
    const first = await exportOnce(s, dir);
    expect(first.messages).toBe(3001);
    expect(first.fetchedMessages).toBe(3001);
    await expectEqualsFixture(dir, s);
    const maildir = await readdir(join(dir, 'Maildir'));
    for (const d of [
      '.已发送',
      '.草稿箱',
      '.已删除',
      '.垃圾邮件',
      '.工作.项目 A',
      '.Travel & 旅行',
      '.空文件夹',
      'cur',
    ]) {
      expect(maildir).toContain(d);
    }
    const again = await exportOnce(s, dir);
    expect(again.fetchedMessages).toBe(0);
    expect(again.messages).toBe(3001);
    const v = await verify(s, dir);
    expect(v).toMatchObject({
      passed: true,
      serverMessages: 3001,
      backedUpMessages: 3001,
      missing: 0,
      corruptFiles: 0,
    });
  });

  it('sends the IMAP ID with the app name and version in the logged-in session', async () => {
    const client = await openSession(tlsSpec(s), appInfo);
    await closeSession(client);
    const log = await s.readLog();
    expect(log).toMatch(
      new RegExp(`imap\\(${s.user.replace('.', '\\.')}\\).*ID sent: name=Closeout, version=0\\.1\\.0`),
    );
  });

  it.each([
    ['on the thread that started it', false],
    ["in the export's worker thread, as the app runs it", true],
  ])(
    'continues after the exporter process is SIGKILLed (%s), with no duplicate and no gap',
    async (_, worker) => {
      const dir = await target();
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(import.meta.dirname, 'export-child.ts'),
          JSON.stringify({
            spec: tlsSpec(s),
            address: s.user,
            targetDir: dir,
            tuning: { batchMessages: 50 },
            worker,
          }),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let killedAt = 0;
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          const m = /saved (\d+)/.exec(d.toString());
          if (m && Number(m[1]) >= 700 && !killedAt) {
            killedAt = Number(m[1]);
            child.kill('SIGKILL');
          }
          if (d.toString().includes('done')) reject(new Error('the child finished before it was killed'));
        });
        child.on('exit', () => resolve());
      });
      expect(child.signalCode).toBe('SIGKILL');
      const resumed = await exportOnce(s, dir);
      expect(resumed.fetchedMessages).toBeLessThan(3001 - 600);
      await expectEqualsFixture(dir, s);
      expect((await verify(s, dir)).passed).toBe(true);
    },
  );

  it('fails as cancelled when cancelled, then resumes to a complete copy', async () => {
    const dir = await target();
    const ctl = new AbortController();
    const f = await failureOf(exportOnce(s, dir, ctl.signal, (n) => n >= 500 && ctl.abort()));
    expect(f.code).toBe('mail.cancelled');
    const resumed = await exportOnce(s, dir);
    expect(resumed.fetchedMessages).toBeLessThan(3001 - 400);
    await expectEqualsFixture(dir, s);
  });
});

describe.skipIf(!hasDovecot)('mail backup when the server fails', () => {
  let s: DovecotServer;
  beforeAll(async () => {
    s = await startDovecot({ fixture: { messages: 2000, seed: 11 } });
  });
  afterAll(() => s?.stop());

  it('reconnects by itself when the server is SIGKILLed mid-transfer and back within the retry window', async () => {
    const dir = await target();
    const phases: string[] = [];
    let outage: Promise<void> | null = null;
    const done = await exportOnce(
      s,
      dir,
      undefined,
      (n) => {
        if (n >= 600 && !outage) outage = s.kill().then(() => s.restart());
      },
      { reconnectDelaysMs: [500, 1500, 4000], phases },
    );
    await outage;
    expect(outage).not.toBeNull();
    expect(phases).toContain('reconnecting');
    expect(phases.lastIndexOf('exporting')).toBeGreaterThan(phases.indexOf('reconnecting'));
    expect(done.messages).toBe(2000);
    // Messages saved before the drop were not fetched again.
    expect(done.fetchedMessages).toBeLessThan(2000 + 50);
    await expectEqualsFixture(dir, s);
    expect((await verify(s, dir)).passed).toBe(true);
  });

  it('with reconnecting off, reports a dropped connection when the server is SIGKILLed, and resumes after restart', async () => {
    const dir = await target();
    let killing: Promise<void> | null = null;
    const f = await failureOf(
      exportOnce(
        s,
        dir,
        undefined,
        (n) => {
          if (n >= 600 && !killing) killing = s.kill();
        },
        { reconnectDelaysMs: [] },
      ),
    );
    expect(['mail.connection-lost', 'mail.timeout']).toContain(f.code);
    await killing;
    await s.restart();
    const resumed = await exportOnce(s, dir);
    expect(resumed.fetchedMessages).toBeLessThan(2000 - 500);
    await expectEqualsFixture(dir, s);
  });

  it('re-exports a folder whose UIDVALIDITY changed into a fresh subfolder and says so', async () => {
    const dir = await target();
    await exportOnce(s, dir);
    const sent = s.fixture!.folders.find((f) => f.name === '已发送')!;
    await s.kill();
    const folderDir = join(s.maildirRoot, sent.dir);
    for (const name of await readdir(folderDir)) {
      if (name === 'dovecot-uidlist' || name.startsWith('dovecot.index')) await rm(join(folderDir, name));
    }
    await s.restart();
    const again = await exportOnce(s, dir);
    expect(again.uidValidityChanges).toHaveLength(1);
    const change = again.uidValidityChanges[0]!;
    expect(change).toMatchObject({ folder: '已发送', previous: sent.uidValidity });
    expect(change.current).not.toBe(sent.uidValidity);
    expect(change.dir).toBe(join('Maildir', `.已发送.uidvalidity-${change.current}`));
    expect(again.fetchedMessages).toBe(sent.count);
    expect((await readdir(join(dir, change.dir, 'cur'))).length).toBe(sent.count);
    // The earlier copy stays where it was.
    expect((await readdir(join(dir, 'Maildir', '.已发送', 'cur'))).length).toBe(sent.count);
    expect((await verify(s, dir)).passed).toBe(true);
  });

  it('tells a wrong code, a server that is down and an untrusted certificate apart', async () => {
    expect((await failureOf(openSession(tlsSpec(s, 'wrong-code'), appInfo))).code).toBe('mail.auth-failed');
    const closed = await freePort();
    const down = { ...tlsSpec(s), server: { ...tlsSpec(s).server, port: closed } };
    expect((await failureOf(openSession(down, appInfo))).code).toBe('mail.unreachable');
    const untrusted = { ...tlsSpec(s), ca: undefined };
    expect((await failureOf(openSession(untrusted, appInfo))).code).toBe('mail.tls-failed');
  });
});

describe.skipIf(!hasDovecot)('mail service channels', () => {
  let s: DovecotServer;
  beforeAll(async () => {
    s = await startDovecot({ fixture: { messages: 300, seed: 3 } });
  });
  afterAll(() => s?.stop());

  it('runs a backup in the background with progress events, verifies it and records it in the plan', async () => {
    const events: { event: EventName; payload: unknown }[] = [];
    let finished: (f: MailFinished) => void = () => {};
    const done = new Promise<MailFinished>((r) => (finished = r));
    const recorded: unknown[] = [];
    const opened: string[] = [];
    const dir = await target();
    const service = createMailService(
      {
        clock: systemClock,
        appInfo,
        emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
          events.push({ event, payload });
          if (event === 'mail:finished') finished(payload as MailFinished);
        },
      },
      {
        openPath: async (p) => {
          opened.push(p);
        },
        trustedCa: s.caCertPem,
        recordVerification: async (planId, v) => {
          recorded.push({ planId, ...v });
          return { ok: true, value: undefined };
        },
        folders: await mailFoldersChosen(dir),
      },
    );
    const account = {
      address: s.user,
      host: s.host,
      port: s.tlsPort,
      secure: true,
    };
    const wrong = await service.handlers['mail:test-connection']({ account, authCode: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'mail.auth-failed' } });
    const test = await service.handlers['mail:test-connection']({ account, authCode: s.password });
    expect(test.ok && test.value.messages).toBe(300);
    expect(test.ok && test.value.folders.map((f) => f.name)).toContain('工作/项目 A');

    const noCode = await service.handlers['mail:start-backup']({ planId: 'p1', account, targetDir: dir });
    expect(noCode).toMatchObject({ ok: false, error: { code: 'mail.code-required' } });
    const started = await service.handlers['mail:start-backup']({
      planId: 'p1',
      account,
      authCode: s.password,
      targetDir: dir,
    });
    expect(started).toMatchObject({ ok: true, value: { resumed: false } });
    const busy = await service.handlers['mail:start-backup']({
      planId: 'p1',
      account,
      authCode: s.password,
      targetDir: dir,
    });
    expect(busy).toMatchObject({ ok: false, error: { code: 'mail.busy' } });
    const result = await done;
    expect(result.outcome).toBe('completed');
    expect(result.summary).toMatchObject({ messages: 300, folders: 10, recordedInPlan: true });
    expect(result.summary?.verification?.passed).toBe(true);
    expect(recorded).toEqual([expect.objectContaining({ planId: 'p1', messages: 300, location: dir })]);
    expect(events.some((e) => e.event === 'mail:progress')).toBe(true);
    // The code is never sent back: not in any event or result.
    expect(JSON.stringify(events)).not.toContain(s.password);

    // The session keeps the code; a second run resumes with it and fetches nothing.
    const info = await service.handlers['mail:backup-info']({ planId: 'p1', targetDir: dir });
    expect(info).toMatchObject({ ok: true, value: { exists: true, messages: 300, complete: true } });
    const v = await service.handlers['mail:verify']({
      planId: 'p1',
      account,
      useSavedCode: true,
      targetDir: dir,
    });
    expect(v).toMatchObject({ ok: true, value: { passed: true, corruptFiles: 0 } });
    expect(await service.handlers['mail:open-folder']({ planId: 'p1', targetDir: dir })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(opened).toEqual([dir]);
    await service.close?.();
  });

  it('refuses a backup folder that cannot be created', async () => {
    const file = join(await target(), 'a-file');
    const service = createMailService(
      { clock: systemClock, appInfo, emit: () => {} },
      {
        openPath: async () => {},
        trustedCa: s.caCertPem,
        folders: await mailFoldersChosen(join(file, 'sub')),
      },
    );
    const account = { address: s.user, host: s.host, port: s.tlsPort };
    await import('node:fs/promises').then((fs) => fs.writeFile(file, 'x'));
    const r = await service.handlers['mail:start-backup']({
      planId: 'p',
      account,
      authCode: s.password,
      targetDir: join(file, 'sub'),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'mail.target-not-writable' } });
    expect(existsSync(join(file, 'sub'))).toBe(false);
  });
});
