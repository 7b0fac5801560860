import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventSink } from '../../../electron/common/contract';
import type { InAppNotification } from '../../../electron/common/contract/reminders';
import { apply, type PlanCommand } from '../../../electron/common/model';
import type { VaultDocument } from '../../../electron/common/model/document';
import type { Reminder, ReminderSettings } from '../../../electron/common/model/reminders';
import { ok } from '../../../electron/common/result';
import { DAY, effectiveDueAt, type SnoozeChoice, type TimeZone } from '../../../electron/common/schedule';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { createManualPowerEvents, createRecordingNotifier } from '../../support/doubles/recording-notifier';
import { createRemindersService, type RemindersService } from '../../../electron/main/reminders/service';
import type { Timers } from '../../../electron/main/reminders/types';
import { vaultDocumentCodec } from '../../../electron/main/vault/codec';
import { Vault } from '../../../electron/main/vault/vault';
import { FakeClock, keyFileFor, TEST_KDF, tempDir } from '../vault/helpers';
import { ZONES, play, scenarioArb, type Delivery, type Driver, type Scenario } from '../schedule/scenario';
import { readyCommands } from './support';

const FIVE_MINUTES = 5 * 60_000;

/** Timers the test fires by hand, recording every delay the scheduler asks for. */
class ManualTimers implements Timers {
  pending: { fn: () => void; at: number; handle: number } | null = null;
  delays: number[] = [];
  private seq = 0;
  constructor(private readonly clock: FakeClock) {}
  setTimeout(fn: () => void, ms: number) {
    this.delays.push(ms);
    if (this.pending) throw new Error('the scheduler armed a second timer without clearing the first');
    this.pending = { fn, at: this.clock.now() + ms, handle: ++this.seq };
    return this.seq;
  }
  clearTimeout(handle: unknown) {
    if (this.pending?.handle === handle) this.pending = null;
  }
}

/** The real service on a real vault, its time and timers in the test's hands. */
class ServiceDriver implements Driver {
  readonly clock: FakeClock;
  readonly timers: ManualTimers;
  readonly zone: TimeZone;
  private vault!: Vault<VaultDocument>;
  private svc: RemindersService | null = null;
  private log: Delivery[] = [];
  private readonly notifier = createRecordingNotifier();
  private readonly power = createManualPowerEvents();
  private dir = tempDir();

  constructor(private readonly s: Scenario) {
    this.clock = new FakeClock(s.start);
    this.timers = new ManualTimers(this.clock);
    this.zone = ZONES[s.zone]!;
  }

  async init(): Promise<void> {
    this.vault = new Vault({
      dataDir: this.dir,
      keyProvider: createFileKeyProvider(keyFileFor(this.dir)),
      clock: this.clock,
      codec: vaultDocumentCodec,
      kdfCost: TEST_KDF,
    });
    await this.vault.open();
    await this.vault.create({ mode: 'keychain' });
    await this.vault.update((doc) =>
      ok({
        doc: {
          ...doc,
          reminders: { ...doc.reminders, settings: { ...doc.reminders.settings, quietHours: this.s.quiet } },
        },
        value: 0,
      }),
    );
  }

  private emit: EventSink = (event, payload) => {
    if (event !== 'reminders:notification') return;
    const { notification, clicked } = payload as { notification: InAppNotification; clicked: boolean };
    if (clicked) return;
    // Emitted after the save: the vault already says these are fired, with the revision delivered.
    const items = this.vault.read().reminders.items;
    const occurrences = notification.reminderIds.map((id) => {
      const r = items.find((x) => x.id === id)!;
      expect(r.firedAt).toBe(this.clock.now());
      return { id, revision: r.revision, dueAt: effectiveDueAt(r) };
    });
    this.log.push({ at: this.clock.now(), kind: occurrences.length > 1 ? 'summary' : 'single', occurrences });
  };

  now = () => this.clock.now();
  settings = (): ReminderSettings => this.vault.read().reminders.settings;
  items = (): readonly Reminder[] => this.vault.read().reminders.items;
  deliveries = () => this.log;

  private get service(): RemindersService {
    if (!this.svc) throw new Error('not running');
    return this.svc;
  }

