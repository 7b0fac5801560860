/**
 * Verification: what the server holds now (UIDs and RFC822.SIZE per folder) against the manifests,
 * plus the files on disk (present; with `deep`, their sha256 too). Passing means every server
 * message is in the backup with the same size and an intact file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import type { MailFolderVerification, MailVerification } from '../../common/contract/mail';
import { AppFailure } from '../../common/result';
import { readBackupState, writeBackupState, type BackupState } from './backup-state';
import { listServerFolders } from './exporter';
import { listSizes } from './folder-export';
import { backupPaths } from './layout';
import { readManifest } from './manifest';
import { toMailFailure } from './mail-errors';

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function filesIn(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const sub of ['cur', 'new']) {
    try {
      for (const n of await readdir(join(dir, sub))) out.add(`${sub}/${n}`);
    } catch {
      // A folder that was never created has no files; the manifest comparison reports it.
    }
  }
  return out;
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
  const folders = await listServerFolders(client);
  const results: MailFolderVerification[] = [];
  let backedUpMessages = 0;
  let backedUpBytes = 0;
  let corruptFiles = 0;
  try {
    for (const [k, folder] of folders.entries()) {
      if (options.signal?.aborted) throw new AppFailure('mail.cancelled', 'The verification was cancelled');
      options.onFolder?.(k, folders.length, folder.name);
      const box = await client.mailboxOpen(folder.path, { readOnly: true });
      const uidValidity = Number(box.uidValidity);
      const listing = await listSizes(client, box.exists);
      const gen = state.folders.find(
        (g) => g.path === folder.path && g.current && g.uidValidity === uidValidity,
      );
      const records = gen ? await readManifest(join(paths.manifests, gen.manifest)) : new Map();
      const files = gen ? await filesIn(join(paths.maildir, gen.dir)) : new Set<string>();
      const prefix = gen?.dir ? `${gen.dir}/` : '';
      let missing = 0;
      let sizeMismatches = 0;
      let matched = 0;
      for (let i = 0; i < listing.uids.length; i++) {
        const rec = records.get(listing.uids[i]!);
        if (!rec || !files.has(rec.file.slice(prefix.length))) {
          missing++;
          continue;
        }
        matched++;
        if (rec.size !== listing.sizes[i]) sizeMismatches++;
        if (options.deep && (await sha256File(join(paths.maildir, rec.file))) !== rec.sha256) corruptFiles++;
      }
      for (const rec of records.values()) {
        backedUpMessages++;
        backedUpBytes += rec.size;
      }
      results.push({
        folder: folder.name,
        uidValidity,
        serverMessages: listing.uids.length,
        backedUp: records.size,
        missing,
        sizeMismatches,
        extra: records.size - matched,
      });
    }
  } catch (e) {
    throw toMailFailure(e);
  }
  const sum = (f: (v: MailFolderVerification) => number) => results.reduce((n, v) => n + f(v), 0);
  const verification: MailVerification = {
    passed: sum((v) => v.missing) === 0 && sum((v) => v.sizeMismatches) === 0 && corruptFiles === 0,
    verifiedAt: options.nowIso,
    folders: results,
    serverMessages: sum((v) => v.serverMessages),
    backedUpMessages,
    backedUpBytes,
    missing: sum((v) => v.missing),
    sizeMismatches: sum((v) => v.sizeMismatches),
    corruptFiles,
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
    throw toMailFailure(e);
  }
}
