/**
 * The IMAP source: per folder, pipelined FETCHes of BODY.PEEK[HEADER.FIELDS (...)] in sequence
 * batches. Never a body, never a flag change (PEEK, read-only EXAMINE). The session comes from the
 * mail backup's `openSession` (IMAP ID for NetEase, error mapping).
 */
import type { ImapFlow } from 'imapflow';
import { DISCOVERY_HEADER_FIELDS } from '../../../common/discovery/headers';
import { commandLayer, type CommandLayer } from '../connection';
import { toMailFailure } from '../mail-errors';
import { isSkippedFolder } from './folders';

/**
 * Messages per FETCH. imapflow hands over one response at a time (it waits for the consumer), so
 * memory does not grow with the batch; each extra FETCH cost measurably more CPU (20k messages in
 * batches of 5000: about 150 ms more than one FETCH, bench/discovery-child.ts with a no-op
 * consumer). So a NetEase INBOX of tens of thousands is one FETCH, and a cancel stops mid-batch.
 */
export const FETCH_BATCH = 50_000;

export interface ImapFolderInfo {
  path: string;
  name: string;
  messages: number;
}

export interface ImapScanHooks {
  onFolders(folders: ImapFolderInfo[]): void;
  onFolder(folder: ImapFolderInfo, index: number): void;
  onHeader(block: Buffer): void;
  onBatch(): void;
  cancelled(): boolean;
}

export interface ImapScanReport {
  folders: number;
  skippedFolders: string[];
  cancelled: boolean;
}

export async function scanImap(client: ImapFlow, hooks: ImapScanHooks): Promise<ImapScanReport> {
  try {
    // No STATUS per folder: it costs Dovecot an index sync of every folder before the first byte
    // (measured 150-550 ms on 5k messages); the count comes with each SELECT instead.
    const listed = await client.list();
    const skippedFolders: string[] = [];
    const folders: ImapFolderInfo[] = [];
    for (const f of listed) {
      if (f.flags.has('\\Noselect') || f.flags.has('\\NonExistent')) continue;
      const name = f.path;
      if (isSkippedFolder(name, f.specialUse ?? null)) skippedFolders.push(name);
      else folders.push({ path: f.path, name, messages: 0 });
    }
    hooks.onFolders(folders);
    for (const [i, folder] of folders.entries()) {
      if (hooks.cancelled()) return { folders: i, skippedFolders, cancelled: true };
      const box = await client.mailboxOpen(folder.path, { readOnly: true });
      const exists = box.exists;
      folder.messages = exists;
      hooks.onFolder(folder, i);
      for (let start = 1; start <= exists; start += FETCH_BATCH) {
        if (hooks.cancelled()) return { folders: i, skippedFolders, cancelled: true };
        const end = Math.min(exists, start + FETCH_BATCH - 1);
        const layer = commandLayer(client);
        if (layer) {
          if (await fetchHeaders(layer, `${start}:${end}`, hooks))
            return { folders: i, skippedFolders, cancelled: true };
        } else {
          for await (const m of client.fetch(`${start}:${end}`, { headers: [...DISCOVERY_HEADER_FIELDS] })) {
            // Leaving the loop lets imapflow drain the rest of this FETCH without handing it to us.
            if (hooks.cancelled()) return { folders: i, skippedFolders, cancelled: true };
            if (m.headers) hooks.onHeader(m.headers);
          }
        }
        hooks.onBatch();
      }
    }
    return { folders: folders.length, skippedFolders, cancelled: false };
  } catch (e) {
    throw toMailFailure(e);
  }
}

const HEADER_QUERY = {
  type: 'ATOM',
  value: 'BODY.PEEK',
  section: [
    { type: 'ATOM', value: 'HEADER.FIELDS' },
    DISCOVERY_HEADER_FIELDS.map((f) => ({ type: 'ATOM', value: f })),
  ],
};

/**
 * One FETCH of the header fields through imapflow's command layer, each header block handed over
 * as the parser produced it: no message object and no re-compiled key per message, which was most
 * of the scan's cost above a bare FETCH (issue 19). Resolves true once cancelled: it stops handing
 * blocks over at once and returns without waiting for the rest of the FETCH, which imapflow drains.
 */
function fetchHeaders(layer: CommandLayer, range: string, hooks: ImapScanHooks): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let stopped = false;
    layer
      .exec('FETCH', [{ type: 'SEQUENCE', value: range }, HEADER_QUERY], {
        untagged: {
          FETCH: (untagged) => {
            if (stopped) return;
            if (hooks.cancelled()) {
              stopped = true;
              resolve(true);
              return;
            }
            try {
              const block = headerBlock(untagged.attributes?.[1]);
              if (block) hooks.onHeader(block);
            } catch (e) {
              // imapflow only logs what a handler throws: it fails the scan as it did before.
              stopped = true;
              reject(e as Error);
            }
          },
        },
      })
      .then(
        (response) => {
          response?.next?.();
          if (!stopped) resolve(false);
        },
        (e: unknown) => {
          if (!stopped) reject(e as Error);
        },
      );
  });
}

/** The `BODY[HEADER.FIELDS (...)]` value of one FETCH row's `(key value ...)` list. */
function headerBlock(list: unknown): Buffer | null {
  if (!Array.isArray(list)) return null;
  for (let i = 0; i + 1 < list.length; i += 2) {
    const key = list[i] as { value?: unknown; section?: unknown };
    if (typeof key.value !== 'string' || key.value.toUpperCase() !== 'BODY' || !Array.isArray(key.section))
      continue;
    const value = (list[i + 1] as { value?: unknown } | null)?.value;
    if (Buffer.isBuffer(value)) return value;
    if (typeof value === 'string') return Buffer.from(value);
  }
  return null;
}
