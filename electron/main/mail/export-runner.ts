/**
 * Runs one mail export in its own worker thread (export-worker.ts) and turns its messages into a
 * promise, progress on main's tracker and cancellation. Main's event loop never waits on the
 * export's parsing, hashing or file writes (the export's own writer thread, file-writer.ts, writes
 * the files with synchronous calls), and the worker's heap is set up for streaming mail through:
 * see EXPORT_YOUNG_GENERATION_MB and EXPORT_OLD_GENERATION_MB.
 */
import type { Clock } from '../../common/clock';
import { AppFailure } from '../../common/result';
import { startWorker } from '../workers/worker-source';
import type { ExportOutcome } from './exporter';
import type { ExportWorkerCommand, ExportWorkerInput, ExportWorkerMessage } from './export-protocol';
import type { ProgressTracker } from './progress';

export interface WorkerExportRequest extends Omit<ExportWorkerInput, 'clockOffsetMs'> {
  clock: Clock;
  signal: AbortSignal;
  progress: ProgressTracker;
}

/**
 * The worker's young generation, in MiB (V8's default lets it grow to 48). Each message arrives as
 * a Buffer whose bytes live outside the JavaScript heap until its small handle is collected: with
 * a large young generation that is tens of MB of mail already written to disk. Peak RSS of the
 * mail bench's export process (20k messages and one of 30 MiB, 3 connections), by this limit:
 * 3 MiB 132-137 MB; 6 MiB 136-138; 8 MiB 148-157; 16 MiB 185; V8's default 172-182. The client
 * CPU did not rise measurably at 3 MiB (its scavenges are small and frequent).
 */
export const EXPORT_YOUNG_GENERATION_MB = 3;

/**
 * The worker's old generation at most, in MiB. Without a limit of its own a worker gets V8's
 * default for this machine's memory (about 4 GB on 24 GB), and V8 then lets the old generation
 * grow to several times what is alive before collecting it: about 12 MB alive at the end of the
 * bench's export, 24-39 MB of heap. With 1 GiB, peak RSS of the mail bench's export (interleaved
 * runs, same build): 123-126 MB, against 149-151 MB with no limit; 64, 128, 256 and 512 MiB gave
 * the same as 1 GiB, and the client CPU did not change measurably. 1 GiB is far above what any
 * mailbox needs (the per-message state is a file name and a few numbers); were it reached, the
 * worker stops and the backup fails with `mail.io`, everything saved so far kept.
 */
export const EXPORT_OLD_GENERATION_MB = 1024;

export function runExportInWorker(
  req: WorkerExportRequest,
  builtPath: string | undefined,
): Promise<ExportOutcome> {
  const { clock, signal, progress, ...rest } = req;
  if (signal.aborted) return Promise.reject(new AppFailure('mail.cancelled', 'The backup was cancelled'));
  const input: ExportWorkerInput = { ...rest, clockOffsetMs: clock.now() - Date.now() };
  const worker = startWorker(
    builtPath,
    new URL('./export-worker.ts', import.meta.url),
    import.meta.url,
    'The mail export',
    {
      workerData: input,
      resourceLimits: {
        maxYoungGenerationSizeMb: EXPORT_YOUNG_GENERATION_MB,
        maxOldGenerationSizeMb: EXPORT_OLD_GENERATION_MB,
      },
    },
  );
  return new Promise<ExportOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => worker.postMessage({ type: 'cancel' } satisfies ExportWorkerCommand);
    signal.addEventListener('abort', onAbort);
    worker.on('message', (m: ExportWorkerMessage) => {
      if (m.type === 'progress') progress.mirror(m.state, m.force);
      else if (m.type === 'done') settle(() => resolve(m.outcome));
      else settle(() => reject(new AppFailure(m.code, m.message, m.params)));
      // Its work is recorded: nothing it may still hold open (a timer, a closing socket) matters.
      if (m.type !== 'progress') void worker.terminate();
    });
    // Not a failure of the export (those arrive as messages) but of the thread: out of memory, or
    // an exception outside the export's promise chain.
    worker.on('error', (e) =>
      settle(() =>
        reject(
          new AppFailure('mail.io', `The backup stopped: ${e instanceof Error ? e.message : String(e)}`),
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new AppFailure('mail.io', `The backup stopped unexpectedly (exit ${code})`))),
    );
  });
}
