import type { Plan } from '@common/model/plan';

/** What is left, for the dashboard's totals. Money per currency in minor units; other amounts per unit. */
export interface PlanTotals {
  servicesLeft: number;
  servicesTotal: number;
  moneyLeft: { currency: string; minor: number }[];
  unitsLeft: { unit: string; amount: number }[];
  assetsOpen: number;
  sitesPending: number;
  sitesTotal: number;
  contactsPending: number;
  backupsDone: number;
  backupsTotal: number;
}

export function planTotals(plan: Plan): PlanTotals {
  const money = new Map<string, number>();
  const units = new Map<string, number>();
  let assetsOpen = 0;
  for (const a of plan.assets) {
    if (a.status !== 'open') continue;
    assetsOpen++;
    if (a.amount.measure === 'money')
      money.set(a.amount.currency, (money.get(a.amount.currency) ?? 0) + a.amount.minor);
    else units.set(a.amount.unit, (units.get(a.amount.unit) ?? 0) + a.amount.amount);
  }
  const backups = Object.values(plan.backups);
  return {
    servicesLeft: plan.services.filter((s) => s.status === 'in-use' || s.status === 'unchecked').length,
    servicesTotal: plan.services.length,
    moneyLeft: [...money]
      .map(([currency, minor]) => ({ currency, minor }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    unitsLeft: [...units]
      .map(([unit, amount]) => ({ unit, amount }))
      .sort((a, b) => a.unit.localeCompare(b.unit)),
    assetsOpen,
    sitesPending: plan.sites.filter((s) => s.status === 'todo').length,
    sitesTotal: plan.sites.length,
    contactsPending: plan.contacts.filter((c) => c.status === 'todo').length,
    backupsDone: backups.filter((b) => b.status === 'done' || b.status === 'not-needed').length,
    backupsTotal: backups.length,
  };
}
