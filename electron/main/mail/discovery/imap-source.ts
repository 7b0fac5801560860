/**
 * The IMAP source: per folder, pipelined FETCHes of BODY.PEEK[HEADER.FIELDS (...)] in sequence
 * batches. Never a body, never a flag change (PEEK, read-only EXAMINE). The session comes from the
 * mail backup's `openSession` (IMAP ID for NetEase, error mapping).
 */
import type { ImapFlow } from 'imapflow';
import { DISCOVERY_HEADER_FIELDS } from '../../../common/discovery/headers';
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
        for await (const m of client.fetch(`${start}:${end}`, { headers: [...DISCOVERY_HEADER_FIELDS] })) {
          // Leaving the loop lets imapflow drain the rest of this FETCH without handing it to us.
          if (hooks.cancelled()) return { folders: i, skippedFolders, cancelled: true };
          if (m.headers) hooks.onHeader(m.headers);
        }
        hooks.onBatch();
      }
    }
    return { folders: folders.length, skippedFolders, cancelled: false };
  } catch (e) {
    throw toMailFailure(e);
  }
}
