/**
 * Discovery benchmark (issue 7): the headers-only scan of 20,000 messages from a local Dovecot,
 * next to a bare imapflow FETCH of the same header fields in the same run (the floor). Each side
 * runs in its own Node process (spawned from this file) so peak RSS is its own; the scan's memory
 * is compared at 5k and 20k messages. Also prints the classifier's precision and recall on the
 * labelled corpus.
 */
import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DISCOVERY_HEADER_FIELDS } from '../electron/common/discovery/headers';
import { DiscoveryAggregator } from '../electron/common/discovery/aggregate';
import { closeSession, openSession } from '../electron/main/mail/connection';
import { scanImap } from '../electron/main/mail/discovery/imap-source';
import { isSkippedFolder } from '../electron/main/mail/discovery/folders';
import { startDovecot } from '../tests/support/dovecot';
import { evaluate, loadCorpus } from '../tests/fixtures/discovery/evaluate';
import { renderMessage } from '../tests/fixtures/discovery/generate';

const run = promisify(execFile);
const appInfo = {
  name: 'Closeout',
  version: '0.1.0',
  platform: process.platform,
  runtime: 'harness' as const,
};
const RUNS = 5;

interface ChildResult {
  ms: number;
  messages: number;
  findings: number;
  /** KiB, from the kernel's high-water mark, minus the RSS after imports. */
  peakDeltaKiB: number;
  /** User + system CPU of this process over the measured span. */
  cpuMs: number;
}

// ---- child: one measured side -------------------------------------------------------------------

async function child(
  mode: 'floor' | 'scan',
  port: number,
  caFile: string,
  user: string,
  code: string,
): Promise<ChildResult> {
  const ca = await readFile(caFile, 'utf8');
  global.gc?.();
  const baseKiB = process.memoryUsage().rss / 1024;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const client = await openSession(
    { server: { host: '127.0.0.1', port, secure: true, origin: 'custom' }, user, authCode: code, ca },
    appInfo,
  );
  let messages = 0;
  let findings = 0;
  try {
    if (mode === 'floor') {
      // The reference: one FETCH 1:* of the same header fields per folder, each message counted and dropped.
      for (const f of await client.list()) {
        if (isSkippedFolder(f.path, f.specialUse ?? null)) continue;
        const box = await client.mailboxOpen(f.path, { readOnly: true });
        if (box.exists === 0) continue;
        for await (const m of client.fetch('1:*', { headers: [...DISCOVERY_HEADER_FIELDS] }))
          if (m.headers) messages++;
      }
    } else {
      const agg = new DiscoveryAggregator([user]);
      await scanImap(client, {
        onFolders: () => {},
        onFolder: () => {},
        onHeader: (b) => agg.addHeaderBlock(b),
        onBatch: () => {},
        cancelled: () => false,
      });
      messages = agg.messages;
      findings = agg.findings().length;
    }
  } finally {
    await closeSession(client);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    ms,
    messages,
    findings,
    peakDeltaKiB: process.resourceUsage().maxRSS - baseKiB,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

if (process.argv[2] === '--child') {
  const [mode, port, caFile, user, code] = process.argv.slice(3) as [
    'floor' | 'scan',
    string,
    string,
    string,
    string,
  ];
  child(mode, Number(port), caFile, user, code).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}

// ---- parent ---------------------------------------------------------------------------------------

async function measure(
  mode: 'floor' | 'scan',
  port: number,
  caFile: string,
  user: string,
  code: string,
): Promise<ChildResult> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--child', mode, String(port), caFile, user, code],
    {
      maxBuffer: 1 << 20,
    },
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
  const e = evaluate();
  console.log('Classifier on the labelled corpus (tests/fixtures/discovery):');
  console.log(`| senders | with account | TP | FP | FN | TN | precision | recall |`);
  console.log(`|---|---|---|---|---|---|---|---|`);
  console.log(
    `| ${e.scored.length} | ${e.tp + e.fn} | ${e.tp} | ${e.fp} | ${e.fn} | ${e.tn} | ${e.precision.toFixed(3)} | ${e.recall.toFixed(3)} |`,
  );
  console.log('\n| sender kind | senders | correct |');
  console.log('|---|---|---|');
  for (const [kind, k] of e.byKind) console.log(`| ${kind} | ${k.n} | ${k.correct} |`);

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

    // Warm Dovecot's index for both mailboxes so neither side pays for the first indexing.
    await measure('floor', server.tlsPort, caFile, u5.user, code);
    await measure('floor', server.tlsPort, caFile, u20.user, code);

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
      `\nIMAP header scan over TLS from a local Dovecot, median of ${RUNS} runs (each side in its own process):`,
    );
    console.log(
      '| messages | floor: bare imapflow FETCH (ms) | discovery scan (ms) | ratio | floor CPU (ms) | scan CPU (ms) | findings | floor peak RSS Δ (MiB) | scan peak RSS Δ (MiB) |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) {
      const f = median(row.floor.map((r) => r.ms));
      const s = median(row.scan.map((r) => r.ms));
      const bad = row.scan.concat(row.floor).find((r) => r.messages !== row.n);
      if (bad) throw new Error(`expected ${row.n} messages, a run saw ${bad.messages}`);
      console.log(
        `| ${row.n} | ${f.toFixed(0)} | ${s.toFixed(0)} | ${(s / f).toFixed(2)}x | ${median(row.floor.map((r) => r.cpuMs)).toFixed(0)} | ${median(row.scan.map((r) => r.cpuMs)).toFixed(0)} | ${row.scan[0]!.findings} | ${(median(row.floor.map((r) => r.peakDeltaKiB)) / 1024).toFixed(1)} | ${(median(row.scan.map((r) => r.peakDeltaKiB)) / 1024).toFixed(1)} |`,
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
