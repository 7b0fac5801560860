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
import {
  DEFAULT_TUNING,
  diskFingerprint,
  openFolderJob,
  throwIfCancelled,
  type ExportTuning,
  type FolderJob,
} from './folder-export';
import { FileWriter } from './file-writer';
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
import { isFolderLocal, isTransient, toRunFailure, toMailFailure } from './mail-errors';
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
  /**
   * Most IMAP connections at once (default 3, which NetEase tolerates): folders are exported in
   * parallel, and a large folder is shared by connections that have nothing else left.
   */
  connections?: number;
}

export const DEFAULT_CONNECTIONS = 3;

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
  /** With `withStatus`: the folder's STATUS, when the server gave it. */
  status?: { messages: number; uidNext: number; uidValidity: number };
}

/**
 * Selectable folders, INBOX first, names with `/` between levels. `withStatus` asks for each
 * folder's counts in the same LIST where the server can (LIST-STATUS, RFC 5819: one round trip
 * instead of one per folder); imapflow falls back to STATUS per folder where it cannot.
 */
export async function listServerFolders(client: ImapFlow, withStatus = false): Promise<ServerFolder[]> {
  const list: ListResponse[] = await client.list(
    withStatus ? { statusQuery: { messages: true, uidNext: true, uidValidity: true } } : undefined,
  );
  return list
    .filter((m) => !m.flags.has('\\Noselect') && !m.flags.has('\\NonExistent'))
    .map((m) => {
      const st = m.status;
      const status =
        st && typeof st.messages === 'number' && st.uidNext !== undefined && st.uidValidity !== undefined
          ? { messages: st.messages, uidNext: Number(st.uidNext), uidValidity: Number(st.uidValidity) }
          : undefined;
      return {
        path: m.path,
        name: m.delimiter && m.delimiter !== '/' ? m.path.split(m.delimiter).join('/') : m.path,
        specialUse: m.specialUse ?? null,
        ...(status ? { status } : {}),
      };
    })
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
    completedDisk: null,
  };
  state.folders.push(gen);
  return { gen, created: true };
}

/** One folder being exported in this round, and what it added to the progress counters. */
interface ActiveFolder {
  folder: ServerFolder;
  gen: FolderGeneration;
  uidNext: number;
  job: FolderJob | null;
  /** Connections working on it (or about to). */
  lanes: number;
  closed: boolean;
  added: { messages: number; bytes: number };
  listed: { messages: number; bytes: number };
}

