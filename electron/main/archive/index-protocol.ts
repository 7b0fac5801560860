import type { MessageFile } from './backup';
import type { SerializedIndex } from './search-index';

export interface IndexWorkerInput {
  maildir: string;
  files: MessageFile[];
}

export type IndexWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; index: SerializedIndex }
  | { type: 'error'; message: string };
