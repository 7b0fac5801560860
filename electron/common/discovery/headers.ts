/**
 * Just enough RFC 5322 / 2047 to read the seven header fields discovery looks at, from the raw
 * header block that both sources deliver (IMAP BODY.PEEK[HEADER.FIELDS (...)] and the top of a
 * Maildir file). Pure: runs in main and renderer alike; no Node, no network.
 */
import { memo } from './memo';

/** The fields requested from IMAP and read from Maildir; never the body. */
export const DISCOVERY_HEADER_FIELDS = [
  'from',
  'reply-to',
  'to',
  'list-unsubscribe',
  'list-id',
  'subject',
  'date',
] as const;

export interface Address {
  /** Lower-cased local part. */
  local: string;
  /** Lower-cased host (domain part). */
  host: string;
  name: string;
}

export interface MessageHeaders {
  from: Address | null;
  replyTo: Address | null;
  to: readonly Address[];
  listUnsubscribe: boolean;
  listId: string | null;
  subject: string;
  /** ms since the epoch, or null when missing or unparseable. */
  date: number | null;
}

/** Structural, so the module type-checks under both the DOM and the Node global declarations. */
interface Decoder {
  decode(bytes: Uint8Array): string;
}

const utf8: Decoder = new TextDecoder('utf-8', { fatal: true });
const decoders = new Map<string, Decoder | null>();

function decoderFor(charset: string): Decoder | null {
  const key = charset.toLowerCase();
  if (!decoders.has(key)) {
    // GB2312 mail is routinely GBK or GB18030 in practice; decode it with the superset.
    const label = key === 'gb2312' || key === 'gbk' || key === 'x-gbk' ? 'gb18030' : key;
    let d: Decoder | null = null;
    try {
      d = new TextDecoder(label);
    } catch {
      d = null;
    }
    decoders.set(key, d);
  }
  return decoders.get(key) ?? null;
}

/** Header bytes are 7-bit per RFC 5322 but raw UTF-8 (RFC 6532) and raw GBK both occur. */
export function decodeHeaderBytes(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return decoderFor('gb18030')!.decode(bytes);
  }
}

function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (const ch of clean) {
    acc = (acc << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

function qToBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '_') out.push(0x20);
    else if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(ch.charCodeAt(0) & 0xff);
  }
  return new Uint8Array(out);
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/** Decodes RFC 2047 encoded words; whitespace between adjacent encoded words is dropped. */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value;
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(ENCODED_WORD, (whole, charset: string, enc: string, text: string) => {
    const d = decoderFor(charset.split('*')[0]!);
    if (!d) return whole;
    return d.decode(enc.toUpperCase() === 'B' ? base64ToBytes(text) : qToBytes(text));
  });
}

const WANTED = new Set<string>(DISCOVERY_HEADER_FIELDS);

/**
 * Unfolds a header block into lower-cased field name -> first value, keeping only the discovery
 * fields (a Maildir header also carries Received, DKIM and the like, which are skipped unread).
 */
export function parseHeaderBlock(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  let name = '';
  let value = '';
  let keep = false;
  let start = 0;
  while (start < block.length) {
    let end = block.indexOf('\n', start);
    if (end < 0) end = block.length;
    const line = block.charCodeAt(end - 1) === 13 ? block.slice(start, end - 1) : block.slice(start, end);
    start = end + 1;
    if (line === '') break;
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9) {
      if (keep) value += ` ${line.trim()}`;
      continue;
    }
    if (keep && !fields.has(name)) fields.set(name, value.trim());
    const colon = line.indexOf(':');
    name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    keep = WANTED.has(name);
    value = keep ? line.slice(colon + 1) : '';
  }
  if (keep && !fields.has(name)) fields.set(name, value.trim());
  return fields;
}

const ANGLE_ADDR = /<\s*([^<>\s@]+@[^<>\s@]+)\s*>/;
const BARE_ADDR = /([^\s<>"(),;:]+@[A-Za-z0-9.-]+)/;

function splitAddressList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"' && value[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && ch === '<') depth++;
    else if (!quoted && ch === '>') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && ch === ',') {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

export function parseAddress(raw: string): Address | null {
  const m = ANGLE_ADDR.exec(raw) ?? BARE_ADDR.exec(raw);
  if (!m) return null;
  const addr = m[1]!.toLowerCase();
  const at = addr.lastIndexOf('@');
  const host = addr.slice(at + 1).replace(/\.$/, '');
  if (at < 1 || !host.includes('.')) return null;
  const namePart = raw.slice(0, m.index).trim().replace(/^"|"$/g, '').replace(/\\"/g, '"');
  return { local: addr.slice(0, at), host, name: decodeWords(namePart).trim() };
}

export function parseAddressList(raw: string | undefined): Address[] {
  if (!raw) return [];
  if (!raw.includes(',')) {
    const one = parseAddress(raw);
    return one ? [one] : [];
  }
  const out: Address[] = [];
  for (const part of splitAddressList(raw)) {
    const a = parseAddress(part);
    if (a) out.push(a);
    if (out.length >= 50) break;
  }
  return out;
}

export function parseDate(raw: string | undefined): number | null {
  if (!raw) return null;
  // Date.parse handles RFC 2822 dates; strip comments like "(CST)" that some servers append.
  const t = Date.parse(raw.replace(/\([^)]*\)/g, '').trim());
  return Number.isFinite(t) ? t : null;
}

export function parseListId(raw: string | undefined): string | null {
  if (!raw) return null;
  const m = /<([^<>\s]+)>/.exec(raw);
  const id = (m ? m[1]! : raw.trim()).toLowerCase();
  return id.length > 0 && id.length < 256 ? id : null;
}

// The parsed values are shared between messages with the same raw field and never mutated.
const cachedAddress = memo(parseAddress);
const cachedAddressList = memo((raw: string): readonly Address[] => parseAddressList(raw));
const cachedSubject = memo((raw: string) => decodeWords(raw).replace(/\s+/g, ' ').trim());

/** Reads the discovery fields from one raw header block. */
export function readMessageHeaders(block: string): MessageHeaders {
  const f = parseHeaderBlock(block);
  const from = f.get('from');
  const replyTo = f.get('reply-to');
  const to = f.get('to');
  return {
    from: from ? cachedAddress(from) : null,
    replyTo: replyTo ? cachedAddress(replyTo) : null,
    to: to ? cachedAddressList(to) : [],
    listUnsubscribe: f.has('list-unsubscribe'),
    listId: parseListId(f.get('list-id')),
    subject: cachedSubject(f.get('subject') ?? ''),
    date: parseDate(f.get('date')),
  };
}
