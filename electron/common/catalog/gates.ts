import { FACTS, GUIDE, type Sourced, type Text } from './types';

export const GATE_IDS = [
  'third-party-unbound',
  'assets-emptied',
  'pay-closed',
  'no-open-orders',
  'account-normal',
  'phone-binding',
  'no-recent-security-change',
] as const;
export type GateId = (typeof GATE_IDS)[number];

export const FAQ_Q3_CAUSE_IDS = [
  'funds',
  'linked-services',
  'open-transactions',
  'account-abnormal',
  'preconditions',
] as const;
export type FaqQ3CauseId = (typeof FAQ_Q3_CAUSE_IDS)[number];

/**
 * The part of a plan (or of the app) where a gate is dealt with. common speaks of these areas;
 * the renderer maps each to its screen (renderer/src/composables/useFixLink.ts).
 */
export type FixTarget =
  | 'dashboard'
  | 'steps'
  | 'services'
  | 'assets'
  | 'sites'
  | 'backups'
  | 'alternatives'
  | 'history'
  | 'reminders'
  | 'settings';

export interface Gate extends Sourced {
  id: GateId;
  title: Text;
  detail: Text;
  /** Required gates block submission unless the user overrides and gives a reason. */
  required: boolean;
  q3Cause: FaqQ3CauseId;
  fixTarget: FixTarget;
}

export interface FaqQ3Cause extends Sourced {
  id: FaqQ3CauseId;
  title: Text;
  gates: readonly GateId[];
}

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

/**
 * Days after a password or security change in which closure is said to be refused (low
 * confidence): the one place the figure lives; the texts below and the dashboard's warning take it
 * from here.
 */
export const SECURITY_CHANGE_WINDOW_DAYS = { value: 15, source: `${FACTS} low`, confidence: 'low' } as const;

export const gates: readonly Gate[] = [
  {
    id: 'third-party-unbound',
    title: t('第三方应用和关联服务已解绑', 'Third-party apps and linked services unbound'),
    detail: t(
      '用这个账号登录的应用、游戏角色和实名认证都要先解绑或放弃。',
      'Apps, game characters and real-name verification that use this account must be unbound or given up first.',
    ),
    required: true,
    q3Cause: 'linked-services',
    fixTarget: 'services',
    source: `${GUIDE} §步骤四 · ${FACTS} low`,
    confidence: 'low',
  },
  {
    id: 'assets-emptied',
    title: t('余额、积分和代金券已清空', 'Balances, points and coupons emptied'),
    detail: t(
      '把能提现的提现，能用的用掉，剩下的明确放弃。',
      'Withdraw what can be withdrawn, use what can be used, and consciously give up the rest.',
    ),
    required: true,
    q3Cause: 'funds',
    fixTarget: 'assets',
    source: `${GUIDE} §步骤四 · ${FACTS} low`,
    confidence: 'low',
  },
  {
    id: 'pay-closed',
    title: t('网易支付已关闭，银行卡已解绑', 'NetEase Pay closed and bank cards unbound'),
    detail: t(
      '网易支付（网易宝）里没有余额，也没有绑定的银行卡。',
      'NetEase Pay (网易宝) holds no balance and no bank card is bound to it.',
    ),
    required: true,
    q3Cause: 'funds',
    fixTarget: 'services',
    source: `${GUIDE} §注意事项2 · ${FACTS} low`,
    confidence: 'low',
  },
  {
    id: 'no-open-orders',
    title: t('没有未完成的订单、退款或纠纷', 'No open orders, refunds or disputes'),
    detail: t(
      '严选等平台的订单都已完成，没有进行中的退款或投诉。',
      'Orders on Yanxuan and similar are complete, with no refund or complaint in progress.',
    ),
    required: true,
    q3Cause: 'open-transactions',
    fixTarget: 'services',
    source: `${GUIDE} §FAQ Q3 · ${FACTS} low`,
    confidence: 'low',
  },
  {
    id: 'account-normal',
    title: t('账号状态正常', 'The account is in good standing'),
    detail: t(
      '账号没有被冻结、被盗或封禁，也没有安全风险提示。',
      'The account is not frozen, stolen or banned and shows no security warning.',
    ),
    required: true,
    q3Cause: 'account-abnormal',
    fixTarget: 'dashboard',
    source: `${GUIDE} §FAQ Q3 · ${FACTS} low`,
    confidence: 'low',
  },
  {
    id: 'phone-binding',
    title: t('手机绑定已处理', 'Phone binding dealt with'),
    detail: t(
      '有时需要先解绑手机，有时注销时自动解除。手机还要用来接收注销验证码和生成授权码，所以要在邮件备份完成、需要手机的步骤都做完之后再解绑。',
      'Sometimes the phone must be unbound first, sometimes closure removes it. The phone also receives the closure code and is needed for an authorization code, so unbind it only after the mail backup and every step that needs the phone.',
    ),
    required: false,
    q3Cause: 'preconditions',
    fixTarget: 'steps',
    source: `${GUIDE} §步骤四 · ${FACTS} low`,
    confidence: 'low',
  },
  {
    id: 'no-recent-security-change',
    title: t('近期没有修改密码或安全设置', 'No recent password or security change'),
    detail: t(
      `据说最近约 ${SECURITY_CHANGE_WINDOW_DAYS.value} 天内改过密码或安全设置时不能注销。`,
      `Closure is said to be refused within about ${SECURITY_CHANGE_WINDOW_DAYS.value} days of a password or security change.`,
    ),
    required: false,
    q3Cause: 'preconditions',
    fixTarget: 'dashboard',
    source: `${FACTS} low`,
    confidence: 'low',
  },
];

export const faqQ3Causes: readonly FaqQ3Cause[] = [
  {
    id: 'funds',
    title: t('还有资金或虚拟财产没处理', 'Money or virtual assets left'),
    gates: ['assets-emptied', 'pay-closed'],
    source: `${GUIDE} §FAQ Q3`,
    confidence: 'medium',
  },
  {
    id: 'linked-services',
    title: t('关联服务没有解绑', 'Linked services still bound'),
    gates: ['third-party-unbound'],
    source: `${GUIDE} §FAQ Q3`,
    confidence: 'medium',
  },
  {
    id: 'open-transactions',
    title: t('有未完成的交易或纠纷', 'Open transactions or disputes'),
    gates: ['no-open-orders'],
    source: `${GUIDE} §FAQ Q3`,
    confidence: 'medium',
  },
  {
    id: 'account-abnormal',
    title: t('账号处于异常状态', 'The account is in an abnormal state'),
    gates: ['account-normal'],
    source: `${GUIDE} §FAQ Q3`,
    confidence: 'medium',
  },
  {
    id: 'preconditions',
    title: t('其他前置条件未满足', 'Other preconditions not met'),
    gates: ['phone-binding', 'no-recent-security-change'],
    source: `${GUIDE} §FAQ Q3`,
    confidence: 'low',
  },
];
