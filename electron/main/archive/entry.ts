/**
 * One message as the archive lists it, and how it is read from its file with postal-mime. A file
 * postal-mime cannot make sense of (it throws, or finds no header at all) is still listed, marked
 * `broken`, with what its first lines say, and it can be saved as it is.
 */
import PostalMime, { type Address, type Email } from 'postal-mime';
import type { ArchiveRow } from '../../common/contract/archive';
import { flagsOf } from './flags';

/** A listed row (`ArchiveRow`, what the window sees) less its id, plus what only main keeps. */
export interface ArchiveEntry extends Omit<ArchiveRow, 'id'> {
  /** Relative to the Maildir root. */
  file: string;
  /** ms since the epoch; from the Date header, else the file name's delivery time, else 0. */
  date: number;
  /** Recipients (To and Cc), as "name <address>" or the address alone. */
  to: string;
  toAddresses: string[];
}

export const PARSE_OPTIONS = {
  // Forwarded messages stay attachments the reader can save, as mail programs show them.
  rfc822Attachments: true,
  maxNestingDepth: 64,
} as const;

export function mailboxes(list: Address | Address[] | undefined): { name: string; address: string }[] {
  const out: { name: string; address: string }[] = [];
  for (const a of list === undefined ? [] : Array.isArray(list) ? list : [list]) {
    if (a.group) out.push(...a.group.map((m) => ({ name: m.name, address: m.address })));
    else out.push({ name: a.name, address: a.address ?? '' });
  }
  return out;
}

export function displayAddress(a: { name: string; address: string }): string {
  return a.name && a.address ? `${a.name} <${a.address}>` : a.name || a.address;
}

/** Date from the file name's leading delivery time (`<seconds>.…`), used when the header has none. */
function nameDate(file: string): number {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const m = /^(\d{9,11})\./.exec(base);
  return m ? Number(m[1]) * 1000 : 0;
}

export async function parseMessage(data: Uint8Array): Promise<Email | null> {
  try {
    const email = await PostalMime.parse(data, PARSE_OPTIONS);
    return email.headers.length > 0 ? email : null;
  } catch {
    return null;
  }
}

/** The header section as text (up to the first empty line, at most 64 KiB), for a broken message. */
export function rawHeaders(data: Uint8Array): string {
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 65_536)).toString(
    'latin1',
  );
  const end = head.search(/\r?\n\r?\n/);
  return (end >= 0 ? head.slice(0, end) : head).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '\uFFFD');
}

export function entryOf(email: Email | null, data: Uint8Array, folder: number, file: string): ArchiveEntry {
  const flags = flagsOf(file);
  const base = {
    folder,
    file,
    size: data.byteLength,
    seen: flags.seen,
    flagged: flags.flagged,
    answered: flags.answered,
  };
  if (!email) {
    const head = rawHeaders(data);
    const subject = /^subject:[ \t]*(.*)$/im.exec(head)?.[1]?.trim() ?? '';
    const from = /^from:[ \t]*(.*)$/im.exec(head)?.[1]?.trim() ?? '';
    return {
      ...base,
      date: nameDate(file),
      fromName: from,
      fromAddress: '',
      to: '',
      toAddresses: [],
      subject,
      attachments: 0,
      broken: true,
    };
  }
  const from = mailboxes(email.from)[0] ?? { name: '', address: '' };
  const recipients = [...mailboxes(email.to), ...mailboxes(email.cc)];
  const parsedDate = email.date ? Date.parse(email.date) : NaN;
  return {
    ...base,
    date: Number.isFinite(parsedDate) ? parsedDate : nameDate(file),
    fromName: from.name,
    fromAddress: from.address,
    to: recipients.map(displayAddress).join(', '),
    toAddresses: recipients.map((r) => r.address.toLowerCase()).filter(Boolean),
    subject: email.subject ?? '',
    attachments: email.attachments.filter((a) => !a.related).length,
    broken: false,
  };
}

/** Body text to index: the plain part, else the HTML with tags and styles taken out. Capped. */
export function searchableBody(email: Email | null, cap = 20_000): string {
  if (!email) return '';
  if (email.text) return email.text.slice(0, cap);
  if (!email.html) return '';
  return email.html
    .slice(0, cap * 4)
    .replace(/<(style|script|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .slice(0, cap);
}
