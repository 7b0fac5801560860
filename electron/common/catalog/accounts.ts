import { FACTS, type Sourced, type Text } from './types';

export const ACCOUNT_DOMAINS = ['163.com', '126.com', 'yeah.net'] as const;
export type AccountDomain = (typeof ACCOUNT_DOMAINS)[number];

export interface AccountKind extends Sourced {
  domain: AccountDomain;
  name: Text;
  imap: { host: string; tlsPort: number; plainPort: number } & Sourced;
}

export const accountKinds: readonly AccountKind[] = [
  {
    domain: '163.com',
    name: { 'zh-CN': '163 邮箱', en: '163 Mail' },
    source: `${FACTS} high`,
    confidence: 'high',
    imap: { host: 'imap.163.com', tlsPort: 993, plainPort: 143, source: `${FACTS} high`, confidence: 'high' },
  },
  {
    domain: '126.com',
    name: { 'zh-CN': '126 邮箱', en: '126 Mail' },
    source: `${FACTS} high`,
    confidence: 'high',
    imap: { host: 'imap.126.com', tlsPort: 993, plainPort: 143, source: `${FACTS} high`, confidence: 'high' },
  },
  {
    domain: 'yeah.net',
    name: { 'zh-CN': 'yeah.net 邮箱', en: 'yeah.net Mail' },
    source: `${FACTS} high`,
    confidence: 'high',
    imap: {
      host: 'imap.yeah.net',
      tlsPort: 993,
      plainPort: 143,
      source: `${FACTS} high (yeah.net: medium)`,
      confidence: 'medium',
    },
  },
];

/** The account kind of an address, or null when it is not a NetEase mail address we support. */
export function accountKindOf(address: string): AccountKind | null {
  const at = address.lastIndexOf('@');
  if (at < 1) return null;
  const domain = address.slice(at + 1).toLowerCase();
  return accountKinds.find((k) => k.domain === domain) ?? null;
}
