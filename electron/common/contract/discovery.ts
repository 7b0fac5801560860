/**
 * Finding what still uses the address (issue 7): a headers-only scan of the mailbox, over IMAP or
 * over a local Maildir (for example the mail backup), then a review list from which the user adds
 * services and sites to the plan one at a time. Nothing is added without a `discovery:add`.
 *
 * The authorization code goes one way only (renderer -> main) and is used for this scan's session;
 * it is never stored by discovery and never returned. Instead of a code the renderer may ask for
 * the one the mail backup keeps (`useSavedCode`); main looks it up and the renderer never sees it. Results (which include mail subjects) stay in
 * main's memory, the last scan per plan, and are gone when the app quits.
 */
import { z } from 'zod';
import type { DiscoveryCategory } from '../discovery/domain-list';
import type { Finding } from '../discovery/types';
import { channel, event } from './define';
import { authCodeSchema, mailAccountSchema } from './mail';

export type { Finding, Verdict, Reason, ReasonKey, Evidence } from '../discovery/types';
export type { DiscoveryCategory } from '../discovery/domain-list';

const planIdSchema = z.string().min(1).max(200);

export const discoverySourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('imap'),
      account: mailAccountSchema,
      /** The client authorization code typed for this scan. */
      authCode: authCodeSchema.optional(),
      /** Use the code the mail backup keeps for this address (`mail:saved-code`), resolved in main. */
      useSavedCode: z.boolean().optional(),
    })
    .strict()
    .refine((s) => (s.authCode !== undefined) !== (s.useSavedCode === true), {
      message: 'Give exactly one of authCode or useSavedCode',
    }),
  /** A Maildir (or a folder of Maildirs, such as a Closeout backup); read locally, no network. */
  z.object({ kind: z.literal('maildir'), path: z.string().min(1).max(4096) }).strict(),
]);
export type DiscoverySource = z.infer<typeof discoverySourceSchema>;

/** Where a finding already is in the plan, so re-scans and double clicks never duplicate it. */
export interface DiscoveryPlanLink {
  section: 'service' | 'site';
  itemId: string;
}

export interface DiscoveryFinding extends Finding {
  inPlan: DiscoveryPlanLink | null;
}

export interface DiscoveryResults {
  planId: string;
  source: { kind: 'imap' | 'maildir'; label: string };
  startedAt: string;
  finishedAt: string;
  /** Scan stopped early by `discovery:cancel`; the findings cover what was read. */
  cancelled: boolean;
  folders: number;
  /** Junk, drafts and sent folders are not read (they say nothing about services the user has). */
  skippedFolders: string[];
  /**
   * Entries of a Maildir's cur/ or new/ that were not read: not a regular file (a directory, a
   * FIFO, a socket, a device; none is opened) or unreadable. The scan goes on past each one.
   */
  skippedEntries: {
    count: number;
    samples: Array<{
      path: string;
      reason: 'directory' | 'fifo' | 'socket' | 'device' | 'symlink' | 'unreadable';
    }>;
  };
  messages: number;
  /** Messages without a usable From address. */
  unreadable: number;
  /** Ranked: NetEase services and accounts first, then unclear, one-off, newsletters, lists, people. */
  findings: DiscoveryFinding[];
}

export interface DiscoveryProgress {
  planId: string;
  phase: 'connecting' | 'listing' | 'scanning' | 'classifying';
  foldersDone: number;
  foldersTotal: number;
  currentFolder: string | null;
  messagesDone: number;
  /**
   * Messages in the folders opened so far (each folder's count arrives when it is opened, so it
   * grows folder by folder; with one folder, such as a NetEase INBOX, it is exact from the start).
   */
  messagesTotal: number;
  /** Findings so far that look like accounts (for a live counter). */
  accountsSoFar: number;
}

export interface DiscoveryAddResult {
  /** 'already': the plan had it (matched by catalog id, domain or name); nothing was changed. */
  status: 'added' | 'already';
  link: DiscoveryPlanLink;
}

export const discoveryChannels = {
  /** Runs the scan to the end (or until cancelled) and resolves with the results; progress as events. */
  'discovery:scan': channel<DiscoveryResults>()(
    z.object({ planId: planIdSchema, source: discoverySourceSchema }).strict(),
  ),
  'discovery:cancel': channel<{ cancelling: boolean }>()(z.object({ planId: planIdSchema }).strict()),
  /** The last results for the plan in this session (null: none yet), with `inPlan` refreshed. */
  'discovery:results': channel<DiscoveryResults | null>()(z.object({ planId: planIdSchema }).strict()),
  /** Adds one reviewed finding to the plan, as a linked service or a third-party site. Idempotent. */
  'discovery:add': channel<DiscoveryAddResult>()(
    z
      .object({
        planId: planIdSchema,
        findingId: z.string().min(1).max(600),
        as: z.enum(['service', 'site']),
        /** Overrides the site category the scan inferred. */
        category: z.enum(['bank', 'carrier', 'social', 'shopping', 'work', 'government', 'other']).optional(),
      })
      .strict(),
  ),
} as const;

export const discoveryEvents = {
  'discovery:progress': event<DiscoveryProgress>(),
} as const;

/** Discovery's categories include 'game'; plan sites do not, so a game site is filed under 'other'. */
export function siteCategoryOf(
  c: DiscoveryCategory,
): 'bank' | 'carrier' | 'social' | 'shopping' | 'work' | 'government' | 'other' {
  return c === 'game' ? 'other' : c;
}
