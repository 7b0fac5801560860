/**
 * The mail archive (issue 18). A Closeout backup written by the test fixture (mostly ~2 KB
 * messages, 1 in 100 with a ~20 KB attachment, every 5th subject Chinese, plus the hard cases),
 * each side in a fresh process (bench/archive-child.ts):
 *
 * - indexing ARCHIVE_BENCH_INDEX (20,000) messages in the worker, against only parsing the same
 *   files with postal-mime (target: at most 2x);
 * - search over ARCHIVE_BENCH_MESSAGES (100,000) messages through the archive:search handler, the
 *   words of people typing (Chinese, English, prefixes), median and p95 (targets 50 / 150 ms), next
 *   to a plain substring scan of subjects and senders as the reference;
 * - peak RSS of the process that indexed 100k messages (target under 400 MB);
 * - opening the indexed 100k backup (cache present) to the first page (target under 1 s).
 * Prints a table; asserts nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeCloseoutBackupFixture } from '../tests/support/mail-fixture';

const run = promisify(execFile);
const INDEX = Number(process.env.ARCHIVE_BENCH_INDEX ?? 20_000);
const LARGE = Number(process.env.ARCHIVE_BENCH_MESSAGES ?? 100_000);
const CHILD = join(import.meta.dirname, 'archive-child.ts');
const root = join(import.meta.dirname, '..');

async function child<T>(...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

const QUERIES = [
  '火',
  '火车',
  '火车票',
  '账单',
  '发票',
  '会议纪要',
  '合同续签',
  '网易',
  'm',
  'mo',
  'mon',
  'monthly',
  'monthly statement',
  'invoice',
  'github',
  'alice@example.org',
  'lunch friday',
  'security alert',
].map((text) => ({ text }));

export default async function archiveBench(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'closeout-bench-archive-'));
  try {
    const opts = { seed: 4, largeEvery: 100, largeSize: 20_000 };
    const small = await writeCloseoutBackupFixture(join(work, 'small'), { ...opts, messages: INDEX });
    const list = join(work, 'files.json');
    await writeFile(list, JSON.stringify(small.messages.map((m) => m.file)));
    const parse = await child<{ ms: number; rssMb: number }>('parse', small.maildir, list);
    const index = await child<{ ms: number; rssMb: number; messages: number }>('index', small.root);

    const large = await writeCloseoutBackupFixture(join(work, 'large'), { ...opts, messages: LARGE });
    const indexLarge = await child<{ ms: number; rssMb: number; messages: number; builtWorker: boolean }>(
      'index',
      large.root,
    );
    // The cache is trusted without listing the files only once the folders' times are a few seconds old.
    await new Promise((r) => setTimeout(r, 3500));
    const opened = await child<{ ms: number; fromCache: boolean; messages: number }>('open', large.root);
    const queries = join(work, 'queries.json');
    await writeFile(queries, JSON.stringify(QUERIES));
    const search = await child<{ times: number[]; naive: number[]; messages: number }>(
      'search',
      large.root,
      queries,
    );

    const f = (n: number, d = 0) => n.toFixed(d);
    const rows = [
      ['measure', 'ours', 'reference', 'ratio', 'target'],
      [
        `index ${f(index.messages)} msgs (s)`,
        f(index.ms / 1000, 2),
        `${f(parse.ms / 1000, 2)} (postal-mime parse only)`,
        f(index.ms / parse.ms, 2),
        '≤ 2.0x',
      ],
      [
        `search ${f(search.messages)} msgs, median (ms)`,
        f(quantile(search.times, 0.5), 1),
        `${f(quantile(search.naive, 0.5), 1)} (substring scan of subject+sender)`,
        f(quantile(search.times, 0.5) / Math.max(0.01, quantile(search.naive, 0.5)), 2),
        '≤ 50 ms',
      ],
      [
        `search ${f(search.messages)} msgs, p95 (ms)`,
        f(quantile(search.times, 0.95), 1),
        `${f(quantile(search.naive, 0.95), 1)} (same scan)`,
        f(quantile(search.times, 0.95) / Math.max(0.01, quantile(search.naive, 0.95)), 2),
        '≤ 150 ms',
      ],
      [
        `peak RSS indexing ${f(indexLarge.messages)} msgs (MB)`,
        f(indexLarge.rssMb),
        `${f(parse.rssMb)} (parse-only process, ${f(INDEX)} msgs)`,
        '-',
        '< 400 MB',
      ],
      [
        `open indexed ${f(opened.messages)} msgs to first page (ms)`,
        f(opened.ms),
        `${f(indexLarge.ms)} (indexing from scratch)`,
        f(opened.ms / indexLarge.ms, 3),
        '< 1000 ms',
      ],
    ];
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const r of rows) console.log(`| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`);
    console.log(
      indexLarge.builtWorker
        ? '(indexer: the built worker from out/main)'
        : '(indexer: the TypeScript worker through tsx; run `npm run build` first to measure the shipped one)',
    );
    if (!opened.fromCache)
      console.log('(the open run did not find the cache: the figure above includes indexing)');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
