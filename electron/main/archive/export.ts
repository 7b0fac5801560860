/**
 * Export for other mail programs. Both formats go into a new folder inside the one the user picked,
 * one part per archive folder:
 *
 *   mbox: `<folder>.mbox`, mboxrd (RFC 4155 with the `>From ` quoting of every `>*From ` line, so a
 *         reader that unquotes gets the message back byte for byte). Each message is preceded by a
 *         `From <sender> <asctime>` line and followed by an empty line; one that did not end with a
 *         line break gets one (mbox cannot say where a message ends otherwise).
 *   eml:  `<folder>/<n> <subject>.eml`, each the message file's bytes unchanged.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../common/result';
import type { ArchiveExportFormat } from '../../common/contract/archive';
import type { ArchiveEntry } from './entry';

export interface ExportItem {
  entry: ArchiveEntry;
  /** Absolute path of the message file. */
  path: string;
  folderName: string;
}

export interface ExportOptions {
  items: ExportItem[];
  format: ArchiveExportFormat;
  /** The folder to create (must not exist yet). */
  outDir: string;
  signal: AbortSignal;
  onProgress(done: number, total: number): void;
}

/** A folder or file name part from free text: no separators, nothing Windows refuses, not too long. */
export function safeName(text: string, max = 80): string {
  const cleaned = text
    .replace(/[/\\:*?"<>|\x00-\x1f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return [...cleaned].slice(0, max).join('') || '_';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** C asctime() in UTC, as the mbox `From ` line carries it: `Thu Jan  5 09:03:01 2023`. */
export function asctime(ms: number): string {
  const d = new Date(ms > 0 ? ms : 0);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

const GT = 0x3e;
const NL = 0x0a;
const FROM_ = Buffer.from('From ');

/** mboxrd quoting: every line that matches `>*From ` gets one more `>`. */
export function quoteMboxrd(data: Uint8Array): Buffer[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const parts: Buffer[] = [];
  let copied = 0;
  for (let start = 0; start < buf.length;) {
    let p = start;
    while (p < buf.length && buf[p] === GT) p++;
    if (buf.length - p >= 5 && buf.compare(FROM_, 0, 5, p, p + 5) === 0) {
      parts.push(buf.subarray(copied, start), Buffer.from('>'));
      copied = start;
    }
    const nl = buf.indexOf(NL, start);
    if (nl < 0) break;
    start = nl + 1;
  }
  parts.push(buf.subarray(copied));
  return parts;
}

export function mboxSeparator(entry: ArchiveEntry): string {
  const sender = (entry.fromAddress || 'MAILER-DAEMON').replace(/\s/g, '');
  return `From ${sender} ${asctime(entry.date)}\n`;
}

function write(stream: WriteStream, chunk: Buffer | string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(chunk, (e) => (e ? reject(e) : undefined));
    if (ok) resolve();
    else stream.once('drain', resolve);
  });
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

function cancelled(): AppFailure {
  return new AppFailure('archive.cancelled', 'The export was cancelled');
}

function writeFailure(e: unknown): AppFailure {
  if (e instanceof AppFailure) return e;
  return new AppFailure(
    'archive.write-failed',
    `The export could not be written${(e as { code?: string })?.code ? ` (${(e as { code: string }).code})` : ''}`,
  );
}

/** Writes the export; on cancel or failure the half-written folder is removed. */
export async function writeExport(options: ExportOptions): Promise<void> {
  const { items, format, outDir, signal } = options;
  try {
    await mkdir(outDir, { recursive: false });
  } catch (e) {
    throw writeFailure(e);
  }
  try {
    const byFolder = new Map<string, ExportItem[]>();
    for (const item of items) {
      const list = byFolder.get(item.folderName) ?? [];
      list.push(item);
      byFolder.set(item.folderName, list);
    }
    let done = 0;
    const usedNames = new Set<string>();
    for (const [folderName, list] of byFolder) {
      let base = safeName(folderName.replaceAll('/', ' - '));
      for (let n = 2; usedNames.has(base.toLowerCase()); n++)
        base = `${safeName(folderName.replaceAll('/', ' - '))} (${n})`;
      usedNames.add(base.toLowerCase());
      if (format === 'mbox') {
        const final = join(outDir, `${base}.mbox`);
        const part = `${final}.part`;
        const stream = createWriteStream(part, { mode: 0o600 });
        const failed = new Promise<never>((_, reject) => stream.once('error', reject));
        failed.catch(() => undefined);
        try {
          for (const item of list) {
            if (signal.aborted) throw cancelled();
            const data = await readFile(item.path);
            await Promise.race([write(stream, mboxSeparator(item.entry)), failed]);
            for (const chunk of quoteMboxrd(data))
              if (chunk.length) await Promise.race([write(stream, chunk), failed]);
            const endsWithNewline = data.length > 0 && data[data.length - 1] === NL;
            await Promise.race([write(stream, endsWithNewline ? '\n' : '\n\n'), failed]);
            options.onProgress(++done, items.length);
          }
          await close(stream);
        } catch (e) {
          stream.destroy();
          throw e;
        }
        await rename(part, final);
      } else {
        const dir = join(outDir, base);
        await mkdir(dir);
        let n = 0;
        for (const item of list) {
          if (signal.aborted) throw cancelled();
          n++;
          const name = `${String(n).padStart(6, '0')} ${safeName(item.entry.subject || '(no subject)', 60)}.eml`;
          await copyFile(item.path, join(dir, name));
          options.onProgress(++done, items.length);
        }
      }
    }
  } catch (e) {
    await rm(outDir, { recursive: true, force: true }).catch(() => undefined);
    throw writeFailure(e);
  }
}
