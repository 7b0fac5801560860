/**
 * Every change to the vault document, as a typed command, and the one pure function that applies
 * it: `applyDocumentCommand(doc, command, now)` returns the next document and the command's answer,
 * or a typed error; it never throws and never touches the disk. The writer
 * (`electron/main/vault/document-writer.ts`) runs it inside the vault's one queue, so the change is
 * on disk before the answer returns.
 *
 * History: plan commands record their entry through the plan reducer (`common/model/reducer.ts`);
 * an import brings the imported plans' own history (renumbered after ours, `common/transfer/merge.ts`).
 * Reminder operations and kept codes are not plan changes and the history holds plan commands only,
 * so they record none (a plan's timeline shows what was done to the plan).
 */
import type { PlanCommand } from '../../common/model/commands';
import type { VaultDocument } from '../../common/model/document';
import type { DomainEvent } from '../../common/model/events';
import { rememberFolder, type KnownFolderPurpose } from '../../common/model/known-folders';
import type { KeptCodeServer } from '../../common/model/mail-codes';
import type { Plan } from '../../common/model/plan';
import { apply } from '../../common/model/reducer';
import type {
  ItemRef,
  QuietHours,
  Reminder,
  ReminderSettings,
  RemindersState,
} from '../../common/model/reminders';
import { AppFailure, err, ok, type Result } from '../../common/result';
import {
  dismissed,
  markFired,
  newReminder,
  planCheck,
  snoozeTime,
  snoozed,
  type CheckPlan,
  type SnoozeChoice,
  type TimeZone,
} from '../../common/schedule';
import { mergeImport, type ImportMode } from '../../common/transfer/merge';
import { reconcileReminders, withReminders } from '../reminders/reconcile';

/** The reminder operations read local days and times in this zone. */
interface InZone {
  zone: TimeZone;
}

export type DocumentCommand =
  /** A plan command, through the plan reducer (records history). */
  | { type: 'plan'; command: PlanCommand }
  /** The scheduler's check: reconcile the reminders with the plans and record what fires now. */
  | ({ type: 'reminders.check' } & InZone)
  | ({
      type: 'reminders.add';
      id: string;
      planId: string | null;
      item: ItemRef | null;
      title: string;
      note: string | null;
      /** Due time, ms since the epoch; must be after `now`. */
      at: number;
    } & InZone)
  | ({ type: 'reminders.snooze'; id: string; choice: SnoozeChoice } & InZone)
  | ({ type: 'reminders.dismiss'; id: string } & InZone)
  | ({ type: 'reminders.set-quiet-hours'; quietHours: QuietHours } & InZone)
  | ({ type: 'reminders.set-check-in'; everyDays: number } & InZone)
  /** An opened, migrated export merged into (or replacing) the document. */
  | { type: 'import'; incoming: VaultDocument; mode: ImportMode }
  /** Keep a mail authorization code, bound to its server (already normalized by `bindingOf`). */
  | { type: 'code.save'; address: string; authCode: string; server: KeptCodeServer }
  | { type: 'code.forget'; address: string }
  /** Record a folder main accepted for a plan (known-folders.ts); main only, never from the page. */
  | { type: 'folder.remember'; planId: string; purpose: KnownFolderPurpose; path: string };

export type DocumentCommandType = DocumentCommand['type'];
export type DocumentCommandOf<K extends DocumentCommandType> = Extract<DocumentCommand, { type: K }>;

/** What each command answers besides the new document. */
export interface DocumentCommandValues {
  plan: { events: DomainEvent[]; plan: Plan | null };
  'reminders.check': CheckPlan;
  'reminders.add': Reminder;
  'reminders.snooze': Reminder;
  'reminders.dismiss': Reminder;
  'reminders.set-quiet-hours': ReminderSettings;
  'reminders.set-check-in': ReminderSettings;
  import: { added: number; updated: number; kept: number; conflicts: number };
  'code.save': void;
  /** Whether a kept code was removed. */
  'code.forget': boolean;
  'folder.remember': void;
}

export type DocumentCommandValue<C extends DocumentCommand> = DocumentCommandValues[C['type']];
export type DocumentApplied<C extends DocumentCommand> = {
  doc: VaultDocument;
  value: DocumentCommandValue<C>;
};

type Handler<K extends DocumentCommandType> = (
  doc: VaultDocument,
  command: DocumentCommandOf<K>,
  now: number,
) => Result<{ doc: VaultDocument; value: DocumentCommandValues[K] }>;

/**
 * The reminders as they are after reconciling with the plans: a plan change is saved before the
 * check that saves its reminders, and every reminder operation starts from the reconciled list.
 */
export function reconciledReminders(doc: VaultDocument, now: number, zone: TimeZone): RemindersState {
  const items = reconcileReminders(doc, now, zone);
  return items === doc.reminders.items ? doc.reminders : { ...doc.reminders, items: [...items] };
}

/** One change to the reminders section, starting from the reconciled reminders. */
function onReminders<T>(
  doc: VaultDocument,
  now: number,
  zone: TimeZone,
  fn: (s: RemindersState) => Result<{ state: RemindersState; value: T }>,
): Result<{ doc: VaultDocument; value: T }> {
  const m = fn(reconciledReminders(doc, now, zone));
  if (!m.ok) return m;
  return ok({ doc: { ...doc, reminders: m.value.state }, value: m.value.value });
}

