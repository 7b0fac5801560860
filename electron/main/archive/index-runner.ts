/**
 * Starts the indexer worker and turns its messages into a promise with progress. In the built app
 * the worker is its own entry (`out/main/archive-index-worker.js`, see electron.vite.config.ts);
 * run from source (the harness, tests) it is the TypeScript file itself, loaded through the same
 * `--import tsx` hook the process runs under (workers inherit execArgv).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IndexWorkerInput, IndexWorkerMessage } from './index-protocol';
import type { SerializedIndex } from './search-index';

function workerFile(): string {
  const source = fileURLToPath(new URL('./index-worker.ts', import.meta.url));
  if (import.meta.url.endsWith('.ts') && existsSync(source)) return source;
  return fileURLToPath(new URL('./archive-index-worker.js', import.meta.url));
}

export interface IndexRun {
  done: Promise<SerializedIndex>;
  cancel(): void;
}

export function runIndexer(input: IndexWorkerInput, onProgress: (done: number, total: number) => void): IndexRun {
  const worker = new Worker(workerFile(), { workerData: input });
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
