/**
 * The failure codes Dovecot cannot produce by itself: NetEase's `Unsafe Login` (a scripted IMAP
 * server on 127.0.0.1), a server that accepts and never greets (`mail.timeout`), and a full disk
 * (`mail.disk-full`: a real 2 MB tmpfs as root; where mounting is not permitted, `ulimit -f` on a
 * child export process, a real EFBIG from the kernel); and a fault in the program itself
 * (`mail.internal`, `mail.verify-internal` during a verification), which must not pass for a lost
 * connection.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/common/clock';
import type { AppFailure } from '../../../electron/common/result';
import { closeSession, openSession, type ConnectionSpec } from '../../../electron/main/mail/connection';
import { runExport } from '../../../electron/main/mail/exporter';
import { toMailFailure } from '../../../electron/main/mail/mail-errors';
import { ProgressTracker } from '../../../electron/main/mail/progress';
import { verifyBackup } from '../../../electron/main/mail/verify';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../../support/dovecot';
import { appInfo, backupContent, exportRequest, tlsSpec } from './helpers';
import { startSilentServer, startUnsafeLoginServer } from './scripted-imap';

const run = promisify(execFile);

function plainSpec(port: number, timeoutMs = 5000): ConnectionSpec {
  return {
    server: { host: '127.0.0.1', port, secure: false, origin: 'custom' },
    user: 'someone@163.com',
    authCode: 'abcdefgh12345678',
    plaintext: true,
    timeoutMs,
  };
}

async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p;
  } catch (e) {
    return toMailFailure(e);
  }
  throw new Error('expected a failure');
}

describe('mail: Unsafe Login', () => {
  it('selects a folder where the server refuses SELECT without a preceding ID', async () => {
    const server = await startUnsafeLoginServer('without-id');
    try {
      const ours = await openSession(plainSpec(server.port), appInfo);
      await ours.mailboxOpen('INBOX', { readOnly: true });
      await closeSession(ours);
      expect(server.idSent).toBe(true);
      expect(server.idLine).toMatch(/"name" "Closeout".*"version" "0\.1\.0"/);
      expect(server.commands.indexOf('ID')).toBeLessThan(server.commands.lastIndexOf('EXAMINE'));
    } finally {
      await server.close();
    }
  });

  it('reports mail.unsafe-login with the server text when the server still refuses', async () => {
    const server = await startUnsafeLoginServer('always');
    try {
      const client = await openSession(plainSpec(server.port), appInfo);
      const f = await failureOf(client.mailboxOpen('INBOX', { readOnly: true }));
      await closeSession(client);
      expect(f.code).toBe('mail.unsafe-login');
      expect(String(f.params?.server)).toMatch(/Unsafe Login/);
    } finally {
      await server.close();
    }
  });
});

describe('mail: timeout', () => {
  it('reports mail.timeout when the server accepts and never greets, plain or TLS', async () => {
    const server = await startSilentServer();
    try {
      const started = Date.now();
      expect((await failureOf(openSession(plainSpec(server.port, 700), appInfo))).code).toBe('mail.timeout');
      const tls: ConnectionSpec = {
        ...plainSpec(server.port, 700),
        plaintext: false,
        server: { ...plainSpec(server.port).server, secure: true },
      };
      expect((await failureOf(openSession(tls, appInfo))).code).toBe('mail.timeout');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(!dovecotAvailable())('mail: disk full', () => {
  let s: DovecotServer;
  const temps: string[] = [];
  beforeAll(async () => {
    // About 3.5 MB: more than the 2 MB file system, with one message bigger than the whole of it.
    s = await startDovecot({
      fixture: { messages: 200, seed: 9, largeEvery: 20, largeSize: 150_000, huge: [2_500_000] },
    });
  });
  afterAll(async () => {
    await s?.stop();
    for (const d of temps) await rm(d, { recursive: true, force: true });
  });

  /** Mounts a 2 MB tmpfs; false where this process may not mount (not root, no CAP_SYS_ADMIN). */
  async function smallDisk(dir: string): Promise<boolean> {
    if (process.getuid?.() !== 0) return false;
    try {
      await run('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir]);
      return true;
    } catch {
      return false;
    }
  }

  it('fails with mail.disk-full and leaves a manifest that names only complete files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'closeout-mail-full-'));
    temps.push(dir);
    const target = join(dir, 'backup');
    await mkdir(target);
    if (await smallDisk(target)) {
      try {
        const f = await failureOf(runExport(exportRequest(s, target, { tuning: { batchMessages: 20 } })));
        expect(f.code).toBe('mail.disk-full');
        // Whatever was recorded before the disk filled is intact: every record's file hashes to its sha256.
        const { records, fileHashes } = await backupContent(target);
        expect(records.length).toBeGreaterThan(0);
        for (const r of records) expect(fileHashes.get(r.file)).toBe(r.sha256);
      } finally {
        await run('umount', [target]);
      }
      return;
    }
    // Fallback where mounting is not permitted: the kernel's per-process file size limit (EFBIG).
    const child = spawn(
      'bash',
      [
        '-c',
        'ulimit -f 1024 && exec "$@"',
        'export-child',
        process.execPath,
        '--import',
        'tsx',
        join(import.meta.dirname, 'export-child.ts'),
        JSON.stringify({ spec: tlsSpec(s), address: s.user, targetDir: target }),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise((r) => child.on('exit', r));
    expect(out).toMatch(/failed mail\.disk-full/);
  });

  it('stops on a fault in the program as mail.internal at once, not as a lost connection', async () => {
    const target = await mkdtemp(join(tmpdir(), 'closeout-mail-internal-'));
    temps.push(target);
    // A fault of ours while the sessions are up: the progress tracker throws on the third batch.
    const progress = new ProgressTracker('t', systemClock, () => {});
    let batches = 0;
    const fetched = progress.fetched.bind(progress);
    progress.fetched = (n, b) => {
      fetched(n, b);
      if (++batches === 3) (undefined as unknown as { count: number }).count++;
    };
    const started = Date.now();
    const f = await failureOf(
      runExport(
        exportRequest(s, target, {
          progress,
          tuning: { batchMessages: 20 },
          // Were it taken for a lost connection, the run would wait and reconnect first.
          reconnectDelaysMs: [5000],
        }),
      ),
    );
    expect(f.code).toBe('mail.internal');
    expect(f.message).toMatch(/TypeError/);
    expect(Date.now() - started).toBeLessThan(5000);
    // What was recorded before it stopped is intact, and a rerun finishes the backup.
    const { records, fileHashes } = await backupContent(target);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(fileHashes.get(r.file)).toBe(r.sha256);
    const outcome = await runExport(exportRequest(s, target));
    expect(outcome.messages).toBe(s.fixture!.messages.length);

    // The same kind of fault during a verification says so, and a second verification passes.
    const before = await readFile(join(target, 'closeout-backup.json'), 'utf8');
    const client = await openSession(tlsSpec(s), appInfo);
    try {
      const v = await failureOf(
        verifyBackup(client, {
          targetDir: target,
          nowIso: new Date().toISOString(),
          deep: true,
          onFolder: (k) => {
            if (k === 1) (undefined as unknown as { name: string }).name.trim();
          },
        }),
      );
      expect(v.code).toBe('mail.verify-internal');
      expect(v.message).toMatch(/verification .*TypeError/);
      // Nothing recorded from the stopped verification.
      expect(await readFile(join(target, 'closeout-backup.json'), 'utf8')).toBe(before);
      const again = await verifyBackup(client, {
        targetDir: target,
        nowIso: new Date().toISOString(),
        deep: true,
      });
      expect(again.passed).toBe(true);
    } finally {
      await closeSession(client);
    }
  });
});
