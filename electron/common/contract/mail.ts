/**
 * Mail backup over IMAP (issue 6). The renderer picks a folder with main's dialog
 * (`app:choose-folder`, purpose 'mail-backup') and passes its path; main uses only a folder chosen
 * there this session or recorded in the vault for the plan (else `mail.unknown-target`, nothing
 * read or written). Main connects, exports every folder as Maildir, verifies against the server
 * and records a passing verification in the plan.
 *
 * The authorization code goes one way only: renderer -> main, in `authCode`. No channel or event
 * ever returns it; `hasSavedCode` says whether one is kept in the vault.
 */
import { z } from 'zod';
import type { AppError } from '../result';
import { channel, event } from './define';

export const mailAccountSchema = z
  .object({
    address: z.email().max(254),
    /** Custom server; omitted: the catalog's server for the address's domain. */
    host: z.string().trim().min(1).max(253).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    /** true: TLS from the first byte (993); false: STARTTLS required (143). Default true. */
    secure: z.boolean().optional(),
    // No CA from the page: tests and the harness trust their own server through NODE_EXTRA_CA_CERTS
    // or the core's test-only `trustedCa` option, never through a channel.
  })
  .strict();
export type MailAccount = z.infer<typeof mailAccountSchema>;

export const authCodeSchema = z.string().min(1).max(256);
const targetDirSchema = z.string().min(1).max(4096);

const credentialsShape = {
  /** The client authorization code (客户端授权码) typed by the user. */
  authCode: authCodeSchema.optional(),
  /** Use the code kept for this address instead; only for the server it was kept for (host, port, TLS). */
  useSavedCode: z.boolean().optional(),
};

export interface MailServer {
  host: string;
  port: number;
  secure: boolean;
  /** 'catalog' when taken from the NetEase catalog, 'custom' when the user gave it. */
  origin: 'catalog' | 'custom';
  /** Catalog source and confidence (absent for custom servers). */
  source?: string;
  confidence?: 'high' | 'medium' | 'low';
}

export interface MailFolderInfo {
  /** Decoded name, `/` between levels (`INBOX`, `已发送`, `工作/项目 A`). */
  name: string;
  specialUse: string | null;
  messages: number;
}

export interface MailConnectionReport {
  server: MailServer;
  folders: MailFolderInfo[];
  messages: number;
}

export interface MailUidValidityChange {
  folder: string;
  previous: number;
  current: number;
  /** Where the fresh copy went, relative to the backup folder. */
  dir: string;
}

export interface MailFolderVerification {
  folder: string;
  uidValidity: number;
  /** False for what the backup holds beyond the server's folders (earlier generations, folders deleted there). */
  onServer: boolean;
  serverMessages: number;
  backedUp: number;
  /** On the server, not in the backup. */
  missing: number;
  /** Size in the backup differs from RFC822.SIZE on the server. */
  sizeMismatches: number;
  /** In the backup but no longer on the server (deleted since): reported, not a failure. */
  extra: number;
  /** Manifest entries whose file is gone from the disk. */
  filesMissing: number;
  /** Manifest entries whose file has another size (or, checked deeply, other bytes). */
  filesDifferent: number;
}

export interface MailVerification {
  passed: boolean;
  /** ISO time of the check. */
  verifiedAt: string;
  folders: MailFolderVerification[];
  serverMessages: number;
  backedUpMessages: number;
  backedUpBytes: number;
  missing: number;
  sizeMismatches: number;
  /** Files that differ from the manifest: size, or sha256 when checked deeply. */
  corruptFiles: number;
  /** Manifest entries whose file is gone from the disk. */
  filesMissing: number;
}

/** A folder this run could not save; every other folder was saved. */
export interface MailFolderFailure {
  /** The folder's true name on the server. */
  folder: string;
  /** Where it goes, relative to the backup folder. */
  dir: string;
  error: AppError;
}

/** A folder saved under another directory name than its own (characters, length, a clash). */
export interface MailSavedName {
  /** The folder's true name on the server, `/` between levels. */
  folder: string;
  /** Its directory, relative to the backup folder. */
  dir: string;
}

