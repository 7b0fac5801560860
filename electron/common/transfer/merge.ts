/**
 * What importing an export does to the current document: a preview first, then the same function
 * applies it. Pure, so the preview the user approves is exactly what is written.
 *
 * Merge: a plan not here is added; a plan with the same id is updated only when the imported copy
 * was changed later, otherwise kept; a different plan for an address already here is a conflict
 * and is left alone (the user can choose replace). A plan's history and reminders travel with it;
 * this machine's reminder settings stay.
 * Replace: the document becomes the imported one.
 * Either way, saved mail authorization codes never travel: an export leaves them out, and an import
 * keeps this machine's.
 */
import type { Plan, VaultDocument } from '../model';
import { checkInvariants } from '../model';

export type ImportMode = 'merge' | 'replace';
export type PlanImportAction = 'add' | 'update' | 'keep' | 'conflict';

export interface PlanImportPreview {
  id: string;
  address: string;
  phase: Plan['phase'];
  updatedAt: string;
  historyEntries: number;
  action: PlanImportAction;
}

export interface ImportPreview {
  plans: PlanImportPreview[];
  /** Plans here that replace would remove (those not in the file). */
  replaceRemoves: { id: string; address: string }[];
}

export function previewImport(current: VaultDocument, incoming: VaultDocument): ImportPreview {
  const byId = new Map(current.plans.map((p) => [p.id, p]));
  const byAddress = new Map(current.plans.map((p) => [p.address.toLowerCase(), p]));
  const plans = incoming.plans.map((p): PlanImportPreview => {
    const same = byId.get(p.id);
    const other = byAddress.get(p.address.toLowerCase());
    let action: PlanImportAction;
    if (same) action = Date.parse(p.updatedAt) > Date.parse(same.updatedAt) ? 'update' : 'keep';
    else action = other ? 'conflict' : 'add';
    return {
      id: p.id,
      address: p.address,
      phase: p.phase,
      updatedAt: p.updatedAt,
      historyEntries: incoming.history.filter((h) => h.planId === p.id).length,
      action,
    };
  });
  const incomingIds = new Set(incoming.plans.map((p) => p.id));
  return {
    plans,
    replaceRemoves: current.plans
      .filter((p) => !incomingIds.has(p.id))
      .map((p) => ({ id: p.id, address: p.address })),
  };
}

export interface MergeOutcome {
  doc: VaultDocument;
  added: number;
  updated: number;
  kept: number;
  conflicts: number;
}

/** Returns the merged document, or the invariant problems that stop the import (nothing is written then). */
export function mergeImport(
  current: VaultDocument,
  incoming: VaultDocument,
  mode: ImportMode,
): { ok: true; outcome: MergeOutcome } | { ok: false; problems: string[] } {
  const preview = previewImport(current, incoming);
  let doc: VaultDocument;
  const count = (a: PlanImportAction) => preview.plans.filter((p) => p.action === a).length;
  if (mode === 'replace') {
    // This vault's own: kept codes, and the folders main recorded (an import never vouches for a path).
    doc = { ...incoming, mailCodes: current.mailCodes, folders: current.folders };
  } else {
    const take = new Set(
      preview.plans.filter((p) => p.action === 'add' || p.action === 'update').map((p) => p.id),
    );
    const incomingPlans = new Map(incoming.plans.map((p) => [p.id, p]));
    const plans = current.plans.map((p) => (take.has(p.id) ? incomingPlans.get(p.id)! : p));
    for (const p of incoming.plans)
      if (take.has(p.id) && !current.plans.some((c) => c.id === p.id)) plans.push(p);

    // History keeps one increasing sequence across the document: imported entries are renumbered after ours.
    let seq = current.history.reduce((m, h) => Math.max(m, h.seq), 0);
    const history = [
      ...current.history.filter((h) => !take.has(h.planId)),
      ...incoming.history.filter((h) => take.has(h.planId)).map((h) => ({ ...h, seq: ++seq })),
    ];
    const taken = (planId: string | null) => planId !== null && take.has(planId);
    const reminders = {
      ...current.reminders,
      items: [
        ...current.reminders.items.filter((r) => !taken(r.planId)),
        ...incoming.reminders.items.filter((r) => taken(r.planId)),
      ],
    };
    doc = { ...current, plans, history, reminders };
  }
  const problems = checkInvariants(doc);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    outcome: {
      doc,
      added: count('add'),
      updated: count('update'),
      kept: count('keep'),
      conflicts: mode === 'merge' ? count('conflict') : 0,
    },
  };
}

/**
 * What an export carries: the whole document, or one plan with its history and reminders, never
 * the saved mail authorization codes (they stay in this vault, whatever the export's passphrase) nor
 * the folders main recorded (a path is this machine's).
 */
export function exportContent(doc: VaultDocument, planId?: string): VaultDocument | null {
  const portable: VaultDocument = { ...doc, mailCodes: [], folders: [] };
  if (planId === undefined) return portable;
  const plan = doc.plans.find((p) => p.id === planId);
  if (!plan) return null;
  const { legacy: _legacy, ...rest } = portable;
  return {
    ...rest,
    plans: [plan],
    history: doc.history.filter((h) => h.planId === planId),
    reminders: { ...doc.reminders, items: doc.reminders.items.filter((r) => r.planId === planId) },
  };
}
