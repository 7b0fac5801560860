import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FolderPurpose } from '../../common/contract/app';

/**
 * Folders the person chose in the system folder dialog this session, by what they were chosen
 * for. A channel that takes a folder from the page (which a compromised page could fill with any
 * path) accepts one only when main already knows it: chosen here, or recorded in the vault for the
 * plan (`common/model/known-folders.ts`, see `createFolderGate`).
 *
 * Paths are compared after resolving symbolic links (`canonicalFolder`): a folder that was swapped
 * for a link after it was chosen leads elsewhere and is refused; `..` and relative paths never match.
 */
export interface ChosenFolders {
  add(purpose: FolderPurpose, path: string): Promise<void>;
  /** Chosen for this purpose; with `inside`, also any folder within a chosen one. */
  has(purpose: FolderPurpose, path: string, options?: { inside?: boolean }): Promise<boolean>;
}

/**
 * The absolute path with every symbolic link resolved; for a folder that does not exist (yet, or
 * any more) the nearest existing parent is resolved and the rest kept as written. Null for a path
 * that is not absolute: the page must name a whole path.
 */
export async function canonicalFolder(path: string): Promise<string | null> {
  if (!isAbsolute(path) || path.includes('\u0000')) return null;
  const full = resolve(path);
  const rest: string[] = [];
  let at = full;
  for (;;) {
    try {
      const real = await realpath(at);
      return rest.length ? resolve(real, ...rest.reverse()) : real;
    } catch {
      const parent = resolve(at, '..');
      if (parent === at) return full;
      rest.push(relative(parent, at));
      at = parent;
    }
  }
}

/** `path` is `root` or a folder within it (both canonical). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export function createChosenFolders(): ChosenFolders {
  const chosen = new Map<FolderPurpose, Set<string>>();
  return {
    add: async (purpose, path) => {
      const canonical = await canonicalFolder(path);
      if (!canonical) return;
      const set = chosen.get(purpose) ?? new Set<string>();
      set.add(canonical);
      chosen.set(purpose, set);
    },
    has: async (purpose, path, options = {}) => {
      const set = chosen.get(purpose);
      if (!set?.size) return false;
      const canonical = await canonicalFolder(path);
      if (!canonical) return false;
      if (set.has(canonical)) return true;
      return options.inside === true && [...set].some((root) => isWithin(root, canonical));
    },
  };
}

/** Folders main recorded for a plan (the vault's `folders` section), as plain paths. */
export type RecordedFolders = (planId: string | null) => string[];

/**
 * The one rule every channel that takes a folder from the page goes through: the folder was chosen
 * in main's dialog for one of `chosenFor` this session, or (with `recordedFor`) main recorded it for
 * the plan (planId null: for any plan). `inside` also allows the folders within one (reading a
 * backup's Maildir); writing channels take the folder itself only.
 */
export interface FolderRule {
  chosenFor: FolderPurpose[];
  recordedFor?: { planId: string | null };
  inside?: boolean;
}

export interface FolderGate {
  allows(dir: string, rule: FolderRule): Promise<boolean>;
}

export function createFolderGate(chosen: ChosenFolders, recorded: RecordedFolders): FolderGate {
  return {
    allows: async (dir, { chosenFor, recordedFor, inside = false }) => {
      const canonical = await canonicalFolder(dir);
      if (!canonical) return false;
      for (const purpose of chosenFor) if (await chosen.has(purpose, canonical, { inside })) return true;
      if (!recordedFor) return false;
      return recorded(recordedFor.planId).some((f) => {
        const root = isAbsolute(f) ? resolve(f) : null;
        return root !== null && (inside ? isWithin(root, canonical) : root === canonical);
      });
    },
  };
}