  async start() {
    this.svc = createRemindersService({
      store: this.vault,
      clock: this.clock,
      emit: this.emit,
      notifier: this.notifier,
      powerEvents: this.power,
      zone: this.zone,
      timers: this.timers,
    });
    await this.svc.start?.();
  }
  async stop() {
    await this.svc?.close?.();
    this.svc = null;
    expect(this.timers.pending).toBeNull();
  }
  passOffline(ms: number) {
    this.clock.advance(ms);
  }
  async runFor(ms: number) {
    const end = this.clock.now() + ms;
    for (;;) {
      const t = this.timers.pending;
      if (!t || t.at > end) break;
      this.clock.t = Math.max(this.clock.t, t.at);
      this.timers.pending = null;
      t.fn();
      await this.service.idle();
    }
    this.clock.t = end;
    await this.service.check();
  }
  async jump(ms: number) {
    this.clock.t = Math.max(0, this.clock.t + ms);
    await this.service.check();
  }
  async resume() {
    await this.start();
    this.power.resume();
    await this.service.check();
  }
  async snooze(id: string, choice: SnoozeChoice) {
    await this.service.handlers['reminders:snooze']({ id, choice });
  }
  async dismiss(id: string) {
    await this.service.handlers['reminders:dismiss']({ id });
  }
  private async command(c: PlanCommand): Promise<boolean> {
    const at = new Date(this.clock.now()).toISOString();
    const r = await this.vault.update((doc) => {
      const applied = apply(doc, c, at);
      return applied.ok ? ok({ doc: applied.value.doc, value: true }) : applied;
    });
    return r.ok;
  }
  async submit(planId: string, submittedAt: number, days: number) {
    const doc = this.vault.read();
    const iso = new Date(Math.min(submittedAt, this.clock.now())).toISOString();
    const plan = doc.plans.find((p) => p.id === planId);
    let applied: boolean;
    if (plan?.phase === 'submitted') {
      applied = await this.command({ type: 'plan.set-cooling-off', planId, days, submittedAt: iso });
    } else {
      if (!plan) {
        await this.command({ type: 'plan.create', planId, address: `${planId}@163.com` } as PlanCommand);
        for (const c of readyCommands(planId)) await this.command(c);
      }
      applied =
        (await this.command({ type: 'plan.set-cooling-off', planId, days } as PlanCommand)) &&
        (await this.command({
          type: 'plan.submit',
          planId,
          submittedAt: iso,
          override: { reason: 'test' },
        } as PlanCommand));
    }
    await this.service.check();
    return applied;
  }
  async withdraw(planId: string) {
    await this.command({ type: 'plan.withdraw', planId } as PlanCommand);
    await this.service.check();
  }
  async addUser(at: number) {
    if (at <= this.clock.now()) return;
    await this.service.handlers['reminders:add']({ planId: null, item: null, title: 'user', note: null, at });
  }
  async setCadence(every: number) {
    await this.service.handlers['reminders:set-check-in']({ everyDays: every });
  }
}

describe('reminders service under random scenarios (real vault, manual timers)', () => {
  it('50 scenarios: 0 missed, 0 duplicates, catch-up at start, never a timer over 5 minutes', async () => {
    let delivered = 0;
    let maxDelay = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb(10, 2 * 3_600_000), async (s) => {
        const d = new ServiceDriver(s);
        await d.init();
        const oracle = await play(s, d, 'close');
        await d.stop();
        delivered += oracle.deliveredCount();
        maxDelay = d.timers.delays.reduce((m, x) => Math.max(m, x), maxDelay);
      }),
      { numRuns: 50 },
    );
    expect(delivered).toBeGreaterThan(50);
    expect(maxDelay).toBeLessThanOrEqual(FIVE_MINUTES);
  }, 300_000);

  it('carries a 40-day cooling-off to its end on short timers only', async () => {
    const s: Scenario = {
      start: Date.parse('2026-03-02T01:00:00.000Z'),
      zone: 0,
      quiet: { enabled: true, start: 22 * 60, end: 8 * 60 },
      actions: [],
    };
    const d = new ServiceDriver(s);
    await d.init();
    await d.start();
    expect(await d.submit('p1', d.now(), 40)).toBe(true);
    await d.runFor(42 * DAY);
    const kinds = d.deliveries().flatMap((x) => x.occurrences.map((o) => o.id.split(':')[2]));
    expect(kinds).toEqual(
      expect.arrayContaining([
        'cooling-off.start',
        'cooling-off.check-in',
        'cooling-off.end-minus-3',
        'cooling-off.end-minus-1',
        'cooling-off.end',
        'cooling-off.bounce-check',
      ]),
    );
    expect(d.items().filter((r) => r.firedAt === null && r.cancelledAt === null)).toEqual([]);
    // Each on time: the morning reminders at 09:00 China time, to the tick of the scheduler.
    for (const x of d.deliveries())
      for (const o of x.occurrences) expect(x.at - o.dueAt).toBeLessThan(30_000);
    expect(d.timers.delays.reduce((m, x) => Math.max(m, x), 0)).toBeLessThanOrEqual(30_000);
    expect(d.timers.delays.length).toBeGreaterThan(40 * 2_000);
    await d.stop();
  }, 300_000);
});
