/**
 * Reminders benchmark (issue 5): one scheduler check (`planCheck`: what is due, catch-up summary or
 * single, quiet hours, the next wake-up) over 10,000 reminders, median of many runs, next to a plain
 * array scan of the same reminders (`filter` on the due time) measured in the same run.
 * Target: under 1 ms.
 */
import { DEFAULT_REMINDER_SETTINGS, type Reminder } from '../electron/common/model/reminders';
import { DAY, fixedZone, newReminder, planCheck } from '../electron/common/schedule';

const N = 10_000;
const RUNS = 301;
const NOW = Date.parse('2026-03-10T04:00:00.000Z');
const zone = fixedZone(480);

function reminders(): Reminder[] {
  // Deterministic spread: a third in the past (some fired, some dismissed), the rest over 60 days.
  const out: Reminder[] = [];
  let seed = 42;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < N; i++) {
    const dueAt = Math.round(NOW - 20 * DAY + rand() * 80 * DAY);
    const r = newReminder(
      { id: `r${i}`, kind: 'user', planId: 'p1', item: null, params: {}, dueAt, title: `r${i}` },
      NOW - 30 * DAY,
    );
    const x = rand();
    out.push(
      dueAt < NOW && x < 0.6
        ? { ...r, firedAt: dueAt, firedAs: 'single' }
        : x > 0.95
          ? { ...r, dismissedAt: NOW - DAY }
          : r,
    );
  }
  return out;
}

function median(fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) fn(); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export default async function bench(): Promise<void> {
  const items = reminders();
  const settings = {
    ...DEFAULT_REMINDER_SETTINGS,
    quietHours: { ...DEFAULT_REMINDER_SETTINGS.quietHours, enabled: false },
  };
  let sink = 0;
  const check = median(() => (sink += planCheck(items, settings, NOW, zone).fire.length));
  const scan = median(() => (sink += items.filter((r) => r.dueAt <= NOW).length));
  const quiet = median(
    () => (sink += planCheck(items, DEFAULT_REMINDER_SETTINGS, NOW - 8 * 3_600_000, zone).fire.length),
  );
  const row = (name: string, ms: number) =>
    `| ${name.padEnd(44)} | ${ms.toFixed(3).padStart(9)} | ${(ms / scan).toFixed(2).padStart(8)} |`;
  console.log(`${N} reminders, median of ${RUNS} runs (target: check < 1 ms)\n`);
  console.log('| measurement                                  | median ms | vs. scan |');
  console.log('|----------------------------------------------|-----------|----------|');
  console.log(row('reference: array filter on dueAt <= now', scan));
  console.log(row('scheduler check (planCheck)', check));
  console.log(row('scheduler check during quiet hours', quiet));
  console.log(`\ncheck under 1 ms: ${check < 1 ? 'yes' : 'NO'} (checksum ${sink})`);
}
