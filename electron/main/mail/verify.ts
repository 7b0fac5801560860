/**
 * Verification compares three things: what the server holds now (UIDs and RFC822.SIZE per folder),
 * the manifests, and the files on disk. It fails when a server message is not in the backup or has
 * another size, and when any manifest entry's file is missing or different (size; with `deep`,
 * its sha256), also for messages no longer on the server and for earlier folder generations. A
 * file a mail program renamed is found by its UID and size. Messages that are in the backup but no
 * longer on the server are reported, not a failure.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import type { MailFolderVerification, MailVerification } from '../../common/contract/mail';
import { AppFailure } from '../../common/result';
import { readBackupState, writeBackupState, type BackupState, type FolderGeneration } from './backup-state';
import { sessionFailure } from './connection';
import { listServerFolders } from './exporter';
import { listSizes, type FolderSizes } from './folder-export';
import { backupPaths, parseOwnFile } from './layout';
import { readManifest, type ManifestRecord } from './manifest';
import { toFileFailure, toRunFailure } from './mail-errors';

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Our message files in a generation's cur/ and new/, by UID (relative to the Maildir root). */
async function filesByUid(maildir: string, gen: FolderGeneration): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  const prefix = gen.dir ? `${gen.dir}/` : '';
  for (const sub of ['cur', 'new']) {
    let names: string[];
    try {
      names = await readdir(join(maildir, gen.dir, sub));
    } catch {
      continue; // A folder never created has no files; its manifest entries count as missing.
    }
    for (const n of names) {
      const own = parseOwnFile(n, gen.uidValidity);
      if (!own) continue;
      const list = out.get(own.uid) ?? [];
      list.push(`${prefix}${sub}/${n}`);
      out.set(own.uid, list);
    }
  }
  return out;
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

interface FileCheck {
  missing: number;
  different: number;
}

/** Every manifest entry's file: there (under its recorded name, or renamed), same size, same sha256 when deep. */
async function checkFiles(
  maildir: string,
  gen: FolderGeneration,
  records: Map<number, ManifestRecord>,
  deep: boolean,
): Promise<FileCheck> {
  const files = await filesByUid(maildir, gen);
  const check: FileCheck = { missing: 0, different: 0 };
  for (const rec of records.values()) {
    const candidates = files.get(rec.uid) ?? [];
    const named = candidates.includes(rec.file)
      ? rec.file
      : candidates.find(
          (f) => parseOwnFile(f.slice(f.lastIndexOf('/') + 1), gen.uidValidity)?.size === rec.size,
        );
    if (!named) {
      check.missing++;
      continue;
    }
    const path = join(maildir, named);
    const size = await sizeOf(path);
    if (size === null) check.missing++;
    else if (size !== rec.size || (deep && (await sha256File(path)) !== rec.sha256)) check.different++;
  }
  return check;
}

export interface VerifyOptions {
  targetDir: string;
  nowIso: string;
  deep: boolean;
  signal?: AbortSignal;
  onFolder?: (done: number, total: number, name: string) => void;
}

export async function verifyBackup(client: ImapFlow, options: VerifyOptions): Promise<MailVerification> {
  const paths = backupPaths(options.targetDir);
  const state = await readBackupState(paths.state);
  if (!state) throw new AppFailure('mail.no-backup', 'There is no Closeout mail backup in this folder');
  const results: MailFolderVerification[] = [];
  let backedUpMessages = 0;
  let backedUpBytes = 0;
  const checked = new Set<FolderGeneration>();

  const verifyGeneration = async (
    gen: FolderGeneration | undefined,
    name: string,
    uidValidity: number,
    listing: FolderSizes | null,
  ) => {
    const records: Map<number, ManifestRecord> = gen
      ? await readManifest(join(paths.manifests, gen.manifest))
      : new Map();
    const files = gen ? await checkFiles(paths.maildir, gen, records, options.deep) : null;
    if (gen) checked.add(gen);
    let missing = 0;
    let sizeMismatches = 0;
    let matched = 0;
    const uids = listing?.uids ?? new Uint32Array(0);
    for (let i = 0; i < uids.length; i++) {
      const rec = records.get(uids[i]!);
      // Not in the manifest. (A recorded message whose file is missing or different is counted
      // in filesMissing / filesDifferent, which fail the verification too.)
      if (!rec) {
        missing++;
        continue;
      }
      matched++;
      if (rec.size !== listing!.sizes[i]) sizeMismatches++;
    }
    for (const rec of records.values()) {
      backedUpMessages++;
      backedUpBytes += rec.size;
    }
    results.push({
      folder: name,
      uidValidity,
      onServer: listing !== null,
      serverMessages: uids.length,
      backedUp: records.size,
      missing,
      sizeMismatches,
      extra: records.size - matched,
      filesMissing: files?.missing ?? 0,
      filesDifferent: files?.different ?? 0,
    });
  };

  try {
    const folders = await listServerFolders(client);
    for (const [k, folder] of folders.entries()) {
      if (options.signal?.aborted) throw new AppFailure('mail.cancelled', 'The verification was cancelled');
      options.onFolder?.(k, folders.length, folder.name);
      const box = await client.mailboxOpen(folder.path, { readOnly: true });
      const uidValidity = Number(box.uidValidity);
      const listing = await listSizes(client, box.exists);
      const gen = state.folders.find(
        (g) => g.path === folder.path && g.current && g.uidValidity === uidValidity,
      );
      await verifyGeneration(gen, folder.name, uidValidity, listing);
    }
    // What the backup holds beyond the server's folders (earlier generations, folders deleted
    // there): nothing to compare with the server, but every recorded file must still be intact.
    for (const gen of state.folders) {
      if (!checked.has(gen)) await verifyGeneration(gen, gen.name, gen.uidValidity, null);
    }
  } catch (e) {
    throw sessionFailure(client) ?? toRunFailure(e, client.usable, 'verification');
  }
  const sum = (f: (v: MailFolderVerification) => number) => results.reduce((n, v) => n + f(v), 0);
  const filesMissing = sum((v) => v.filesMissing);
  const corruptFiles = sum((v) => v.filesDifferent);
  const verification: MailVerification = {
    passed:
      sum((v) => v.missing) === 0 &&
      sum((v) => v.sizeMismatches) === 0 &&
      corruptFiles === 0 &&
      filesMissing === 0,
    verifiedAt: options.nowIso,
    folders: results,
    serverMessages: sum((v) => v.serverMessages),
    backedUpMessages,
    backedUpBytes,
    missing: sum((v) => v.missing),
    sizeMismatches: sum((v) => v.sizeMismatches),
    corruptFiles,
    filesMissing,
  };
  await recordVerification(options.targetDir, state, verification);
  return verification;
}

async function recordVerification(targetDir: string, state: BackupState, v: MailVerification): Promise<void> {
  state.lastVerification = v;
  state.updatedAt = v.verifiedAt;
  try {
    await writeBackupState(backupPaths(targetDir).state, state);
  } catch (e) {
    throw toFileFailure(e, 'verification');
  }
}
