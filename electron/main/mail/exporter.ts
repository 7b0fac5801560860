/**
 * One backup run of a whole account: connect, list the folders, export each (resuming from the
 * manifests), keep `closeout-backup.json` current. Cancellation and failures leave everything
 * recorded so far valid; the next run continues from there.
 */
import { access, constants, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImapFlow, ListResponse } from 'imapflow';
import type { Clock } from '../../common/clock';
import type { AppInfo } from '../../common/contract/app';
import type { MailFolderFailure, MailSavedName, MailUidValidityChange } from '../../common/contract/mail';
import { AppFailure } from '../../common/result';
import { readBackupState, writeBackupState, type BackupState, type FolderGeneration } from './backup-state';
import { closeSession, openSession, sessionFailure, type ConnectionSpec } from './connection';
import { DEFAULT_TUNING, exportFolder, throwIfCancelled, type ExportTuning } from './folder-export';
import { acceptsColon } from './fs-probe';
import {
  backupPaths,
  folderDir,
  generationDir,
  manifestName,
  naturalDir,
  PORTABLE_SEPARATOR,
  sameNameKey,
  type InfoSeparator,
} from './layout';
import { isFolderLocal, isTransient, toMailFailure } from './mail-errors';
import type { ProgressTracker } from './progress';

export interface ExportRequest {
  spec: ConnectionSpec;
  address: string;
  targetDir: string;
  appInfo: AppInfo;
  clock: Clock;
  signal: AbortSignal;
  progress: ProgressTracker;
  tuning?: Partial<ExportTuning>;
  /**
   * Waits before each automatic reconnect after a dropped connection, within this run; the run
   * fails once they are used up without progress in between. [] turns reconnecting off.
   */
  reconnectDelaysMs?: readonly number[];
  /**
   * Whether the file system holding a directory accepts `:` in file names (FAT32 and exFAT do
   * not); tests replace the real probe to simulate such a disk.
   */
  acceptsColon?: (dir: string) => Promise<boolean>;
}

export const DEFAULT_RECONNECT_DELAYS_MS: readonly number[] = [1000, 3000, 7000];

