/**
 * The incremental aggregator both sources feed, one header block at a time. It keeps counters and
 * bounded samples per finding, never the messages, so memory grows with the number of distinct
 * senders and not with the size of the mailbox.
 */
import { brandNamedIn, brandOpening, isBrandDomain, type Brand } from './brands';
import { classify } from './classify';
import { CUE_FAMILIES, cueBit, matchCues, type CueFamily } from './cues';
import { groupOf, registrable, type Group } from './grouping';
import { merchantOf } from './on-behalf';
import { decodeHeaderBytes, readMessageHeaders, type MessageHeaders } from './headers';
import { memo } from './memo';
import type { Evidence, Finding } from './types';

const MAX_NAMES = 6;
const MAX_HOSTS = 5;
const MAX_TELLING = 3;
const MAX_RECENT = 3;
/** Caps the number of findings for a pathological mailbox (a spam folder of random domains). */
const MAX_GROUPS = 20_000;

export interface GroupState {
  group: Group;
  evidence: Evidence;
  first: number | null;
  last: number | null;
  names: Map<string, number>;
  hosts: Map<string, number>;
  words: Partial<Record<CueFamily, string>>;
  /** The earliest subjects with an account cue (the sign-up mail, typically). */
  telling: Array<{ subject: string; at: number }>;
  /** The latest subjects of any kind. */
  recent: Array<{ subject: string; at: number }>;
  /** Messages claiming a brand (display name, or the brand a subject opens with) that the sender's domain is not. */
  brandClaims: Map<string, number>;
  /** The brands behind `brandClaims`, and any brand named at all (for lookalike domains). */
  brands: Map<string, Brand>;
  /** Messages that announce a sign-up and sell gambling, loans or prizes in the same subject. */
  fakeSignups: number;
  /** Code messages whose subject carries the code itself (4 to 8 digits), as automated ones do. */
  numberedCodes: number;
  /** Messages with no recipient in To (undisclosed recipients): the user was bcc'd. */
  bcc: number;
  /** For platforms mailing for someone else: whom, by count. */
  merchants: Map<string, number>;
}

function bump(map: Map<string, number>, key: string, max: number): void {
  if (!key) return;
  const n = map.get(key);
  if (n !== undefined) map.set(key, n + 1);
  else if (map.size < max) map.set(key, 1);
}

type Sample = { subject: string; at: number };

/** Whether `x` is kept over `y`: by date (earliest or latest first), ties by subject. */
function beats(x: Sample, y: Sample, earliest: boolean): boolean {
  return x.at === y.at ? x.subject < y.subject : earliest ? x.at < y.at : x.at > y.at;
}

/**
 * Keeps the `max` samples preferred by date, one per subject. Plain loops and no closures: this
 * runs for every message.
 */
function keep(list: Sample[], subject: string, at: number, max: number, earliest: boolean): void {
  const item = { subject, at };
  for (let i = 0; i < list.length; i++) {
    if (list[i]!.subject === subject) {
      if (beats(item, list[i]!, earliest)) list[i] = item;
      return;
    }
  }
  if (list.length < max) {
    list.push(item);
    return;
  }
  let worst = 0;
  for (let i = 1; i < list.length; i++) if (beats(list[worst]!, list[i]!, earliest)) worst = i;
  if (beats(item, list[worst]!, earliest)) list[worst] = item;
}

function isToSelf(to: readonly { local: string; host: string }[], self: ReadonlySet<string>): boolean {
  for (const a of to) if (self.has(`${a.local}@${a.host}`)) return true;
  return false;
}

const TELLING = cueBit('lifecycle') | cueBit('transaction') | cueBit('activity');
/** Subjects that speak for an account: a brand they open with is a claim to be that brand. */
const CLAIMING = cueBit('lifecycle') | cueBit('transaction') | cueBit('code');
const MAX_MERCHANTS = 5;
/** Templated subjects repeat; their cues are read once. */
const cachedCues = memo(matchCues);
const cachedNamed = memo(brandNamedIn);
const cachedOpening = memo(brandOpening);

export class DiscoveryAggregator {
  readonly #self: Set<string>;
  readonly #groups = new Map<string, GroupState>();
  #messages = 0;
  #skipped = 0;

  constructor(selfAddresses: readonly string[]) {
    this.#self = new Set(selfAddresses.map((a) => a.trim().toLowerCase()).filter(Boolean));
  }

  get messages(): number {
    return this.#messages;
  }

  /** Messages without a usable sender (or overflowing the group cap). */
  get skipped(): number {
    return this.#skipped;
  }