export interface MailBackupSummary {
  address: string;
  targetDir: string;
  /** The Maildir++ root inside targetDir, for other mail programs. */
  maildir: string;
  folders: number;
  messages: number;
  bytes: number;
  /** Messages fetched by this run (the rest were already in the backup). */
  fetchedMessages: number;
  fetchedBytes: number;
  durationMs: number;
  uidValidityChanges: MailUidValidityChange[];
  /** Folders that could not be saved (named, with the reason); the run saved all others. */
  folderFailures: MailFolderFailure[];
  /** `:` normally; `;` where the disk refuses `:` in file names (FAT32, exFAT, Windows). */
  separator: ':' | ';';
  verification: MailVerification | null;
  /** The verification was recorded in the plan's mail-backup step. */
  recordedInPlan: boolean;
}

/** 'reconnecting': the connection dropped; the run waits and logs in again, then continues from the manifest. */
export type MailPhase = 'connecting' | 'listing' | 'exporting' | 'reconnecting' | 'verifying';

export interface MailProgress {
  jobId: string;
  phase: MailPhase;
  foldersDone: number;
  foldersTotal: number;
  /** Decoded name of the folder being exported, null outside 'exporting'. */
  currentFolder: string | null;
  /** Messages in the backup now, including those from earlier runs. */
  messagesDone: number;
  messagesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** Of this run, averaged over the last few seconds. */
  bytesPerSecond: number;
  messagesPerSecond: number;
  /** null until a rate is known. */
  etaSeconds: number | null;
}

export type MailJobState = 'running' | 'cancelling';

export interface MailStatus {
  job: { jobId: string; planId: string; address: string; targetDir: string; state: MailJobState } | null;
  progress: MailProgress | null;
  /** The last finished run of this session. */
  last: MailFinished | null;
}

export interface MailFinished {
  jobId: string;
  planId: string;
  outcome: 'completed' | 'cancelled' | 'failed';
  /** For 'failed' (and 'cancelled': mail.cancelled). The backup stays resumable in every case. */
  error: AppError | null;
  summary: MailBackupSummary | null;
}

export interface MailBackupInfo {
  /** A Closeout backup exists in targetDir. */
  exists: boolean;
  address: string | null;
  messages: number;
  bytes: number;
  /** Every folder finished in the last run (it may still be behind the server). */
  complete: boolean;
  lastVerification: MailVerification | null;
  /** Folders whose directory name differs from the folder's own name. */
  savedNames: MailSavedName[];
}

const planIdSchema = z.string().min(1).max(200);

export const mailChannels = {
  /** Server for an address from the catalog (null: not a NetEase domain we know: ask for host/port). */
  'mail:resolve-server': channel<MailServer | null>()(z.object({ address: z.email().max(254) }).strict()),
  /** Does this address have a code kept in the vault? */
  'mail:saved-code': channel<{ hasSavedCode: boolean }>()(z.object({ address: z.email().max(254) }).strict()),
  /** Logs in (with ID), lists folders and counts; no download. */
  'mail:test-connection': channel<MailConnectionReport>()(
    z.object({ account: mailAccountSchema, ...credentialsShape }).strict(),
  ),
  /** Starts (or resumes) a backup; returns at once, then `mail:progress` ... `mail:finished`. */
  'mail:start-backup': channel<{ jobId: string; resumed: boolean }>()(
    z
      .object({
        planId: planIdSchema,
        account: mailAccountSchema,
        ...credentialsShape,
        /** Keep the code in the vault (encrypted) for later runs. */
        saveCode: z.boolean().optional(),
        targetDir: targetDirSchema,
      })
      .strict(),
  ),
  'mail:cancel': channel<{ cancelling: boolean }>()(z.void()),
  'mail:status': channel<MailStatus>()(z.void()),
  /** What a folder already holds (to offer "resume" and show the last verification). */
  'mail:backup-info': channel<MailBackupInfo>()(
    z.object({ planId: planIdSchema, targetDir: targetDirSchema }).strict(),
  ),
  /** Verifies an existing backup against the server; a pass is recorded in the plan. */
  'mail:verify': channel<MailVerification>()(
    z
      .object({
        planId: planIdSchema,
        account: mailAccountSchema,
        ...credentialsShape,
        targetDir: targetDirSchema,
      })
      .strict(),
  ),
  'mail:open-folder': channel<void>()(
    z.object({ planId: planIdSchema, targetDir: targetDirSchema }).strict(),
  ),
  /** The backup folder main recorded for the plan (a backup was started into it), proposed by the screen. */
  'mail:backup-folder': channel<{ path: string | null }>()(z.object({ planId: planIdSchema }).strict()),
  'mail:forget-code': channel<void>()(z.object({ address: z.email().max(254) }).strict()),
} as const;

export const mailEvents = {
  'mail:progress': event<MailProgress>(),
  'mail:finished': event<MailFinished>(),
} as const;
