/**
 * Runs one export in its own process so a test can SIGKILL it mid-transfer. Arguments: one JSON
 * object {spec, address, targetDir, tuning?, worker?, workerPath?} in argv[2]. Prints "saved <n>"
 * after every batch, and "failed <code>" (exit 1) when the export fails.
 *
 * With `worker: true` the export runs the way the app runs it, in its worker thread
 * (export-runner.ts; `workerPath` is the worker's bundle, as the mail bench builds it); "saved"
 * then follows the worker's progress reports, a few per second.
 */
import { systemClock } from '../../../electron/common/clock';
import type { ExportRequest } from '../../../electron/main/mail/exporter';
import { runExportInWorker } from '../../../electron/main/mail/export-runner';
import { toMailFailure } from '../../../electron/main/mail/mail-errors';
import { ProgressTracker } from '../../../electron/main/mail/progress';

const args = JSON.parse(process.argv[2] ?? '{}') as Pick<
  ExportRequest,
  'spec' | 'address' | 'targetDir' | 'tuning'
> & { worker?: boolean; workerPath?: string };
const { worker, workerPath, ...request } = args;
let saved = 0;
const progress = new ProgressTracker('child', systemClock, () => {});
const fetched = progress.fetched.bind(progress);
progress.fetched = (n, b) => {
  fetched(n, b);
  saved += n;
  process.stdout.write(`saved ${saved}\n`);
};
const mirror = progress.mirror.bind(progress);
progress.mirror = (state, force) => {
  mirror(state, force);
  if (state.fetchedMessages > saved) {
    saved = state.fetchedMessages;
    process.stdout.write(`saved ${saved}\n`);
  }
};
// Under `ulimit -f` the kernel sends SIGXFSZ, which kills by default; handled, write(2) fails with EFBIG.
process.on('SIGXFSZ', () => {});
const appInfo = {
  name: 'Closeout',
  version: '0.1.0',
  platform: process.platform,
  runtime: 'harness',
} as const;
try {
  const common = {
    ...request,
    appInfo,
    clock: systemClock,
    signal: new AbortController().signal,
    progress,
  };
  // The exporter (imapflow and all) is loaded on this thread only when it runs here.
  if (worker) await runExportInWorker(common, workerPath);
  else await (await import('../../../electron/main/mail/exporter')).runExport(common);
} catch (e) {
  process.stdout.write(`failed ${toMailFailure(e).code}\n`);
  process.exit(1);
}
process.stdout.write(`done maxrss_kb=${process.resourceUsage().maxRSS}\n`);
