import type { SerializedIndex } from './search-index';

export interface IndexWorkerInput {
  maildir: string;
  /** The message files as two columns (not 100k objects to clone into the worker): folder ids, and paths each followed by NUL. */
  folders: Uint32Array;
  paths: string;
  /** Where the worker writes the cache itself before handing the index over (main then holds one copy, not two). */
  cache?: { root: string; signature: string; stamps: string };
}

export type IndexWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; index: SerializedIndex }
  | { type: 'error'; message: string };