function withReminder(
  s: RemindersState,
  id: string,
  fn: (r: Reminder) => Result<Reminder>,
): Result<{ state: RemindersState; value: Reminder }> {
  const found = s.items.find((x) => x.id === id);
  if (!found) return err('reminders.not-found', 'No such reminder');
  const next = fn(found);
  if (!next.ok) return next;
  const r = next.value;
  return ok({ state: { ...s, items: s.items.map((x) => (x.id === r.id ? r : x)) }, value: r });
}

const codeKey = (address: string) => address.toLowerCase();

const handlers: { [K in DocumentCommandType]: Handler<K> } = {
  plan: (doc, { command }, now) => {
    const applied = apply(doc, command, new Date(now).toISOString());
    if (!applied.ok) return applied;
    const plan = applied.value.doc.plans.find((p) => p.id === command.planId) ?? null;
    return ok({ doc: applied.value.doc, value: { events: applied.value.events, plan } });
  },

  'reminders.check': (doc, { zone }, now) => {
    const reconciled = reconcileReminders(doc, now, zone);
    const plan = planCheck(reconciled, doc.reminders.settings, now, zone);
    const items =
      plan.delivery === 'none'
        ? reconciled
        : markFired(reconciled, new Set(plan.fire.map((r) => r.id)), now, plan.delivery);
    return ok({ doc: withReminders(doc, items), value: plan });
  },

  'reminders.add': (doc, c, now) => {
    if (c.at <= now) return err('reminders.time-in-past', 'The reminder time has passed');
    if (c.planId !== null && !doc.plans.some((p) => p.id === c.planId)) {
      return err('reminders.plan-not-found', 'No such plan');
    }
    const r = newReminder(
      {
        id: c.id,
        kind: 'user',
        planId: c.planId,
        item: c.item,
        params: {},
        dueAt: c.at,
        title: c.title,
        note: c.note,
      },
      now,
    );
    return onReminders(doc, now, c.zone, (s) => ok({ state: { ...s, items: [...s.items, r] }, value: r }));
  },

  'reminders.snooze': (doc, c, now) =>
    onReminders(doc, now, c.zone, (s) =>
      withReminder(s, c.id, (r) => {
        if (r.dismissedAt !== null || r.cancelledAt !== null) {
          return err('reminders.already-done', 'The reminder is already done');
        }
        const until = snoozeTime(c.choice, now, s.settings, c.zone);
        if (until === null) return err('reminders.time-in-past', 'The snooze time has passed');
        return ok(snoozed(r, until));
      }),
    ),

  'reminders.dismiss': (doc, c, now) =>
    onReminders(doc, now, c.zone, (s) => withReminder(s, c.id, (r) => ok(dismissed(r, now)))),

  'reminders.set-quiet-hours': (doc, c, now) =>
    onReminders(doc, now, c.zone, (s) => {
      const settings = { ...s.settings, quietHours: c.quietHours };
      return ok({ state: { ...s, settings }, value: settings });
    }),

  'reminders.set-check-in': (doc, c, now) =>
    onReminders(doc, now, c.zone, (s) => {
      const settings = { ...s.settings, checkInEveryDays: c.everyDays };
      return ok({ state: { ...s, settings }, value: settings });
    }),

  import: (doc, { incoming, mode }) => {
    const merged = mergeImport(doc, incoming, mode);
    if (!merged.ok) {
      return err('transfer.conflict', 'The imported plans conflict with this vault', {
        problems: merged.problems.slice(0, 3).join('; '),
      });
    }
    const { doc: next, ...counts } = merged.outcome;
    return ok({ doc: next, value: counts });
  },

  'code.save': (doc, c, now) => {
    const address = codeKey(c.address);
    const mailCodes = [
      ...doc.mailCodes.filter((k) => k.address !== address),
      { address, authCode: c.authCode, savedAt: new Date(now).toISOString(), server: c.server },
    ];
    return ok({ doc: { ...doc, mailCodes }, value: undefined });
  },

  'code.forget': (doc, c) => {
    const address = codeKey(c.address);
    if (!doc.mailCodes.some((k) => k.address === address)) return ok({ doc, value: false });
    return ok({
      doc: { ...doc, mailCodes: doc.mailCodes.filter((k) => k.address !== address) },
      value: true,
    });
  },

  'folder.remember': (doc, c, now) => {
    if (!doc.plans.some((p) => p.id === c.planId)) return err('plan.not-found', `No plan ${c.planId}`);
    const folders = rememberFolder(doc.folders, {
      planId: c.planId,
      purpose: c.purpose,
      path: c.path,
      recordedAt: new Date(now).toISOString(),
    });
    return ok({ doc: { ...doc, folders }, value: undefined });
  },
};

/**
 * Applies one document command at `now` (ms since the epoch). Pure: the same document, command
 * and time give the same answer. A failure is an `err` with the code the screens translate; an
 * unexpected exception in a handler becomes `ipc.internal` rather than escaping.
 */
export function applyDocumentCommand<C extends DocumentCommand>(
  doc: VaultDocument,
  command: C,
  now: number,
): Result<DocumentApplied<C>> {
  // Each handler is typed by its command; looked up by a command's own type it gets that command.
  const handler = handlers[command.type] as
    ((doc: VaultDocument, command: C, now: number) => Result<DocumentApplied<C>>) | undefined;
  if (!handler) return err('ipc.internal', 'Unknown document command');
  if (!Number.isFinite(now)) return err('ipc.internal', 'The time of a document command is not a number');
  try {
    return handler(doc, command, now);
  } catch (e) {
    if (e instanceof AppFailure) return err(e.code, e.message, e.params);
    return err('ipc.internal', 'A document command failed');
  }
}
