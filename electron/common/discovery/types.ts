import type { DiscoveryCategory } from './domain-list';

export const VERDICTS = [
  /** A third-party service that holds an account tied to the address. */
  'account',
  /** A NetEase linked service (catalog) that dies with the passport. */
  'netease-service',
  /** The NetEase passport / mailbox itself: what is being closed, nothing to add. */
  'netease-passport',
  'newsletter',
  'personal',
  'mailing-list',
  'one-off',
  /** Several messages, no sign of an account either way: shown for the user to judge. */
  'unclear',
  /**
   * Looks like phishing or a fake sign-up: it claims a brand it does not send for, comes from a
   * lookalike domain, or only ever sent codes or "registration successful" spam. Shown with a
   * warning; never offered as a site to change the address at.
   */
  'suspicious',
  /** A platform that mails for someone else (e-invoice, courier, form, e-signature): no account there. */
  'on-behalf',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Every reason a verdict can carry, with the parameters its text interpolates. The renderer
 * translates `discovery.reasons.<key>` with `params`; the type makes the classifier supply them.
 */
export const REASON_PARAMS = {
  accountCue: ['cue', 'count'],
  transactions: ['cue', 'count'],
  activity: ['cue', 'count'],
  knownService: ['messages'],
  neteaseService: ['service', 'messages'],
  neteaseOther: ['host'],
  neteasePassport: [],
  mailingList: ['list', 'messages'],
  newsletter: ['count', 'messages'],
  newsletterSignup: ['cue', 'count', 'messages'],
  conversation: ['count'],
  freeMailPerson: ['address'],
  singleReceipt: ['cue'],
  oneOff: [],
  unclear: ['messages'],
  neteaseProduct: ['service', 'messages'],
  knownOrganisation: ['messages'],
  brandMismatch: ['brand', 'domain'],
  lookalike: ['brand', 'domain'],
  throwaway: ['domain', 'cue'],
  fakeRegistration: ['cue'],
  codeOnly: ['count'],
  onBehalf: ['merchant'],
  onBehalfUnnamed: [],
} as const;
export type ReasonKey = keyof typeof REASON_PARAMS;
export const REASON_KEYS = Object.keys(REASON_PARAMS) as ReasonKey[];

export type Reason = {
  [K in ReasonKey]: { key: K; params: Record<(typeof REASON_PARAMS)[K][number], string | number> };
}[ReasonKey];

export interface Evidence {
  messages: number;
  /** Messages whose subject had a sign-up, sign-in or security cue. */
  lifecycle: number;
  transaction: number;
  activity: number;
  marketing: number;
  conversation: number;
  /** Messages with List-Unsubscribe or List-Id. */
  bulk: number;
  /** Messages addressed (To) to the scanned address. */
  toSelf: number;
  /** Messages whose subject carries a one-time code. */
  code: number;
  /** Messages whose subject sells gambling, loans or prizes. */
  spam: number;
}

export interface Finding {
  /** Stable across scans: 'domain:jd.com', 'netease:music', 'address:li@qq.com', 'list:<list-id>'. */
  id: string;
  kind: 'list' | 'address' | 'netease' | 'known' | 'domain';
  /**
   * For NetEase product findings: how sure the mapping from mail to product is (the product
   * table's confidence); null otherwise.
   */
  confidence: 'high' | 'medium' | 'low' | null;
  /** For 'on-behalf' findings: the merchants or people the mail was sent for, most frequent first. */
  onBehalfOf: string[];
  /** Registrable domain, the address (personal) or the list id. */
  domain: string;
  /** The most frequent From display name (or the domain when there is none). */
  name: string;
  /** The curated list's or the catalog's name, when the sender is known. */
  knownName: { 'zh-CN': string; en: string } | null;
  /** Catalog service id for NetEase findings, null otherwise. */
  catalogServiceId: string | null;
  category: DiscoveryCategory;
  verdict: Verdict;
  /** The binary answer measured on the corpus: does this sender hold an account tied to the address? */
  hasAccount: boolean;
  reason: Reason;
  evidence: Evidence;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Up to five subjects, the most telling first. */
  sampleSubjects: string[];
  /** Up to five sending hosts seen. */
  hosts: string[];
  /**
   * For 'suspicious' findings: the brand it pretends to be, when there is one (a brand id of
   * brands.ts), so the warning can say "this is not PayPal".
   */
  imitates: string | null;
  /** What the review screen offers: add as a plan service, as a third-party site, or nothing. */
  suggest: 'service' | 'site' | null;
  /** Higher first in the review list. */
  rank: number;
}
