import { FACTS, GUIDE, type Sourced, type Text } from './types';

export const RISK_IDS = [
  'data-unrecoverable',
  'linked-services-lost',
  'assets-zeroed',
  'bindings-removed',
  'address-recycled',
] as const;
export type RiskId = (typeof RISK_IDS)[number];

export interface Risk extends Sourced {
  id: RiskId;
  title: Text;
  detail: Text;
}

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

/** Acknowledged one by one: the user confirms each separately, never with one "accept all". */
export const risks: readonly Risk[] = [
  {
    id: 'data-unrecoverable',
    title: t('数据无法恢复', 'Your data cannot be recovered'),
    detail: t(
      '邮件、联系人、网盘文件和登录记录都会被删除，客服也无法找回。',
      'Mail, contacts, netdisk files and login records are deleted; customer service cannot bring them back.',
    ),
    source: `${GUIDE} §步骤三；§注销后的影响`,
    confidence: 'medium',
  },
  {
    id: 'linked-services-lost',
    title: t('关联服务一起失效', 'Linked services go with it'),
    detail: t(
      '用这个通行证登录的网易游戏、云音乐、严选等都将无法再登录，其中的数据和权益一并丢失。',
      'NetEase games, Cloud Music, Yanxuan and everything else you sign in to with this passport stop working, with their data and benefits.',
    ),
    source: `${GUIDE} §步骤三 · ${FACTS} medium`,
    confidence: 'medium',
  },
  {
    id: 'assets-zeroed',
    title: t('虚拟财产清零', 'Virtual assets are zeroed'),
    detail: t(
      '余额、积分、代金券、会员权益和游戏点券都会作废，注销后不能再提取或使用。',
      'Balances, points, coupons, memberships and game currency are voided and cannot be withdrawn or used afterwards.',
    ),
    source: `${GUIDE} §步骤三`,
    confidence: 'medium',
  },
  {
    id: 'bindings-removed',
    title: t('手机和实名绑定被解除', 'Phone and real-name bindings are removed'),
    detail: t(
      '绑定的手机号和实名信息会被解除或删除；依赖它们的其他设置也会失效。',
      'The bound phone number and real-name details are removed; anything else that relied on them stops working.',
    ),
    source: `${GUIDE} §步骤三`,
    confidence: 'medium',
  },
  {
    id: 'address-recycled',
    title: t('地址可能被回收给陌生人', 'The address may be recycled to a stranger'),
    detail: t(
      '几个月到一年后，这个地址可能被重新开放注册。还寄到这个地址的邮件（银行、密码找回）会落到别人手里。',
      'After some months to a year the address may be offered to new users. Mail still sent to it (banks, password resets) would reach someone else.',
    ),
    source: `${GUIDE} §注销后的影响`,
    confidence: 'low',
  },
];
