import { assetKinds, type AssetKindId } from '@common/catalog/asset-kinds';
import type { Asset, AssetStatus } from '@common/model/plan';
import { DEFAULT_CURRENCY, type Amount } from '@common/model/primitives';
import { textIn } from '../../i18n/catalog-text';
import { currencyDigits } from '../../i18n/format';
import { minorToInput, parseCount, parseMinor } from './amount-input';

/** Currencies offered in the table; NetEase balances are CNY, the others cover Hong Kong, Taiwan and overseas stores. */
export const CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'JPY', 'GBP'] as const;

/** What the user is typing in one row of the assets table, before it is a valid asset. */
export interface AssetDraft {
  id: string;
  serviceId: string | null;
  kind: AssetKindId;
  label: string;
  amountText: string;
  /** Currency code for money kinds, unit label for the others. */
  unit: string;
  status: AssetStatus;
  note: string;
}

export type DraftProblem = 'label' | 'amount' | 'unit';

export function measureOf(kind: AssetKindId): 'money' | 'units' {
  return assetKinds.find((k) => k.id === kind)?.measure ?? 'units';
}

export function defaultUnit(kind: AssetKindId, locale: string): string {
  const k = assetKinds.find((x) => x.id === kind);
  if (k?.measure === 'money') return DEFAULT_CURRENCY;
  return k?.defaultUnit ? textIn(locale, k.defaultUnit) : '';
}

export function draftFromAsset(a: Asset): AssetDraft {
  return {
    id: a.id,
    serviceId: a.serviceId,
    kind: a.kind,
    label: a.label,
    amountText:
      a.amount.measure === 'money'
        ? minorToInput(a.amount.minor, currencyDigits(a.amount.currency))
        : String(a.amount.amount),
    unit: a.amount.measure === 'money' ? a.amount.currency : a.amount.unit,
    status: a.status,
    note: a.note,
  };
}

export function emptyDraft(id: string, serviceId: string | null, locale: string): AssetDraft {
  const kind: AssetKindId = 'cash-balance';
  return {
    id,
    serviceId,
    kind,
    label: '',
    amountText: '',
    unit: defaultUnit(kind, locale),
    status: 'open',
    note: '',
  };
}

/** A draft whose kind changed: money and unit kinds need a different unit field. */
export function withKind(d: AssetDraft, kind: AssetKindId, locale: string): AssetDraft {
  const sameMeasure = measureOf(kind) === measureOf(d.kind);
  return { ...d, kind, unit: sameMeasure && d.unit ? d.unit : defaultUnit(kind, locale) };
}

export function draftAmount(d: AssetDraft): Amount | null {
  if (measureOf(d.kind) === 'money') {
    const currency = d.unit.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) return null;
    const minor = parseMinor(d.amountText, currencyDigits(currency));
    return minor === null ? null : { measure: 'money', minor, currency };
  }
  const amount = parseCount(d.amountText);
  const unit = d.unit.trim();
  return amount === null || !unit ? null : { measure: 'units', amount, unit };
}

export function draftProblems(d: AssetDraft): DraftProblem[] {
  const out: DraftProblem[] = [];
  if (!d.label.trim()) out.push('label');
  if (measureOf(d.kind) === 'units' && !d.unit.trim()) out.push('unit');
  else if (draftAmount(d) === null) out.push('amount');
  return out;
}

/** The `asset.upsert` payload, or null while the draft is not valid. */
export function draftToAsset(d: AssetDraft) {
  const amount = draftAmount(d);
  if (!amount || !d.label.trim()) return null;
  return {
    id: d.id,
    serviceId: d.serviceId,
    kind: d.kind,
    label: d.label.trim(),
    amount,
    status: d.status,
    note: d.note,
  };
}

export interface Totals {
  money: { currency: string; minor: number }[];
  units: { unit: string; amount: number }[];
  openCount: number;
}

/** What is still open, per currency and per unit (never summed across currencies). */
export function openTotals(assets: readonly Asset[]): Totals {
  const money = new Map<string, number>();
  const unitsMap = new Map<string, number>();
  let openCount = 0;
  for (const a of assets) {
    if (a.status !== 'open') continue;
    openCount++;
    if (a.amount.measure === 'money')
      money.set(a.amount.currency, (money.get(a.amount.currency) ?? 0) + a.amount.minor);
    else unitsMap.set(a.amount.unit, (unitsMap.get(a.amount.unit) ?? 0) + a.amount.amount);
  }
  return {
    money: [...money]
      .map(([currency, minor]) => ({ currency, minor }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    units: [...unitsMap]
      .map(([unit, amount]) => ({ unit, amount }))
      .sort((a, b) => a.unit.localeCompare(b.unit)),
    openCount,
  };
}
