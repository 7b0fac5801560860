import type { MessageFile } from './backup';
import type { SerializedIndex } from './search-index';

export interface IndexWorkerInput {
  maildir: string;
  files: MessageFile[];
  /** Where the worker writes the cache itself before handing the index over (main then holds one copy, not two). */
  cache?: { root: string; signature: string; stamps: string };
}

export type IndexWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; index: SerializedIndex }
  | { type: 'error'; message: string };
