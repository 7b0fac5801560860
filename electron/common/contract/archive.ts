/**
 * The mail archive (issue 18): a Closeout backup folder opened offline to browse, search, read
 * and export. Main reads the files and keeps the index; the renderer gets pages of rows and one
 * message at a time. Attachment bytes never cross: main saves them through the system dialog.
 */
import { z } from 'zod';
import type { AppError } from '../result';
import { channel, event } from './define';

export interface ArchiveFolderInfo {
  id: number;
  /** The server folder's name, `/` between levels (`INBOX`, `已发送`, `工作/项目 A`). */
  name: string;
  /** False for an earlier copy kept after the server renumbered the folder. */
  current: boolean;
  uidValidity: number | null;
  messages: number;
  unread: number;
}

export type ArchiveState = 'indexing' | 'ready' | 'failed';

export interface ArchiveStatus {
  dir: string;
  address: string;
  state: ArchiveState;
  /** Files indexed so far, while indexing. */
  progress: { done: number; total: number } | null;
  /** Changes each time the index is replaced; rows and searches of an older one are refused. */
  generation: number;
  folders: ArchiveFolderInfo[];
  messages: number;
  /** Messages the MIME parser could not read; listed with their raw headers. */
  broken: number;
  /** The index came from the cache in the backup folder (nothing new since). */
  fromCache: boolean;
  error: AppError | null;
}

export interface ArchiveRow {
  id: number;
  folder: number;
  /** ms since the epoch (0: unknown). */
  date: number;
  fromName: string;
  fromAddress: string;
  to: string;
  subject: string;
  size: number;
  seen: boolean;
  flagged: boolean;
  answered: boolean;
  attachments: number;
  broken: boolean;
}

export interface ArchiveAttachment {
  index: number;
  filename: string;
  mimeType: string;
  size: number;
}

export interface ArchiveAddress {
  name: string;
  address: string;
}

export interface ArchiveMessage {
  id: number;
  folder: number;
  subject: string;
  from: ArchiveAddress[];
  to: ArchiveAddress[];
  cc: ArchiveAddress[];
  /** ms since the epoch (0: unknown). */
  date: number;
  size: number;
  /** The HTML part with `cid:` images turned into data: URLs; not yet sanitized (the renderer does). */
  html: string | null;
  text: string | null;
  /** The HTML or text was longer than the reader shows; the saved .eml keeps everything. */
  truncated: boolean;
  attachments: ArchiveAttachment[];
  broken: boolean;
  /** For a broken message: its header lines as found. */
  rawHeaders: string | null;
}

export const searchQuerySchema = z
  .object({
    text: z.string().max(500).optional(),
    field: z.enum(['all', 'from', 'to', 'subject', 'body']).optional(),
    folders: z.array(z.number().int().min(0)).max(10_000).optional(),
    /** Inclusive, ms since the epoch. */
    from: z.number().optional(),
    to: z.number().optional(),
    hasAttachment: z.boolean().optional(),
  })
  .strict();
export type ArchiveQuery = z.infer<typeof searchQuerySchema>;

export interface ArchiveSearchResult {
  searchId: string;
  total: number;
  /** The first page. */
  rows: ArchiveRow[];
  /** Time spent searching inside the core. */
  tookMs: number;
}

export type ArchiveExportFormat = 'mbox' | 'eml';

export interface ArchiveExportProgress {
  jobId: string;
  done: number;
  total: number;
}

export interface ArchiveExportFinished {
  jobId: string;
  outcome: 'completed' | 'cancelled' | 'failed';
  /** The folder written (completed only). */
  path: string | null;
  messages: number;
  error: AppError | null;
}

export interface ArchiveCorrespondent {
  address: string;
  name: string;
  /** Messages sent to this address in the Sent folders. */
  messages: number;
  /** Last one, ms since the epoch. */
  last: number;
}

const idSchema = z.number().int().min(0);
const searchIdSchema = z.string().min(1).max(100);

export const archiveChannels = {
  /** Opens a Closeout backup folder; indexing (or loading the cached index) continues in the background. */
  'archive:open': channel<ArchiveStatus>()(z.object({ dir: z.string().min(1).max(4096) }).strict()),
  'archive:status': channel<ArchiveStatus | null>()(z.void()),
  'archive:close': channel<void>()(z.void()),
  'archive:search': channel<ArchiveSearchResult>()(
    z.object({ query: searchQuerySchema, limit: z.number().int().min(0).max(500) }).strict(),
  ),
  'archive:rows': channel<ArchiveRow[]>()(
    z
      .object({
        searchId: searchIdSchema,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
  ),
  'archive:message': channel<ArchiveMessage>()(z.object({ id: idSchema }).strict()),
  /** Saves one attachment through the system "save as" dialog; null when the user cancels. */
  'archive:save-attachment': channel<{ path: string | null }>()(
    z.object({ id: idSchema, index: idSchema }).strict(),
  ),
  /** Saves the message file as it is (.eml), also one that does not parse. */
  'archive:save-message': channel<{ path: string | null }>()(z.object({ id: idSchema }).strict()),
  /**
   * Writes a folder, a search result or everything into a new folder inside targetDir, which must
   * be a folder chosen in main's dialog for 'archive-export' (else archive.unknown-target).
   */
  'archive:export': channel<{ jobId: string; messages: number }>()(
    z
      .object({
        scope: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('all') }).strict(),
          z.object({ kind: z.literal('folder'), folder: idSchema }).strict(),
          z.object({ kind: z.literal('search'), searchId: searchIdSchema }).strict(),
        ]),
        format: z.enum(['mbox', 'eml']),
        targetDir: z.string().min(1).max(4096),
      })
      .strict(),
  ),
  'archive:cancel-export': channel<{ cancelling: boolean }>()(z.void()),
  /** People written to, from the Sent folders: candidates for the contacts to tell. */
  'archive:correspondents': channel<ArchiveCorrespondent[]>()(z.void()),
} as const;

export const archiveEvents = {
  'archive:changed': event<ArchiveStatus>(),
  'archive:export-progress': event<ArchiveExportProgress>(),
  'archive:export-finished': event<ArchiveExportFinished>(),
} as const;
