/**
 * One measured side of the archive benchmark, in a fresh process (so each has its own peak RSS):
 *   parse <maildir> <list.json>   the reference: read every file and parse it with postal-mime, nothing else
 *   index <backup>                open the backup with no cache: list, index in the worker, cache it
 *   open <backup>                 open an indexed backup (cache present) up to the first page of the list
 *   search <backup> <queries.json> open, then time each query through the archive:search handler
 * Prints one JSON line. Peak RSS is the kernel's high-water mark of this process, worker included.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 1024 / 1024;
}

/**
 * The shipped worker (out/main/chunks/index-worker-*.js, from `npm run build`) when it is newer
 * than the archive sources; otherwise the TypeScript worker through tsx, which costs start-up time
 * and memory the app does not pay (the table says which one ran).
 */
function builtWorker(): string | undefined {
  const root = join(import.meta.dirname, '..');
  const chunks = join(root, 'out/main/chunks');
  const sources = join(root, 'electron/main/archive');
  try {
    const built = readdirSync(chunks)
      .filter((f) => f.startsWith('index-worker-'))
      .map((f) => join(chunks, f));
    const newestSource = Math.max(...readdirSync(sources).map((f) => statSync(join(sources, f)).mtimeMs));
    const fresh = built
      .map((f) => ({ f, t: statSync(f).mtimeMs }))
      .filter((b) => b.t > newestSource)
      .sort((a, b) => b.t - a.t);
    return fresh[0]?.f;
  } catch {
    return undefined;
  }
}

async function service() {
  const { createArchiveService } = await import('../electron/main/archive/archive-service');
  const ctx = {
    dataDir: '',
    clock: { now: () => Date.now() },
    appInfo: { name: 'Closeout', version: 'bench', platform: process.platform, runtime: 'harness' as const },
    store: {} as never,
    emit: () => {},
  };
  // The bench opens its own fixture; in the app main decides which folders may be opened.
  return createArchiveService(ctx as never, {
    workerPath: builtWorker(),
    mayOpen: async () => true,
    mayExportTo: async () => false,
  });
}

async function waitReady(s: Awaited<ReturnType<typeof service>>): Promise<void> {
  for (;;) {
    const r = await s.handlers['archive:status']();
    if (r.ok && r.value && r.value.state === 'ready') return;
    if (r.ok && r.value?.state === 'failed') throw new Error(JSON.stringify(r.value.error));
    await new Promise((res) => setTimeout(res, 5));
  }
}

const [mode, target, extra] = process.argv.slice(2);
if (mode === 'parse') {
  const { default: PostalMime } = await import('postal-mime');
  const files = JSON.parse(await readFile(extra!, 'utf8')) as string[];
  const started = performance.now();
  for (const f of files) await PostalMime.parse(await readFile(join(target!, f)));
  console.log(
    JSON.stringify({ ms: performance.now() - started, messages: files.length, rssMb: peakRssMb() }),
  );
} else if (mode === 'index' || mode === 'open') {
  const s = await service();
  const started = performance.now();
  const opened = await s.handlers['archive:open']({ dir: target! });
  if (!opened.ok) throw new Error(opened.error.code);
  await waitReady(s);
  const first = await s.handlers['archive:search']({ query: {}, limit: 200 });
  if (!first.ok) throw new Error(first.error.code);
  const ms = performance.now() - started;
  const status = await s.handlers['archive:status']();
  console.log(
    JSON.stringify({
      ms,
      messages: first.value.total,
      fromCache: status.ok && status.value?.fromCache,
      rssMb: peakRssMb(),
      builtWorker: Boolean(builtWorker()),
    }),
  );
  s.close?.();
} else if (mode === 'search') {
  const s = await service();
  await s.handlers['archive:open']({ dir: target! });
  await waitReady(s);
  const queries = JSON.parse(await readFile(extra!, 'utf8')) as { text: string; field?: 'all' | 'subject' }[];
  const times: number[] = [];
  const naive: number[] = [];
  const index = s.current()!;
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      const r = await s.handlers['archive:search']({ query: q, limit: 200 });
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.error.code);
      // The reference: a plain substring scan of subject and sender of every entry.
      const t1 = performance.now();
      const needle = q.text.toLowerCase();
      let hits = 0;
      for (const e of index.entries)
        if (e.subject.toLowerCase().includes(needle) || e.fromName.toLowerCase().includes(needle)) hits++;
      naive.push(performance.now() - t1 + (hits < 0 ? 1 : 0));
    }
  }
  console.log(JSON.stringify({ times, naive, messages: index.entries.count, rssMb: peakRssMb() }));
  s.close?.();
}