export async function runExport(req: ExportRequest): Promise<ExportOutcome> {
  const started = req.clock.now();
  const tuning = { ...DEFAULT_TUNING, ...req.tuning };
  const paths = backupPaths(req.targetDir);
  const iso = () => new Date(req.clock.now()).toISOString();
  const progress = req.progress;
  const connections = Math.max(1, Math.floor(req.connections ?? DEFAULT_CONNECTIONS));

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
  // The disk side of the fast path below (a directory listing per folder completed before) needs
  // no server: it runs while the connection is set up (TLS, LOGIN, LIST), not after it. Taken after
  // the ':' probe above, whose file in INBOX's tmp/ would otherwise count as a change.
  const fingerprints = new Map<FolderGeneration, Promise<string | null>>();
  for (const gen of state.folders) {
    if (!gen.current || !gen.completedDisk) continue;
    const disk = diskFingerprint(join(paths.maildir, gen.dir), join(paths.manifests, gen.manifest));
    fingerprints.set(
      gen,
      disk.catch(() => null),
    );
  }
  // Folders finish on several connections at once: one write of the state file at a time.
  let stateWrites: Promise<void> = Promise.resolve();
  const saveState = (): Promise<void> => {
    const write = stateWrites.then(async () => {
      state.updatedAt = iso();
      try {
        await writeBackupState(paths.state, state);
      } catch (e) {
        throw toMailFailure(e);
      }
    });
    stateWrites = write.catch(() => {});
    return write;
  };

  progress.phase = 'connecting';
  progress.emit(true);
  throwIfCancelled(req.signal);
  // A backup not known to be complete (the first run, or one cut short) has something to fetch:
  // its extra connections are opened alongside the first instead of after the LIST, so on a
  // distant server their handshakes overlap. The rerun of a complete backup opens one.
  const early: Promise<ImapFlow | null>[] =
    !state.complete && connections > 1
      ? Array.from({ length: connections - 1 }, () => openSession(req.spec, req.appInfo).catch(() => null))
      : [];
  const closeEarly = () =>
    Promise.all(early.splice(0).map((p) => p.then((c) => (c ? closeSession(c) : undefined))));
  let client: ImapFlow;
  try {
    client = await openSession(req.spec, req.appInfo);
  } catch (e) {
    await closeEarly();
    throw e;
  }
  // Every open session; cancel interrupts a FETCH in flight by closing the sockets, and the
  // batches in progress are simply not recorded.
  const live = new Set<ImapFlow>([client]);
  const onAbort = () => {
    for (const c of live) c.close();
  };
  req.signal.addEventListener('abort', onAbort);
  // Started at the first window to write: a rerun with nothing to fetch never starts it.
  const writer = new FileWriter();
  const changes: MailUidValidityChange[] = [];
  const folderFailures: MailFolderFailure[] = [];
  let messages = 0;
  let bytes = 0;
  try {
    progress.phase = 'listing';
    progress.emit(true);
    const folders = await listServerFolders(client, true);
    const statuses: { folder: ServerFolder; messages: number; changed: boolean }[] = [];
    for (const folder of folders) {
      throwIfCancelled(req.signal);
      const st =
        folder.status ??
        ((await client.status(folder.path, { messages: true, uidNext: true, uidValidity: true })) ||
          undefined);
      const count = st?.messages ?? 0;
      const gen = state.folders.find((g) => g.path === folder.path && g.current);
      const now = st;
      const changed = !(
        gen &&
        gen.completedBytes !== null &&
        gen.completedMessages === count &&
        gen.completedUidNext === Number(now?.uidNext) &&
        gen.uidValidity === Number(now?.uidValidity)
      );
      statuses.push({ folder, messages: count, changed });
    }
    progress.foldersTotal = folders.length;
    progress.messagesTotal = statuses.reduce((n, s) => n + s.messages, 0);
    progress.phase = 'exporting';
    state.complete = false;
    let listedBytes = 0;
    let listedMessages = 0;
    const finished = new Set<string>();
    // A folder the server reports unchanged since it was completed, whose files and manifest on
    // disk are as they were then (same names, same manifest length), is done without opening it:
    // resuming a complete backup costs the LIST above and a directory listing per folder. Anything
    // else (a file renamed or deleted, a temp file left behind) takes the full path below, which
    // reconciles the disk with the manifest and fetches what is missing.
    for (const s of statuses) {
      if (s.changed) continue;
      const gen = state.folders.find((g) => g.path === s.folder.path && g.current)!;
      if (!gen.completedDisk) continue;
      const disk = await fingerprints.get(gen);
      if (disk !== gen.completedDisk) continue;
      const m = gen.completedMessages ?? 0;
      const b = gen.completedBytes ?? 0;
      listedMessages += m;
      listedBytes += b;
      progress.alreadySaved(m, b);
      messages += m;
      bytes += b;
      finished.add(s.folder.path);
      progress.foldersDone++;
    }
    progress.bytesTotal = listedBytes;
    // Extra connections only where there is something to fetch: resuming a complete backup
    // needs one.
    const extraLanes = statuses.some((s) => s.changed) ? connections - 1 : 0;
    if (extraLanes === 0) await closeEarly();
    // Largest first, so the folder that takes longest starts first (INBOX first among equals).
    const order = statuses
      .map((s, k) => ({ ...s, k }))
      .sort((a, b) => b.messages - a.messages || a.k - b.k)
      .map((s) => s.folder);

    const failFolder = (folder: ServerFolder, failure: AppFailure) => {
      // This folder cannot be saved here (its name, its directory, or the server refused it):
      // it fails alone, the others are still saved, and the result says which and why.
      if (finished.has(folder.path)) return;
      finished.add(folder.path);
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
    };

    /**
     * Exports every folder not finished yet over `first` plus up to `extra` new connections.
     * Each connection starts the next folder not started; with none left, it joins the folder
     * with the most left to fetch. Returns the failure that ended the round early, if any, once
     * every connection has stopped.
     */
    const round = async (first: ImapFlow, extra: number): Promise<AppFailure | null> => {
      const queue = order.filter((f) => !finished.has(f.path));
      const active: ActiveFolder[] = [];
      let failure: AppFailure | null = null;
      const fail = (f: AppFailure) => {
        if (failure) return;
        failure = f;
        // The other connections stop at once; what they committed stays valid.
        for (const c of live) c.close();
      };
      const failureOf = (e: unknown, c: ImapFlow): AppFailure =>
        req.signal.aborted
          ? new AppFailure('mail.cancelled', 'The backup was cancelled')
          : (sessionFailure(c) ?? toRunFailure(e, c.usable));

      /** The last connection to leave a folder finishes it. */
      const leave = async (a: ActiveFolder) => {
        a.lanes--;
        if (a.lanes > 0 || a.closed || !a.job) return;
        if (failure) return; // closed after the round
        a.closed = true;
        if (a.job.failed) {
          await a.job.close();
          return;
        }
        const result = await a.job.finish();
        a.gen.completedUidNext = a.uidNext;
        a.gen.completedMessages = result.messages;
        a.gen.completedBytes = result.bytes;
        a.gen.completedDisk = await diskFingerprint(
          join(paths.maildir, a.gen.dir),
          join(paths.manifests, a.gen.manifest),
        ).catch(() => null);
        await saveState();
        messages += result.messages;
        bytes += result.bytes;
        finished.add(a.folder.path);
        progress.foldersDone++;
      };

      /**
       * Runs `work` on folder `a`, then leaves it. A failure of this folder alone fails it and lets
       * the connection go on; any other failure ends the round before the folder can be finished.
       */
      const within = async (a: ActiveFolder, c: ImapFlow, work: () => Promise<void>) => {
        let left = false;
        try {
          await work();
          left = true;
          await leave(a);
        } catch (e) {
          const f = e instanceof AppFailure ? e : failureOf(e, c);
          if (failure || !isFolderLocal(f)) {
            fail(f);
            if (!left) await leave(a).catch(() => {});
            throw f;
          }
          if (a.job) a.job.failed = true;
          failFolder(a.folder, f);
          if (!left) await leave(a).catch(() => {});
          else if (a.job) await a.job.close().catch(() => {});
        }
      };

      const start = async (c: ImapFlow, folder: ServerFolder) => {
        progress.currentFolder = folder.name;
        progress.phase = 'exporting';
        progress.emit(true);
        const a: ActiveFolder = {
          folder,
          gen: null as unknown as FolderGeneration,
          uidNext: 0,
          job: null,
          lanes: 1,
          closed: false,
          added: { messages: 0, bytes: 0 },
          listed: { messages: 0, bytes: 0 },
        };
        active.push(a);
        await within(a, c, async () => {
          const box = await c.mailboxOpen(folder.path, { readOnly: true });
          const uidValidity = Number(box.uidValidity);
          a.uidNext = Number(box.uidNext);
          const { gen, created } = generationFor(state, folder, uidValidity, changes);
          a.gen = gen;
          if (created) await saveState();
          a.job = await openFolderJob(
            c,
            {
              path: folder.path,
              name: folder.name,
              uidValidity,
              dir: join(paths.maildir, gen.dir),
              relDir: gen.dir,
              manifestPath: join(paths.manifests, gen.manifest),
              separator,
              nowIso: iso(),
              syncPath: paths.maildir,
              // Same UIDVALIDITY, nothing added (UIDNEXT), nothing removed (count) since it was completed.
              unchanged:
                gen.completedUidNext === a.uidNext &&
                gen.completedMessages === box.exists &&
                gen.completedBytes !== null,
            },
            box.exists,
            tuning,
            {
              signal: req.signal,
              writer,
              onListed: (total, saved) => {
                listedMessages += total.messages;
                listedBytes += total.bytes;
                a.listed.messages += total.messages;
                a.listed.bytes += total.bytes;
                const avg = listedMessages ? listedBytes / listedMessages : 0;
                progress.bytesTotal =
                  listedBytes + Math.max(0, progress.messagesTotal - listedMessages) * avg;
                progress.alreadySaved(saved.messages, saved.bytes);
                a.added.messages += saved.messages;
                a.added.bytes += saved.bytes;
                progress.emit(true);
              },
              onSaved: (n, b) => {
                a.added.messages += n;
                a.added.bytes += b;
                progress.fetched(n, b);
              },
            },
          );
          await a.job.run(c);
        });
      };

      const join_ = async (c: ImapFlow, a: ActiveFolder) => {
        a.lanes++;
        await within(a, c, async () => {
          const box = await c.mailboxOpen(a.folder.path, { readOnly: true });
          // Renumbered meanwhile: the round starts over, and the next one sees the new numbers.
          // (Leaving quietly could let this connection, the last one in, finish it unfetched.)
          if (Number(box.uidValidity) !== a.gen.uidValidity)
            throw new AppFailure('mail.connection-lost', 'The folder was renumbered during the backup');
          await a.job!.run(c);
        });
      };

      const lane = async (c: ImapFlow): Promise<void> => {
        try {
          while (!failure) {
            throwIfCancelled(req.signal);
            const folder = queue.shift();
            if (folder) {
              await start(c, folder);
              continue;
            }
            // A folder is worth joining when at least two windows are left for this connection.
            let best: ActiveFolder | null = null;
            for (const a of active) {
              if (a.closed || !a.job || a.job.remainingWindows < 2) continue;
              if (!best || a.job.remainingWindows > best.job!.remainingWindows) best = a;
            }
            if (!best) return;
            await join_(c, best);
          }
        } catch (e) {
          fail(e instanceof AppFailure ? e : failureOf(e, c));
        }
      };

      const extraLane = async (): Promise<void> => {
        let c: ImapFlow;
        const opened = early.shift();
        try {
          const pre = opened ? await opened : null;
          // One opened early that the server refused is not tried again in this round.
          if (opened && !pre) return;
          c = pre ?? (await openSession(req.spec, req.appInfo));
        } catch {
          // The server may limit connections per account: the others carry on without this one.
          return;
        }
        if (failure || req.signal.aborted) {
          c.close();
          return;
        }
        live.add(c);
        try {
          await lane(c);
        } finally {
          live.delete(c);
          await closeSession(c);
        }
      };

      await Promise.all([lane(first), ...Array.from({ length: extra }, extraLane)]);
      if (failure) {
        for (const a of active) {
          if (finished.has(a.folder.path)) continue;
          // What this folder added to the counters is taken back: it starts over next round.
          progress.messagesDone -= a.added.messages;
          progress.bytesDone -= a.added.bytes;
          listedMessages -= a.listed.messages;
          listedBytes -= a.listed.bytes;
          if (!a.closed) {
            a.closed = true;
            await a.job?.close().catch(() => {});
          }
        }
      }
      return failure;
    };

    /** Drops the dead session and opens a new one, waiting before each try; the work saved so far stays. */
    const reconnect = async (
      delays: readonly number[],
      countAttempt: () => number,
      cause: AppFailure,
    ): Promise<ImapFlow> => {
      client.close();
      live.delete(client);
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
    for (;;) {
      throwIfCancelled(req.signal);
      const fetchedBefore = progress.fetchedTotals.messages;
      const failure = await round(client, extraLanes);
      if (!failure) break;
      if (req.signal.aborted) throw new AppFailure('mail.cancelled', 'The backup was cancelled');
      if (progress.fetchedTotals.messages > fetchedBefore) failedAttempts = 0;
      if (!worthReconnecting(failure) || failedAttempts >= delays.length) throw failure;
      client = await reconnect(delays, () => failedAttempts++, failure);
      live.add(client);
      progress.phase = 'exporting';
    }
    state.complete = folderFailures.length === 0;
    await saveState();
    progress.currentFolder = null;
    progress.emit(true);
  } catch (e) {
    throw req.signal.aborted
      ? new AppFailure('mail.cancelled', 'The backup was cancelled')
      : e instanceof AppFailure
        ? e
        : (sessionFailure(client) ?? toRunFailure(e, client.usable));
  } finally {
    req.signal.removeEventListener('abort', onAbort);
    await closeEarly();
    await closeSession(client);
    await writer.close();
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
