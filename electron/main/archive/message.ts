/**
 * One message read for display, and its attachments read for saving. Inline `cid:` images become
 * data: URLs inside the HTML (up to a size the renderer can hold); every other part is listed
 * with its size and stays in main until the user saves it.
 */
import type { Attachment, Email } from 'postal-mime';
import type { ArchiveAttachment, ArchiveMessage } from '../../common/contract/archive';
import type { ArchiveEntry } from './entry';
import { mailboxes, parseMessage, rawHeaders } from './entry';

/** Inline images larger than this, or past this total, are listed as attachments instead. */
const INLINE_IMAGE_MAX = 5 * 1024 * 1024;
const INLINE_TOTAL_MAX = 16 * 1024 * 1024;
/** Text or HTML longer than this is cut for display (the saved .eml keeps everything). */
const TEXT_MAX = 2 * 1024 * 1024;
const HTML_MAX = 4 * 1024 * 1024;

function bytesOf(a: Attachment): Uint8Array {
  const c = a.content;
  if (typeof c === 'string') return Buffer.from(c, a.encoding === 'base64' ? 'base64' : 'utf8');
  return c instanceof Uint8Array ? c : new Uint8Array(c);
}

function contentId(a: Attachment): string | null {
  const id = a.contentId?.trim().replace(/^<|>$/g, '');
  return id || null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function fileNameOf(a: Attachment, index: number): string {
  const raw = a.filename?.trim() || `attachment-${index + 1}`;
  // Only a base name: no folders, no characters a file system refuses, no control characters.
  const cleaned = raw
    .replace(/^.*[/\\]/, '')
    .replace(/[<>:"|?*\x00-\x1f]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 200);
  return cleaned || `attachment-${index + 1}`;
}

export function toMessage(
  id: number,
  entry: ArchiveEntry,
  email: Email | null,
  data: Uint8Array,
): ArchiveMessage {
  if (!email) {
    return {
      id,
      folder: entry.folder,
      subject: entry.subject,
      from: entry.fromName ? [{ name: entry.fromName, address: '' }] : [],
      to: [],
      cc: [],
      date: entry.date,
      size: entry.size,
      html: null,
      text: null,
      truncated: false,
      attachments: [],
      broken: true,
      rawHeaders: rawHeaders(data),
    };
  }
  const longHtml = (email.html?.length ?? 0) > HTML_MAX;
  let html = email.html ? email.html.slice(0, HTML_MAX) : null;
  const inlined = new Set<number>();
  if (html) {
    let total = 0;
    email.attachments.forEach((a, i) => {
      const cid = contentId(a);
      if (!cid || !a.mimeType.startsWith('image/') || !html!.includes(`cid:${cid}`)) return;
      const bytes = bytesOf(a);
      if (bytes.byteLength > INLINE_IMAGE_MAX || total + bytes.byteLength > INLINE_TOTAL_MAX) return;
      total += bytes.byteLength;
      const url = `data:${a.mimeType.replace(/[^a-z0-9.+/-]/gi, '')};base64,${Buffer.from(bytes).toString('base64')}`;
      html = html!.replace(new RegExp(`cid:${escapeRegExp(cid)}`, 'gi'), url);
      inlined.add(i);
    });
  }
  const attachments: ArchiveAttachment[] = [];
  email.attachments.forEach((a, i) => {
    if (inlined.has(i)) return;
    attachments.push({
      index: i,
      filename: fileNameOf(a, i),
      mimeType: a.mimeType,
      size: bytesOf(a).byteLength,
    });
  });
  const parsedDate = email.date ? Date.parse(email.date) : NaN;
  return {
    id,
    folder: entry.folder,
    subject: email.subject ?? '',
    from: mailboxes(email.from),
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    date: Number.isFinite(parsedDate) ? parsedDate : entry.date,
    size: entry.size,
    html,
    text: email.text ? email.text.slice(0, TEXT_MAX) : null,
    truncated: longHtml || (email.text?.length ?? 0) > TEXT_MAX,
    attachments,
    broken: false,
    rawHeaders: null,
  };
}

export async function readMessage(
  id: number,
  entry: ArchiveEntry,
  data: Uint8Array,
): Promise<ArchiveMessage> {
  return toMessage(id, entry, await parseMessage(data), data);
}

export async function readAttachment(
  data: Uint8Array,
  index: number,
): Promise<{ filename: string; bytes: Uint8Array } | null> {
  const email = await parseMessage(data);
  const a = email?.attachments[index];
  if (!a) return null;
  return { filename: fileNameOf(a, index), bytes: bytesOf(a) };
}
