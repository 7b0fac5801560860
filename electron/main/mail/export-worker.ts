/**
 * The mail export's worker thread: runs one `runExport` (IMAP sessions, parsing, hashing, files)
 * off main's thread and reports progress, the outcome or the failure as messages. Main's event
 * loop stays free for the window and IPC, and the export's own heap has a small young
 * generation (export-runner.ts), so the mail it has already written is collected soon.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { toMailFailure } from './mail-errors';
import { runExport } from './exporter';
import type { ExportWorkerCommand, ExportWorkerInput, ExportWorkerMessage } from './export-protocol';
import { ProgressTracker } from './progress';

async function run(port: MessagePort): Promise<void> {
  const input = workerData as ExportWorkerInput;
  const post = (m: ExportWorkerMessage) => port.postMessage(m);
  const clock = { now: () => Date.now() + input.clockOffsetMs };
  const controller = new AbortController();
  port.on('message', (m: ExportWorkerCommand) => {
    if (m?.type === 'cancel') controller.abort();
  });
  const progress = new ProgressTracker('worker', clock, (snapshot, force) =>
    post({ type: 'progress', state: { snapshot, ...progress.fetchedState() }, force }),
  );
  try {
    const outcome = await runExport({ ...input, clock, signal: controller.signal, progress });
    post({ type: 'done', outcome });
  } catch (e) {
    // The last counts first (progress is sent at most every 250 ms), then why it stopped.
    progress.emit(true);
    const f = toMailFailure(e);
    post({ type: 'failed', code: f.code, message: f.message, ...(f.params ? { params: f.params } : {}) });
  }
  port.close();
}

// Only as a worker thread; imported elsewhere (a test loading the Electron entry) it does nothing.
if (parentPort) void run(parentPort);
