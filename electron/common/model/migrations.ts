import { err, ok, type Result } from '../result';
import { applyToPlans } from './reducer';
import { planCommandSchema } from './commands';
import { DOCUMENT_VERSION, vaultDocumentSchema, type VaultDocument } from './document';
import type { HistoryEntry } from './history-entry';
import type { Plan } from './plan';
import { emptyMailCodes } from './mail-codes';
import { rememberFolder, type KnownFolders } from './known-folders';
import { emptyRemindersState } from './reminders';

type Raw = Record<string, unknown>;

/**
 * v1 (the foundation's placeholder) had `plans` and `history` as lists of anything. A v1 plan
 * that names a supported address becomes a v2 plan created through a recorded `plan.create`
 * command, so the migrated history still replays to the document. Whatever cannot be
 * interpreted is kept under `legacy`, never dropped.
 */
function v1ToV2(doc: Raw): Raw {
  const createdAt =
    typeof doc.createdAt === 'string' && !Number.isNaN(Date.parse(doc.createdAt))
      ? new Date(doc.createdAt).toISOString()
      : new Date(0).toISOString();
  const oldPlans = Array.isArray(doc.plans) ? (doc.plans as unknown[]) : [];
  const oldHistory = Array.isArray(doc.history) ? (doc.history as unknown[]) : [];
  let plans: Plan[] = [];
  const history: HistoryEntry[] = [];
  const leftover: unknown[] = [];
  oldPlans.forEach((p, n) => {
    const o = (p && typeof p === 'object' ? p : {}) as Raw;
    const at =
      typeof o.createdAt === 'string' && !Number.isNaN(Date.parse(o.createdAt))
        ? new Date(o.createdAt).toISOString()
        : createdAt;
    const parsed = planCommandSchema.safeParse({
      type: 'plan.create',
      planId: typeof o.id === 'string' ? o.id : `migrated-${n + 1}`,
      address: o.address,
      ...(typeof o.label === 'string' ? { label: o.label } : {}),
    });
    const r = parsed.success ? applyToPlans(plans, parsed.data, at) : null;
    if (!parsed.success || !r?.ok) {
      leftover.push(p);
      return;
    }
    plans = r.value.plans;
    history.push({
      seq: history.length + 1,
      planId: parsed.data.planId,
      at,
      command: parsed.data,
      events: r.value.events,
    });
  });
  const next: Raw = { createdAt, plans, history };
  if (leftover.length || oldHistory.length) next.legacy = { plans: leftover, history: oldHistory };
  return next;
}

/** MIGRATIONS[n] turns a version-n document into version n+1. (electron-store's `migrations` is documented as buggy.) */
const MIGRATIONS: Record<number, (doc: Raw) => Raw> = {
  1: v1ToV2,
  /** v3 adds reminders (none yet; the service derives cooling-off ones from submitted plans). */
  2: (doc) => ({ ...doc, reminders: emptyRemindersState() }),
  /** v4 adds kept mail authorization codes (none until the user ticks "keep the code"). */
  3: (doc) => ({ ...doc, mailCodes: emptyMailCodes() }),
  4: v4ToV5,
};

/**
 * v5 adds the folders main recorded for a plan. A verified mail backup's folder was written into
 * the plan by main's own verification: it is recorded, so the backup can be run again without
 * choosing the folder anew. Anything else in the plan (a typed note of where a copy is) is not.
 */
function v4ToV5(doc: Raw): Raw {
  let folders: KnownFolders = [];
  for (const p of Array.isArray(doc.plans) ? (doc.plans as Raw[]) : []) {
    const v = ((p.backups as Raw | undefined)?.mail as Raw | undefined)?.verification as Raw | undefined;
    const path = v?.location;
    if (
      !p ||
      typeof p.id !== 'string' ||
      typeof path !== 'string' ||
      (!path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path))
    )
      continue;
    const at = typeof v?.verifiedAt === 'string' ? v.verifiedAt : String(doc.createdAt);
    folders = rememberFolder(folders, { planId: p.id, purpose: 'mail-backup', path, recordedAt: at });
  }
  return { ...doc, folders };
}

export function migrateDocument(raw: unknown): Result<VaultDocument> {
  if (!raw || typeof raw !== 'object') return err('vault.corrupt', 'The vault document is not an object');
  let doc = raw as Raw;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err('vault.corrupt', 'The vault document has no valid schema version');
  }
  if (version > DOCUMENT_VERSION) {
    return err('vault.newer-version', 'The vault was written by a newer version of Closeout');
  }
  for (let v = version; v < DOCUMENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return err('vault.corrupt', `No migration from version ${v}`);
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  const parsed = vaultDocumentSchema.safeParse(doc);
  if (!parsed.success) return err('vault.corrupt', 'The vault document does not match its schema');
  return ok(parsed.data);
}