  addHeaderBlock(block: string | Uint8Array): void {
    this.add(readMessageHeaders(typeof block === 'string' ? block : decodeHeaderBytes(block)));
  }

  add(h: MessageHeaders): void {
    this.#messages++;
    const group = groupOf(h, this.#self);
    if (!group) {
      this.#skipped++;
      return;
    }
    let s = this.#groups.get(group.key);
    if (!s) {
      if (this.#groups.size >= MAX_GROUPS) {
        this.#skipped++;
        return;
      }
      s = {
        group,
        evidence: {
          messages: 0,
          lifecycle: 0,
          transaction: 0,
          activity: 0,
          marketing: 0,
          conversation: 0,
          bulk: 0,
          toSelf: 0,
          code: 0,
          spam: 0,
        },
        first: null,
        last: null,
        names: new Map(),
        hosts: new Map(),
        words: {},
        telling: [],
        recent: [],
        brandClaims: new Map(),
        brands: new Map(),
        fakeSignups: 0,
        numberedCodes: 0,
        bcc: 0,
        merchants: new Map(),
      };
      this.#groups.set(group.key, s);
    }
    const e = s.evidence;
    e.messages++;
    if (h.listUnsubscribe || h.listId) e.bulk++;
    if (isToSelf(h.to, this.#self)) e.toSelf++;
    else if (h.to.length === 0) s.bcc++;
    const cues = cachedCues(h.subject);
    for (const family of CUE_FAMILIES) {
      if (!(cues.families & cueBit(family))) continue;
      if (family !== 'signup') e[family]++;
      s.words[family] ??= cues.words[family];
    }
    if (h.date !== null) {
      if (s.first === null || h.date < s.first) s.first = h.date;
      if (s.last === null || h.date > s.last) s.last = h.date;
    }
    if (h.from) {
      bump(s.names, h.from.name, MAX_NAMES);
      bump(s.hosts, h.from.host, MAX_HOSTS);
    }
    if (group.kind !== 'list' && h.from) this.#brands(s, h, cues.families);
    if (cues.families & cueBit('lifecycle') && cues.families & cueBit('spam')) s.fakeSignups++;
    if (cues.families & cueBit('code') && /(?<!\d)\d{4,8}(?!\d)/.test(h.subject)) s.numberedCodes++;
    if (group.known?.onBehalf) {
      const merchant = merchantOf(h.subject, h.from?.name ?? '', group.known);
      if (merchant) bump(s.merchants, merchant, MAX_MERCHANTS);
    }
    if (h.subject) {
      const at = h.date ?? 0;
      // Bounded and independent of arrival order, so IMAP and Maildir scans show the same samples.
      if (cues.families & TELLING) keep(s.telling, h.subject, at, MAX_TELLING, true);
      keep(s.recent, h.subject, at, MAX_RECENT, false);
    }
  }

  /**
   * Brand claims of one message. A display name is a claim; so is a subject that opens with a
   * brand and speaks for an account. From a person's free-mail address only the latter counts
   * with an account cue (a friend called "Apple" writing about the weekend claims nothing), and a
   * platform that mails for merchants names them by design.
   */
  #brands(s: GroupState, h: MessageHeaders, families: number): void {
    const from = h.from!;
    const speaks = (families & CLAIMING) !== 0 && (families & cueBit('conversation')) === 0;
    const named = cachedNamed(from.name);
    const opening = speaks ? cachedOpening(h.subject) : null;
    const mentioned = named ?? opening ?? (speaks ? cachedNamed(h.subject) : null);
    if (mentioned && s.brands.size < MAX_NAMES) s.brands.set(mentioned.id, mentioned);
    if (s.group.known?.onBehalf) return;
    const claim = s.group.kind === 'address' ? (speaks ? (named ?? opening) : null) : (named ?? opening);
    if (!claim) return;
    const own = isBrandDomain(claim, from.host, registrable(from.host));
    const onBehalf = s.group.kind !== 'address' && isBrandDomain(claim, s.group.domain, s.group.domain);
    if (!own && !onBehalf) bump(s.brandClaims, claim.id, MAX_NAMES);
  }

  /** The classified, ranked findings so far. Cheap enough to call for progress snapshots. */
  findings(): Finding[] {
    return [...this.#groups.values()]
      .map(classify)
      .sort((a, b) => b.rank - a.rank || a.id.localeCompare(b.id));
  }

  /** The finding a message would join, for evaluation against labels. */
  keyOf(block: string): string | null {
    return groupOf(readMessageHeaders(block), this.#self)?.key ?? null;
  }
}
