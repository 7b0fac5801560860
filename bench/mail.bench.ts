/**
 * Mail backup throughput: our durable export next to mbsync (Debian isync) pulling the same
 * account from the same local Dovecot over TLS in the same run, mbsync without and with fsync.
 * 20,000 messages (mostly ~2 KB, 1 in 20 ~200 KB, every 5th subject Chinese). Peak memory is
 * each process's own maximum RSS (GNU time -v). Also: resuming a complete backup as a share of
 * the full export. Prints a table; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot, type DovecotServer } from '../tests/support/dovecot';

const MESSAGES = Number(process.env.MAIL_BENCH_MESSAGES ?? 20_000);
const root = join(import.meta.dirname, '..');

interface Measured {
  name: string;
  seconds: number;
  maxRssMb: number;
}

/** Runs a command under GNU time, returns wall seconds and the peak RSS it reports. */
async function timed(name: string, cmd: string, args: string[]): Promise<Measured> {
  const started = process.hrtime.bigint();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-v', cmd, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(stderr) : reject(new Error(`${name} exited ${code}: ${(stdout + stderr).slice(-1500)}`)),
    );
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(out)?.[1] ?? 0);
  return { name, seconds, maxRssMb: kb / 1024 };
}

async function mbsyncConfig(s: DovecotServer, target: string, fsync: boolean): Promise<string> {
  const file = join(target, 'mbsyncrc');
  await writeFile(
    file,
    [
      `FSync ${fsync ? 'yes' : 'no'}`,
      '',
      'IMAPAccount bench',
      `Host ${s.host}`,
      `Port ${s.tlsPort}`,
      `User ${s.user}`,
      `Pass ${s.password}`,
      'SSLType IMAPS',
      `CertificateFile ${join(s.dir, 'tls', 'cert.pem')}`,
      '',
      'IMAPStore remote',
      'Account bench',
      '',
      'MaildirStore local',
      `Inbox ${target}/Maildir`,
      'SubFolders Maildir++',
      '',
      'Channel bench',
      'Far :remote:',
      'Near :local:',
      'Patterns *',
      'Create Near',
      'Sync Pull',
      'SyncState *',
      '',
    ].join('\n'),
  );
  return file;
}

export default async function mailBench(): Promise<void> {
  const t0 = Date.now();
  const s = await startDovecot({
    fixture: { messages: MESSAGES, seed: 20, largeEvery: 20, largeSize: 150_000, smallSize: 2000 },
  });
  const mb = s.fixture!.totalBytes / 1e6;
  console.log(`fixture: ${MESSAGES} messages, ${mb.toFixed(0)} MB, ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const dirs: string[] = [];
  const fresh = async () => {
    const d = await mkdtemp(join(tmpdir(), 'closeout-mail-bench-'));
    dirs.push(d);
    return d;
  };
  try {
    const ourArgs = (target: string) => [
      '--import',
      'tsx',
      'tests/integration/mail/export-child.ts',
      JSON.stringify({
        spec: {
          server: { host: s.host, port: s.tlsPort, secure: true, origin: 'custom' },
          user: s.user,
          authCode: s.password,
          ca: s.caCertPem,
        },
        address: s.user,
        targetDir: target,
      }),
    ];
    const rows: Measured[] = [];
    // mbsync first also warms Dovecot's page cache for everyone after it.
    const m1 = await fresh();
    rows.push(await timed('mbsync, FSync no', 'mbsync', ['-c', await mbsyncConfig(s, m1, false), '-a', '-q']));
    const ours = await fresh();
    rows.push(await timed('Closeout (durable)', process.execPath, ourArgs(ours)));
    const m2 = await fresh();
    rows.push(await timed('mbsync, FSync yes', 'mbsync', ['-c', await mbsyncConfig(s, m2, true), '-a', '-q']));
    const resume = await timed('Closeout resume (complete)', process.execPath, ourArgs(ours));
    const node = await timed('node + tsx start-up only', process.execPath, ['--import', 'tsx', '-e', '0']);

    const ref = rows[0]!;
    console.log(`\n| run | s | messages/s | MB/s | peak RSS MB | throughput vs mbsync FSync no |`);
    console.log(`|---|---|---|---|---|---|`);
    for (const r of rows) {
      console.log(
        `| ${r.name} | ${r.seconds.toFixed(2)} | ${(MESSAGES / r.seconds).toFixed(0)} | ${(mb / r.seconds).toFixed(1)} | ${r.maxRssMb.toFixed(0)} | ${(ref.seconds / r.seconds).toFixed(2)}x |`,
      );
    }
    const full = rows[1]!;
    console.log(`\n| resume of a complete backup | s | % of full export | peak RSS MB |`);
    console.log(`|---|---|---|---|`);
    console.log(`| with process start-up | ${resume.seconds.toFixed(2)} | ${((resume.seconds / full.seconds) * 100).toFixed(1)}% | ${resume.maxRssMb.toFixed(0)} |`);
    console.log(
      `| minus node+tsx start-up (${node.seconds.toFixed(2)} s) | ${(resume.seconds - node.seconds).toFixed(2)} | ${(((resume.seconds - node.seconds) / (full.seconds - node.seconds)) * 100).toFixed(1)}% | |`,
    );
    const manifestLines = (await readFile(join(ours, 'closeout-backup.json'), 'utf8')).length;
    console.log(`\n(state file ${manifestLines} bytes; targets: Closeout >= 1.00x mbsync FSync no while durable; resume < 5%)`);
  } finally {
    await s.stop();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }
}