/** Failures after which reconnecting may help: the server went away or did not answer. */
function worthReconnecting(f: AppFailure): boolean {
  return isTransient(f) || f.code === 'mail.unreachable';
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

export interface ExportOutcome {
  folders: number;
  messages: number;
  bytes: number;
  fetchedMessages: number;
  fetchedBytes: number;
  uidValidityChanges: MailUidValidityChange[];
  /** Folders that could not be saved this run; every other folder was. */
  folderFailures: MailFolderFailure[];
  /** Between a message's unique name and its flags in this run's file names. */
  separator: InfoSeparator;
  durationMs: number;
}

export interface ServerFolder {
  path: string;
  name: string;
  specialUse: string | null;
}

/** Selectable folders, INBOX first, names with `/` between levels. */
export async function listServerFolders(client: ImapFlow): Promise<ServerFolder[]> {
  const list: ListResponse[] = await client.list();
  return list
    .filter((m) => !m.flags.has('\\Noselect') && !m.flags.has('\\NonExistent'))
    .map((m) => ({
      path: m.path,
      name: m.delimiter && m.delimiter !== '/' ? m.path.split(m.delimiter).join('/') : m.path,
      specialUse: m.specialUse ?? null,
    }))
    .sort((a, b) => (a.path === 'INBOX' ? -1 : b.path === 'INBOX' ? 1 : a.name.localeCompare(b.name)));
}

/** Creates the folder tree and proves it is writable before anything is fetched. */
export async function prepareTarget(targetDir: string): Promise<void> {
  const paths = backupPaths(targetDir);
  try {
    await mkdir(paths.manifests, { recursive: true });
    await mkdir(paths.maildir, { recursive: true });
    await access(targetDir, constants.W_OK);
  } catch (e) {
    throw toMailFailure(e);
  }
}

export function newState(address: string, server: string, nowIso: string): BackupState {
  return {
    format: 1,
    address,
    server,
    createdAt: nowIso,
    updatedAt: nowIso,
    complete: false,
    folders: [],
    lastVerification: null,
  };
}

export async function loadState(
  targetDir: string,
  address: string,
  server: string,
  nowIso: string,
): Promise<BackupState> {
  const existing = await readBackupState(backupPaths(targetDir).state);
  if (!existing) return newState(address, server, nowIso);
  if (existing.address.toLowerCase() !== address.toLowerCase()) {
    throw new AppFailure('mail.other-account', 'This folder holds the backup of another address', {
      address: existing.address,
    });
  }
  return existing;
}

/** Folders saved under a directory name other than their own, for the screen to show both. */
export function savedNamesOf(state: BackupState): MailSavedName[] {
  return state.folders
    .filter((g) => g.current && g.dir !== naturalDir(g.name))
    .map((g) => ({ folder: g.name, dir: join('Maildir', g.dir) }));
}

/** The current generation of a folder, a new one on first sight or after a UIDVALIDITY change. */
function generationFor(
  state: BackupState,
  folder: ServerFolder,
  uidValidity: number,
  changes: MailUidValidityChange[],
): { gen: FolderGeneration; created: boolean } {
  const current = state.folders.find((g) => g.path === folder.path && g.current);
  if (current && current.uidValidity === uidValidity) return { gen: current, created: false };
  const taken = new Set(state.folders.map((g) => sameNameKey(g.dir)));
  let dir: string;
  if (current) {
    current.current = false;
    const base = state.folders.find((g) => g.path === folder.path)!.dir;
    dir = generationDir(base, uidValidity);
    changes.push({
      folder: folder.name,
      previous: current.uidValidity,
      current: uidValidity,
      dir: join('Maildir', dir),
    });
  } else {
    dir = folderDir(folder.name, taken);
  }
  const gen: FolderGeneration = {
    path: folder.path,
    name: folder.name,
    uidValidity,
    dir,
    manifest: manifestName(dir, uidValidity),
    current: true,
    completedUidNext: null,
    completedMessages: null,
    completedBytes: null,
  };
  state.folders.push(gen);
  return { gen, created: true };
}

export async function runExport(req: ExportRequest): Promise<ExportOutcome> {
  const started = req.clock.now();
  const tuning = { ...DEFAULT_TUNING, ...req.tuning };
  const paths = backupPaths(req.targetDir);
  const iso = () => new Date(req.clock.now()).toISOString();
  const progress = req.progress;

  await prepareTarget(req.targetDir);
  // Probed in INBOX's tmp/, where a probe file left by a crash is swept like any temp file of ours.
  const probeDir = join(paths.maildir, 'tmp');
  try {
    await mkdir(probeDir, { recursive: true });
  } catch (e) {
    throw toMailFailure(e);
  }
  const separator: InfoSeparator = (await (req.acceptsColon ?? acceptsColon)(probeDir))
    ? ':'
    : PORTABLE_SEPARATOR;
  const serverId = `${req.spec.server.host}:${req.spec.server.port}`;
  const state = await loadState(req.targetDir, req.address, serverId, iso());
  const saveState = async () => {
    state.updatedAt = iso();
    try {
      await writeBackupState(paths.state, state);
    } catch (e) {
      throw toMailFailure(e);
    }
  };

  progress.phase = 'connecting';
  progress.emit(true);
  throwIfCancelled(req.signal);
  let client = await openSession(req.spec, req.appInfo);
  // Cancel interrupts a FETCH in flight by closing the socket; the batch in progress is simply not recorded.
  const onAbort = () => client.close();
  req.signal.addEventListener('abort', onAbort);
  const changes: MailUidValidityChange[] = [];
  const folderFailures: MailFolderFailure[] = [];
  let messages = 0;
  let bytes = 0;
  try {
    progress.phase = 'listing';
    progress.emit(true);
    const folders = await listServerFolders(client);
    const statuses: { folder: ServerFolder; messages: number }[] = [];
    for (const folder of folders) {
      throwIfCancelled(req.signal);
      const st = await client.status(folder.path, { messages: true });
      statuses.push({ folder, messages: (st && st.messages) || 0 });
    }
    progress.foldersTotal = folders.length;
    progress.messagesTotal = statuses.reduce((n, s) => n + s.messages, 0);
    progress.phase = 'exporting';
    state.complete = false;
    let listedBytes = 0;
    let listedMessages = 0;

    const estimate = (folderMessages: number, folderBytes: number) => {
      listedMessages += folderMessages;
      listedBytes += folderBytes;
      const avg = listedMessages ? listedBytes / listedMessages : 0;
      progress.bytesTotal = listedBytes + Math.max(0, progress.messagesTotal - listedMessages) * avg;
    };

    const exportOne = async (folder: ServerFolder): Promise<{ messages: number; bytes: number }> => {
      progress.currentFolder = folder.name;
      progress.phase = 'exporting';
      progress.emit(true);
      const box = await client.mailboxOpen(folder.path, { readOnly: true });
      const uidValidity = Number(box.uidValidity);
      const uidNext = Number(box.uidNext);
      const { gen, created } = generationFor(state, folder, uidValidity, changes);
      if (created) await saveState();
      const result = await exportFolder(
        client,
        {
          path: folder.path,
          name: folder.name,
          uidValidity,
          dir: join(paths.maildir, gen.dir),
          relDir: gen.dir,
          manifestPath: join(paths.manifests, gen.manifest),
          separator,
          nowIso: iso(),
          // Same UIDVALIDITY, nothing added (UIDNEXT), nothing removed (count) since it was completed.
          unchanged:
            gen.completedUidNext === uidNext &&
            gen.completedMessages === box.exists &&
            gen.completedBytes !== null,
        },
        box.exists,
        tuning,
        {
          signal: req.signal,
          onListed: (total, saved) => {
            estimate(total.messages, total.bytes);
            progress.alreadySaved(saved.messages, saved.bytes);
            progress.emit(true);
          },
          onSaved: (n, b) => progress.fetched(n, b),
        },
      );
      gen.completedUidNext = uidNext;
      gen.completedMessages = result.messages;
      gen.completedBytes = result.bytes;
      await saveState();
      return result;
    };

    /** Drops the dead session and opens a new one, waiting before each try; the work saved so far stays. */
    const reconnect = async (
      delays: readonly number[],
      countAttempt: () => number,
      cause: AppFailure,
    ): Promise<ImapFlow> => {
      client.close();
      let last = cause;
      for (;;) {
        const attempt = countAttempt();
        if (attempt >= delays.length) throw last;
        progress.phase = 'reconnecting';
        progress.emit(true);
        await sleep(delays[attempt]!, req.signal);
        throwIfCancelled(req.signal);
        try {
          return await openSession(req.spec, req.appInfo);
        } catch (e) {
          last = toMailFailure(e);
          if (!worthReconnecting(last)) throw last;
        }
      }
    };

    const delays = req.reconnectDelaysMs ?? DEFAULT_RECONNECT_DELAYS_MS;
    let failedAttempts = 0;
    for (let k = 0; k < statuses.length;) {
      const { folder } = statuses[k]!;
      throwIfCancelled(req.signal);
      // What this folder adds to the counters is taken back if a dropped connection makes it start over.
      const before = { done: progress.messagesDone, bytes: progress.bytesDone, listedMessages, listedBytes };
      const fetchedBefore = progress.fetchedTotals.messages;
      try {
        const r = await exportOne(folder);
        messages += r.messages;
        bytes += r.bytes;
        progress.foldersDone++;
        k++;
        failedAttempts = 0;
      } catch (e) {
        const failure = req.signal.aborted
          ? new AppFailure('mail.cancelled', 'The backup was cancelled')
          : (sessionFailure(client) ?? toMailFailure(e));
        if (isFolderLocal(failure)) {
          // This folder cannot be saved here (its name, its directory, or the server refused it):
          // it fails alone, the others are still saved, and the result says which and why.
          folderFailures.push({
            folder: folder.name,
            dir: join('Maildir', state.folders.find((g) => g.path === folder.path && g.current)?.dir ?? ''),
            error: {
              code: failure.code,
              message: failure.message,
              ...(failure.params ? { params: failure.params } : {}),
            },
          });
          progress.foldersDone++;
          k++;
          continue;
        }
        if (progress.fetchedTotals.messages > fetchedBefore) failedAttempts = 0;
        if (!worthReconnecting(failure) || failedAttempts >= delays.length) throw failure;
        progress.messagesDone = before.done;
        progress.bytesDone = before.bytes;
        listedMessages = before.listedMessages;
        listedBytes = before.listedBytes;
        client = await reconnect(delays, () => failedAttempts++, failure);
        progress.phase = 'exporting';
      }
    }
    state.complete = folderFailures.length === 0;
    await saveState();
    progress.currentFolder = null;
    progress.emit(true);
  } catch (e) {
    throw req.signal.aborted
      ? new AppFailure('mail.cancelled', 'The backup was cancelled')
      : (sessionFailure(client) ?? toMailFailure(e));
  } finally {
    req.signal.removeEventListener('abort', onAbort);
    await closeSession(client);
  }
  const fetched = progress.fetchedTotals;
  return {
    folders: progress.foldersTotal,
    messages,
    bytes,
    fetchedMessages: fetched.messages,
    fetchedBytes: fetched.bytes,
    uidValidityChanges: changes,
    folderFailures,
    separator,
    durationMs: req.clock.now() - started,
  };
}
