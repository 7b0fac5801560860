import type { AccountDomain } from '../catalog/accounts';
import { coolingOff } from '../catalog/facts';
import { GATE_IDS } from '../catalog/gates';
import { BACKUP_KINDS } from '../catalog/preparations';
import { RISK_IDS } from '../catalog/risks';
import { services as catalogServices } from '../catalog/services';
import { STEP_IDS } from '../catalog/steps';
import { TRACKED_PREPARATION_IDS, type Plan } from './plan';

function fill<K extends string, V>(keys: readonly K[], make: () => V): Record<K, V> {
  const out = {} as Record<K, V>;
  for (const k of keys) out[k] = make();
  return out;
}

/**
 * A fresh plan: every catalog fact the user has to go through is there, unchecked, and the
 * catalog's linked services are listed under their catalog ids so the user only marks them.
 */
export function newPlan(
  id: string,
  address: string,
  accountDomain: AccountDomain,
  label: string,
  now: string,
): Plan {
  return {
    id,
    address,
    accountDomain,
    label,
    note: '',
    phase: 'deciding',
    createdAt: now,
    updatedAt: now,
    decision: { alternativeId: null, decidedAt: null, note: '' },
    risks: fill(RISK_IDS, () => ({ acknowledgedAt: null })),
    steps: fill(STEP_IDS, () => ({ status: 'todo' as const, doneAt: null, note: '', updatedAt: null })),
    gates: fill(GATE_IDS, () => ({ status: 'unknown' as const, note: '', updatedAt: null })),
    preparations: fill(TRACKED_PREPARATION_IDS, () => ({
      status: 'todo' as const,
      note: '',
      updatedAt: null,
    })),
    backups: fill(BACKUP_KINDS, () => ({
      status: 'todo' as const,
      location: '',
      verification: null,
      note: '',
      updatedAt: null,
    })),
    bindings: {
      phone: { state: 'unknown', changedAt: null },
      realName: { state: 'unknown', changedAt: null },
    },
    lastSecurityChangeAt: null,
    services: catalogServices
      .filter((s) => s.defaultInPlan)
      .map((s) => ({
        id: s.id,
        catalogId: s.id,
        name: '',
        status: 'unchecked' as const,
        note: '',
        createdAt: now,
        updatedAt: now,
      })),
    assets: [],
    sites: [],
    contacts: [],
    coolingOff: { days: coolingOff.defaultDays, daysFromUser: false, submittedAt: null, endsAt: null },
    submission: null,
    withdrawnAt: null,
    closedAt: null,
  };
}
