import { GUIDE, type Sourced, type Text } from './types';

export const ASSET_KIND_IDS = [
  'cash-balance',
  'points',
  'coupon',
  'membership',
  'game-currency',
  'other',
] as const;
export type AssetKindId = (typeof ASSET_KIND_IDS)[number];

export interface AssetKind extends Sourced {
  id: AssetKindId;
  name: Text;
  /** How an amount of this kind is usually written: money (minor units + currency) or a count of units. */
  measure: 'money' | 'units';
  defaultUnit?: Text;
}

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });
const src = { source: `${GUIDE} §注意事项3`, confidence: 'medium' } as const;

export const assetKinds: readonly AssetKind[] = [
  { id: 'cash-balance', name: t('现金余额', 'Cash balance'), measure: 'money', ...src },
  { id: 'points', name: t('积分', 'Points'), measure: 'units', defaultUnit: t('积分', 'points'), ...src },
  { id: 'coupon', name: t('代金券 / 优惠券', 'Coupon'), measure: 'money', ...src },
  {
    id: 'membership',
    name: t('会员权益', 'Membership'),
    measure: 'units',
    defaultUnit: t('天', 'days'),
    ...src,
  },
  {
    id: 'game-currency',
    name: t('游戏点券 / 道具', 'Game coins or items'),
    measure: 'units',
    defaultUnit: t('点', 'points'),
    ...src,
  },
  { id: 'other', name: t('其他', 'Other'), measure: 'units', ...src },
];
