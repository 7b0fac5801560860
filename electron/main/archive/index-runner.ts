/**
 * Starts the indexer worker and turns its messages into a promise with progress. In the built app
 * the worker is its own self-contained bundle, whose path the Electron entry
 * (`electron/main/electron/index.ts`) imports with electron-vite's `?modulePath` and passes down;
 * run from source (the harness, tests) it is the TypeScript file.
 */
import { startWorker } from '../workers/worker-source';
import type { IndexWorkerInput, IndexWorkerMessage } from './index-protocol';
import type { SerializedIndex } from './search-index';

export interface IndexRun {
  done: Promise<SerializedIndex>;
  cancel(): void;
}

/**
 * The worker's old-generation heap, in MiB, for a backup of `messages` files. V8 lets a heap grow
 * to a few times its live size before it collects (parsing leaves much garbage behind), which at
 * 100k messages made a 100 MB index cost 300 MB more. A budget of about twice what the index and
 * the parser need keeps it collecting; a backup that needs more than that is indexed again
 * without one (see runIndexer).
 */
export function heapBudgetMb(messages: number): number {
  return Math.ceil(96 + (messages * 1536) / 1048576);
}

export function runIndexer(
  input: IndexWorkerInput,
  builtPath: string | undefined,
  onProgress: (done: number, total: number) => void,
  heapMb: number = heapBudgetMb(input.folders.length),
): IndexRun {
  let current: IndexRun = start(input, builtPath, onProgress, heapMb);
  let cancelled = false;
  const done = current.done.catch((e: unknown) => {
    if (cancelled || (e as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
    current = start(input, builtPath, onProgress, undefined);
    return current.done;
  });
  return {
    done,
    cancel() {
      cancelled = true;
      current.cancel();
    },
  };
}

function start(
  input: IndexWorkerInput,
  builtPath: string | undefined,
  onProgress: (done: number, total: number) => void,
  heapMb: number | undefined,
): IndexRun {
  const worker = startWorker(
    builtPath,
    new URL('./index-worker.ts', import.meta.url),
    import.meta.url,
    'The archive indexer',
    {
      workerData: input,
      ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
    },
  );
  let settled = false;
  const done = new Promise<SerializedIndex>((resolve, reject) => {
    worker.on('message', (m: IndexWorkerMessage) => {
      if (m.type === 'progress') onProgress(m.done, m.total);
      else if (m.type === 'done') {
        settled = true;
        resolve(m.index);
        void worker.terminate();
      } else {
        settled = true;
        reject(new Error(m.message));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`indexer stopped (${code})`));
    });
  });
  return {
    done,
    cancel() {
      if (!settled) void worker.terminate();
    },
  };
}
