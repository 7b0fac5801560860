/**
 * Mail backup over a slow, distant link: Closeout's durable export and mbsync (`FSync no`) pull the
 * same account from the same local Dovecot over TLS, both through tests/support/delay-proxy.ts at a 40 ms
 * round trip and 40 Mbit/s each way (a real 163 mailbox is 30 to 60 ms away). There, round trips
 * and parallel connections decide, not CPU. A direct mbsync run warms Dovecot's caches first; then
 * SLOW_LINK_RUNS (default 2) interleaved runs of each; medians. Prints a table; asserts nothing.
 * Our side is the export child bundled like the app and run by plain node (export-child-bundle.ts).
 * Target (issue 19): Closeout's throughput >= 1.5x mbsync's on the same link.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot } from '../tests/support/dovecot';
import { mbsyncConfig } from '../tests/support/mbsync';
import { startDelayProxy } from '../tests/support/delay-proxy';
import { bundleExportChild } from './export-child-bundle';

const MESSAGES = Number(process.env.SLOW_LINK_MESSAGES ?? 3000);
const RUNS = Math.max(1, Number(process.env.SLOW_LINK_RUNS ?? 2));
const ONE_WAY_MS = 20;
const MBIT = 40;
const root = join(import.meta.dirname, '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function run(cmd: string, args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`${cmd} exited ${code}: ${out.slice(-1500)}`)),
    );
  });
}

export default async function slowLinkBench(): Promise<void> {
  const s = await startDovecot({
    fixture: { messages: MESSAGES, seed: 21, largeEvery: 20, largeSize: 150_000, smallSize: 2000 },
  });
  const mb = s.fixture!.totalBytes / 1e6;
  const proxy = await startDelayProxy({
    targetPort: s.tlsPort,
    oneWayDelayMs: ONE_WAY_MS,
    bitsPerSecond: MBIT * 1e6,
  });
  const dirs: string[] = [];
  const fresh = async () => {
    const d = await mkdtemp(join(tmpdir(), 'closeout-slow-link-'));
    dirs.push(d);
    return d;
  };
  const mbsync = async (port: number) => {
    const d = await fresh();
    const seconds = await run('mbsync', ['-c', await mbsyncConfig(s, d, { fsync: false, port }), '-a', '-q']);
    await rm(d, { recursive: true, force: true });
    return seconds;
  };
  // Bundled like the app (esbuild), started by plain node: see export-child-bundle.ts.
  const child = await bundleExportChild();
  const closeout = async (port: number) => {
    const d = await fresh();
    const spec = {
      server: { host: s.host, port, secure: true, origin: 'custom' },
      user: s.user,
      authCode: s.password,
      ca: s.caCertPem,
    };
    const seconds = await run(
      process.execPath,
      child.args(JSON.stringify({ spec, address: s.user, targetDir: d })),
    );
    await rm(d, { recursive: true, force: true });
    return seconds;
  };
  try {
    console.log(
      `fixture: ${MESSAGES} messages, ${mb.toFixed(1)} MB; link: ${2 * ONE_WAY_MS} ms round trip, ${MBIT} Mbit/s each way (floor for the bytes alone: ${((mb * 8) / MBIT).toFixed(1)} s)`,
    );
    // Warm-up, direct: Dovecot's index and page cache.
    await mbsync(s.tlsPort);
    await closeout(s.tlsPort);
    const ours: number[] = [];
    const theirs: number[] = [];
    let ourConnections = 0;
    for (let i = 0; i < RUNS; i++) {
      theirs.push(await mbsync(proxy.port));
      const before = proxy.connections();
      ours.push(await closeout(proxy.port));
      ourConnections = proxy.connections() - before;
    }
    const ref = median(theirs);
    const rows: [string, number][] = [
      ['mbsync, FSync no', ref],
      ['Closeout (durable)', median(ours)],
    ];
    console.log(
      `\n| run (TLS, ${2 * ONE_WAY_MS} ms RTT, ${MBIT} Mbit/s) | wall s (median of ${RUNS}) | MB/s | throughput vs mbsync |`,
    );
    console.log('|---|---|---|---|');
    for (const [name, seconds] of rows) {
      console.log(
        `| ${name} | ${seconds.toFixed(2)} | ${(mb / seconds).toFixed(2)} | ${(ref / seconds).toFixed(2)}x |`,
      );
    }
    console.log(
      `\n(every run, s: mbsync ${theirs.map((x) => x.toFixed(1)).join(', ')}; Closeout ${ours.map((x) => x.toFixed(1)).join(', ')}; Closeout opened ${ourConnections} connection(s) per run; target: Closeout >= 1.5x mbsync on this link)`,
    );
  } finally {
    await proxy.close();
    await s.stop();
    await child.dispose();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }
}
