/**
 * Messages between main and the mail export's worker thread (export-worker.ts, started by
 * export-runner.ts). Everything here is structured-clone data: the connection spec, the outcome,
 * progress snapshots and a failure's code and parameters.
 */
import type { MailProgress } from '../../common/contract/mail';
import type { ErrorCode } from '../../common/errors';
import type { ExportOutcome, ExportRequest } from './exporter';

/** An export request without what cannot cross threads (signal, progress, clock, test hooks). */
export type ExportWorkerInput = Pick<
  ExportRequest,
  'spec' | 'address' | 'targetDir' | 'appInfo' | 'tuning' | 'reconnectDelaysMs' | 'connections'
> & {
  /** main's clock minus the system clock when the run started (the harness may run days ahead). */
  clockOffsetMs: number;
};

/** The counters main's tracker mirrors, beside the snapshot the worker computed. */
export interface ExportProgressState {
  snapshot: MailProgress;
  fetchedMessages: number;
  fetchedBytes: number;
}

export type ExportWorkerMessage =
  | { type: 'progress'; state: ExportProgressState; force: boolean }
  | { type: 'done'; outcome: ExportOutcome }
  | { type: 'failed'; code: ErrorCode; message: string; params?: Record<string, string | number> };

export type ExportWorkerCommand = { type: 'cancel' };
