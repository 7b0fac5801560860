/**
 * Runs one export in its own process so a test can SIGKILL it mid-transfer. Arguments: one JSON
 * object {spec, address, targetDir, tuning?} in argv[2]. Prints "saved <n>" after every batch, and
 * "failed <code>" (exit 1) when the export fails.
 */
import { systemClock } from '../../../electron/common/clock';
import { runExport, type ExportRequest } from '../../../electron/main/mail/exporter';
import { toMailFailure } from '../../../electron/main/mail/mail-errors';
import { ProgressTracker } from '../../../electron/main/mail/progress';

const args = JSON.parse(process.argv[2] ?? '{}') as Pick<
  ExportRequest,
  'spec' | 'address' | 'targetDir' | 'tuning'
>;
let saved = 0;
const progress = new ProgressTracker('child', systemClock, () => {});
const fetched = progress.fetched.bind(progress);
progress.fetched = (n, b) => {
  fetched(n, b);
  saved += n;
  process.stdout.write(`saved ${saved}\n`);
};
// Under `ulimit -f` the kernel sends SIGXFSZ, which kills by default; handled, write(2) fails with EFBIG.
process.on('SIGXFSZ', () => {});
try {
  await runExport({
    ...args,
    appInfo: { name: 'Closeout', version: '0.1.0', platform: process.platform, runtime: 'harness' },
    clock: systemClock,
    signal: new AbortController().signal,
    progress,
  });
} catch (e) {
  process.stdout.write(`failed ${toMailFailure(e).code}\n`);
  process.exit(1);
}
process.stdout.write(`done maxrss_kb=${process.resourceUsage().maxRSS}\n`);
