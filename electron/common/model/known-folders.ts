import { z } from 'zod';

/** What a folder was recorded for; the same names as the folder dialog's purposes. */
export const KNOWN_FOLDER_PURPOSES = ['mail-backup'] as const;
export type KnownFolderPurpose = (typeof KNOWN_FOLDER_PURPOSES)[number];

/**
 * Folders main itself recorded for a plan: a mail backup started into a folder the person chose in
 * main's own dialog. A channel that takes a path from the page accepts it on a later day (a new
 * session, no dialog) only when it is recorded here. Main only: no plan command writes this section,
 * an import never brings it (replace keeps this vault's), and an export never carries it.
 */
export const knownFolderSchema = z
  .object({
    planId: z.string().min(1).max(200),
    purpose: z.enum(KNOWN_FOLDER_PURPOSES),
    /** Absolute, with symbolic links resolved when it was recorded. */
    path: z.string().min(1).max(4096),
    recordedAt: z.iso.datetime(),
  })
  .strict();
export type KnownFolder = z.infer<typeof knownFolderSchema>;

export const knownFoldersSchema = z.array(knownFolderSchema);
export type KnownFolders = z.infer<typeof knownFoldersSchema>;

/** At most this many per plan and purpose: the newest are kept. */
export const KNOWN_FOLDERS_PER_PLAN = 10;

export function emptyKnownFolders(): KnownFolders {
  return [];
}

/** The list with `folder` recorded (moved to the end if it was there), older ones beyond the limit dropped. */
export function rememberFolder(list: KnownFolders, folder: KnownFolder): KnownFolders {
  const same = (f: KnownFolder) => f.planId === folder.planId && f.purpose === folder.purpose;
  const others = list.filter((f) => !(same(f) && f.path === folder.path));
  const mine = [...others.filter(same), folder].slice(-KNOWN_FOLDERS_PER_PLAN);
  return [...others.filter((f) => !same(f)), ...mine];
}
