/**
 * Discovery benchmark (issue 7): the headers-only scan of 20,000 messages from a local Dovecot,
 * next to a bare imapflow FETCH of the same header fields in the same run (the floor). Each run of
 * each side is a fresh Node process (bench/discovery-child.ts) that imports only what its side
 * needs, timed apart; runs of the two sides alternate (floor first, then scan first) so load on
 * the machine falls on both alike, and the table shows medians of wall and CPU time. The scan's
 * memory is compared at 5k and 20k messages. The classifier's accuracy on the labelled corpus is
 * discovery-accuracy.bench.ts.
 */
import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startDovecot } from '../tests/support/dovecot';
import { loadCorpus } from '../tests/fixtures/discovery/evaluate';
import { renderMessage } from '../tests/fixtures/discovery/generate';
import type { ChildResult } from './discovery-child';

const run = promisify(execFile);
/** Runs per side and size; the table shows medians. */
const RUNS = 7;
const CHILD = join(import.meta.dirname, 'discovery-child.ts');

/** One side in a fresh Node process (same flags for both), so neither inherits the other's warm JIT or heap. */
async function measure(
  mode: 'floor' | 'scan',
  port: number,
  caFile: string,
  user: string,
  code: string,
): Promise<ChildResult> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', CHILD, mode, String(port), caFile, user, code],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function fillMaildir(root: string, count: number, blocks: string[]): void {
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(root, 'cur', `${1_700_000_000 + i}.M${i}P1.bench:2,S`),
      renderMessage(blocks[i % blocks.length]!, i),
    );
  }
}

export default async function discoveryBench(): Promise<void> {
  const code = 'bench-auth-code';
  const server = await startDovecot({
    users: [
      { user: 'bench5k@163.com', password: code },
      { user: 'bench20k@163.com', password: code },
    ],
  });
  const work = await mkdtemp(join(tmpdir(), 'closeout-discovery-bench-'));
  try {
    const blocks = loadCorpus().senders.flatMap((s) => s.messages);
    const [u5, u20] = server.users as [(typeof server.users)[0], (typeof server.users)[0]];
    execFileSync('mkdir', ['-p', join(u5.maildirRoot, 'cur'), join(u20.maildirRoot, 'cur')]);
    fillMaildir(u5.maildirRoot, 5_000, blocks);
    fillMaildir(u20.maildirRoot, 20_000, blocks);
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', '65534:65534', join(server.dir, 'home')]);
    const caFile = join(work, 'ca.pem');
    writeFileSync(caFile, server.caCertPem);

    // Warm Dovecot's index for both mailboxes and tsx's transform cache for both sides, so neither
    // pays for a first indexing or a first compile.
    for (const u of [u5, u20])
      for (const mode of ['floor', 'scan'] as const)
        await measure(mode, server.tlsPort, caFile, u.user, code);

    const rows: Array<{ user: string; n: number; floor: ChildResult[]; scan: ChildResult[] }> = [
      { user: u5.user, n: 5_000, floor: [], scan: [] },
      { user: u20.user, n: 20_000, floor: [], scan: [] },
    ];
    for (let i = 0; i < RUNS; i++) {
      for (const row of rows) {
        // Alternate the order so neither side always runs on a warmer cache.
        const order: Array<'floor' | 'scan'> = i % 2 ? ['scan', 'floor'] : ['floor', 'scan'];
        for (const mode of order) row[mode].push(await measure(mode, server.tlsPort, caFile, row.user, code));
      }
    }
    console.log(
      `\nIMAP header scan over TLS from a local Dovecot, median of ${RUNS} alternating runs, each a fresh process:`,
    );
    console.log(
      '| messages | floor wall, median (min–max) ms | scan wall, median (min–max) ms | wall ratio | floor CPU (ms) | scan CPU (ms) | CPU ratio | floor imports (ms) | scan imports (ms) | ratio incl. imports | findings | floor peak RSS Δ (MiB) | scan peak RSS Δ (MiB) |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) {
      const bad = row.scan.concat(row.floor).find((r) => r.messages !== row.n);
      if (bad) throw new Error(`expected ${row.n} messages, a run saw ${bad.messages}`);
      const m = (side: ChildResult[], f: (r: ChildResult) => number) => median(side.map(f));
      const f = m(row.floor, (r) => r.ms);
      const s = m(row.scan, (r) => r.ms);
      const fc = m(row.floor, (r) => r.cpuMs);
      const sc = m(row.scan, (r) => r.cpuMs);
      const fi = m(row.floor, (r) => r.importMs);
      const si = m(row.scan, (r) => r.importMs);
      const range = (side: ChildResult[]) => {
        const xs = side.map((r) => r.ms).sort((a, b) => a - b);
        return `${median(xs).toFixed(0)} (${xs[0]!.toFixed(0)}–${xs.at(-1)!.toFixed(0)})`;
      };
      const withImports = m(row.scan, (r) => r.ms + r.importMs) / m(row.floor, (r) => r.ms + r.importMs);
      console.log(
        `| ${row.n} | ${range(row.floor)} | ${range(row.scan)} | ${(s / f).toFixed(2)}x | ${fc.toFixed(0)} | ${sc.toFixed(0)} | ${(sc / fc).toFixed(2)}x | ${fi.toFixed(0)} | ${si.toFixed(0)} | ${withImports.toFixed(2)}x | ${row.scan[0]!.findings} | ${(m(row.floor, (r) => r.peakDeltaKiB) / 1024).toFixed(1)} | ${(m(row.scan, (r) => r.peakDeltaKiB) / 1024).toFixed(1)} |`,
      );
    }
    const m5 = median(rows[0]!.scan.map((r) => r.peakDeltaKiB));
    const m20 = median(rows[1]!.scan.map((r) => r.peakDeltaKiB));
    console.log(
      `\nScan memory, 20k vs 5k messages: peak RSS delta ${(m20 / 1024).toFixed(1)} MiB vs ${(m5 / 1024).toFixed(1)} MiB (${(m20 / Math.max(1, m5)).toFixed(2)}x for 4x the messages). Target: scan under 1.3x the floor; memory flat.`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
    await server.stop();
  }
}
