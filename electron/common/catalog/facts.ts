import { FACTS, GUIDE, type Sourced, type Text } from './types';

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

export interface CoolingOffFact extends Sourced {
  defaultDays: number;
  /** Shown beside the figure wherever it appears: the user should check NetEase's own number. */
  label: Text;
  detail: Text;
}

export const coolingOff: CoolingOffFact = {
  defaultDays: 15,
  label: t('请以网易页面显示的天数为准', 'Check the figure NetEase shows you'),
  detail: t(
    '提交后可能有一段冷静期（保护期），其间登录会撤销申请。15 天来自一个二手来源，也有 24 小时、7–15 或 7–30 个工作日的说法。',
    'After submitting there may be a cooling-off (protection) period in which logging in withdraws the request. 15 days comes from one secondary source; others say 24 hours, 7-15 or 7-30 working days.',
  ),
  source: `${FACTS} low`,
  confidence: 'low',
};

export interface NamedFact extends Sourced {
  id: string;
  text: Text;
}

export const afterClosure: readonly NamedFact[] = [
  {
    id: 'phone-can-register-again',
    text: t(
      '绑定的手机号被释放，之后可以再注册新账号。',
      'The bound phone number is released and can register a new account later.',
    ),
    source: `${GUIDE} §FAQ Q2`,
    confidence: 'medium',
  },
  {
    id: 'address-may-be-recycled',
    text: t(
      '几个月到一年后，这个地址可能被别人注册。',
      'After some months to a year, someone else may register the address.',
    ),
    source: `${GUIDE} §注销后的影响`,
    confidence: 'low',
  },
  {
    id: 'check-bounce',
    text: t(
      '冷静期结束后，从别的邮箱给这个地址发一封信，确认会被退回。',
      'After the cooling-off period, send a message to the address from another mailbox and check that it bounces.',
    ),
    source: `${FACTS} ordering`,
    confidence: 'medium',
  },
];

export const mailAccess: readonly NamedFact[] = [
  {
    id: 'auth-code',
    text: t(
      '邮件客户端用客户端授权码登录，不是网页密码；在网页邮箱的 POP3/SMTP/IMAP 设置页生成，需要绑定手机。',
      'Mail clients sign in with a client authorization code, not the web password; create it on the POP3/SMTP/IMAP settings page of web mail. It needs a bound phone.',
    ),
    source: `${FACTS} high`,
    confidence: 'high',
  },
  {
    id: 'imap-id',
    text: t(
      '登录后、选择文件夹前必须发送 IMAP ID 命令，否则服务器回答 "Unsafe Login"。',
      'After login and before selecting a folder the client must send the IMAP ID command, or the server answers "Unsafe Login".',
    ),
    source: `${FACTS} high`,
    confidence: 'high',
  },
  {
    id: 'client-login-during-cooling-off',
    text: t(
      '冷静期里邮件客户端的自动登录是否算登录不清楚，所以提交前从所有客户端移除账号。',
      'Whether a mail client signing in automatically during the cooling-off period counts as a login is unknown, so remove the account from every client before submitting.',
    ),
    source: `${FACTS} low`,
    confidence: 'low',
  },
];
