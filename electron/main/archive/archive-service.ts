/**
 * The mail archive service: one backup open at a time, its index built by a worker (or loaded from
 * the cache in the backup folder), searches kept by id so the renderer can page through them, one
 * export at a time. Nothing here touches the network.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type {
  ArchiveCorrespondent,
  ArchiveExportFinished,
  ArchiveQuery,
  ArchiveRow,
  ArchiveStatus,
} from '../../common/contract/archive';
import { AppFailure, err, ok, type AppError } from '../../common/result';
import type { DesktopAdapter } from '../adapters/types';
import type { Service, ServiceContext } from '../services/context';
import { listMessageFiles, messagePath, openBackup, type Backup, type MessageFile } from './backup';
import {
  dirStamps,
  filesSignature,
  readCache,
  stampsStillValid,
  writeCache,
  type CachedIndex,
} from './cache';
import type { ArchiveEntry } from './entry';
import { safeName, writeExport, type ExportItem } from './export';
import { runIndexer, type IndexRun } from './index-runner';
import { readAttachment, readMessage } from './message';
import { ArchiveIndex, type SerializedIndex } from './search-index';

type ArchiveChannel =
  | 'archive:open'
  | 'archive:status'
  | 'archive:close'
  | 'archive:search'
  | 'archive:rows'
  | 'archive:message'
  | 'archive:save-attachment'
  | 'archive:save-message'
  | 'archive:export'
  | 'archive:cancel-export'
  | 'archive:correspondents';

/** Sent folders by the names NetEase, Dovecot and common clients give them. */
const SENT_NAMES = /^(已发送|已发送邮件|已发邮件|sent|sent messages|sent items|sent mail)$/i;
const KEPT_SEARCHES = 8;

interface OpenArchive {
  backup: Backup;
  status: ArchiveStatus;
  index: ArchiveIndex | null;
  run: IndexRun | null;
  /** Settles when the index can search by words (a cached index reads them after its list). */
  words: Promise<void>;
}

function toRow(id: number, e: ArchiveEntry): ArchiveRow {
  return {
    id,
    folder: e.folder,
    date: e.date,
    fromName: e.fromName,
    fromAddress: e.fromAddress,
    to: e.to,
    subject: e.subject,
    size: e.size,
    seen: e.seen,
    flagged: e.flagged,
    answered: e.answered,
    attachments: e.attachments,
    broken: e.broken,
  };
}

function appError(e: unknown, fallback: AppError['code']): AppError {
  if (e instanceof AppFailure) return { code: e.code, message: e.message };
  return { code: fallback, message: e instanceof Error ? e.message : String(e) };
}

export function createArchiveService(
  ctx: ServiceContext,
  options: {
    desktop?: DesktopAdapter;
    workerPath?: string | undefined;
    /**
     * Whether a folder the page names may be opened: main decides (a folder chosen in the system
     * dialog, or a plan's recorded backup), so a compromised page cannot make main read, index and
     * write a cache into any folder it likes.
     */
    mayOpen: (dir: string) => Promise<boolean>;
    /**
     * Whether an export may be written into a folder the page names: main decides (a folder the
     * person chose in the system dialog for the export), so a compromised page cannot make main
     * write mail into any folder it likes.
     */
    mayExportTo: (dir: string) => Promise<boolean>;
  },
): Service<ArchiveChannel> & { current(): ArchiveIndex | null } {
  let open: OpenArchive | null = null;
  let generation = 0;
  const searches = new Map<string, { generation: number; ids: Uint32Array }>();
  let job: { jobId: string; abort: AbortController } | null = null;

  const emit = () => {
    if (open) ctx.emit('archive:changed', { ...open.status });
  };

  function ready(): { archive: OpenArchive; index: ArchiveIndex } {
    if (!open) throw new AppFailure('archive.not-open', 'No archive is open');
    if (!open.index) throw new AppFailure('archive.indexing', 'The archive is still being indexed');
    return { archive: open, index: open.index };
  }

  function entryOf(id: number): { archive: OpenArchive; entry: ArchiveEntry } {
    const { archive, index } = ready();
    const entry = index.entries.get(id);
    if (!entry) throw new AppFailure('archive.not-found', 'No such message');
    return { archive, entry };
  }

  async function readEntry(archive: OpenArchive, entry: ArchiveEntry): Promise<Uint8Array> {
    try {
      return await readFile(messagePath(archive.backup, entry.file));
    } catch (e) {
      if (e instanceof AppFailure) throw e;
      throw new AppFailure('archive.not-found', 'The message file cannot be read');
    }
  }

  function install(archive: OpenArchive, index: ArchiveIndex, fromCache: boolean): void {
    const counts = archive.backup.folders.map(() => ({ messages: 0, unread: 0 }));
    let broken = 0;
    const t = index.entries;
    for (let id = 0; id < t.count; id++) {
      const c = counts[t.folder(id)];
      if (c) {
        c.messages++;
        if (!t.seen(id)) c.unread++;
      }
      if (t.broken(id)) broken++;
    }
    archive.index = index;
    archive.run = null;
    archive.status = {
      ...archive.status,
      state: 'ready',
      progress: null,
      generation: ++generation,
      folders: archive.backup.folders.map((f, i) => ({
        id: f.id,
        name: f.name,
        current: f.current,
        uidValidity: f.uidValidity,
        messages: counts[i]!.messages,
        unread: counts[i]!.unread,
      })),
      messages: index.entries.count,
      broken,
      fromCache,
      error: null,
    };
    searches.clear();
  }

  /**
   * Shows a cached index's list at once and reads its words behind it (searching by words waits
   * for them); a cache whose words cannot be read is built again.
   */
  function installCached(
    archive: OpenArchive,
    cached: CachedIndex,
    afterWords?: (index: SerializedIndex) => Promise<void>,
  ): void {
    const index = new ArchiveIndex(cached.table, cached.byDate, null);
    install(archive, index, true);
    emit();
    archive.words = cached.words().then(async (fields) => {
      if (open !== archive) throw new AppFailure('archive.not-open', 'The archive was closed');
      if (!fields) {
        archive.index = null;
        archive.status = { ...archive.status, state: 'indexing', fromCache: false };
        emit();
        void load(archive, false);
        throw new AppFailure('archive.indexing', 'The archive is being indexed again');
      }
      index.setFields(fields);
      await afterWords?.({ table: cached.table, byDate: index.byDate, fields });
    });
    archive.words.catch(() => undefined);
  }

  async function load(archive: OpenArchive, useCache = true): Promise<void> {
    try {
      const root = archive.backup.root;
      const [stamps, cached] = await Promise.all([
        dirStamps(archive.backup),
        useCache ? readCache(root) : null,
      ]);
      if (open !== archive) return;
      if (cached && stampsStillValid(cached, stamps)) {
        installCached(archive, cached);
        return;
      }
      let files: MessageFile[] | null = await listMessageFiles(archive.backup);
      if (open !== archive) return;
      const signature = filesSignature(files);
      if (cached && cached.signature === signature) {
        // Same files (a directory was only touched): keep the index, remember the new times.
        installCached(archive, cached, (index) => writeCache(root, { signature, stamps: stamps.key, index }));
        return;
      }
      archive.status = { ...archive.status, progress: { done: 0, total: files.length } };
      emit();
      const input = {
        maildir: archive.backup.maildir,
        folders: Uint32Array.from(files, (f) => f.folder),
        paths: files.map((f) => `${f.path}\u0000`).join(''),
        cache: { root, signature, stamps: stamps.key },
      };
      // Two columns go to the worker; the 100k listed objects are let go while it runs.
      files = null;
      const run = runIndexer(
        // The worker writes the cache before handing the index over, so main never holds a second
        // copy of it (the serialized one) beside the live one.
        input,
        options.workerPath,
        (done, total) => {
          if (open !== archive) return;
          archive.status = { ...archive.status, progress: { done, total } };
          emit();
        },
      );
      archive.run = run;
      const data = await run.done;
      if (open !== archive) return;
      install(archive, ArchiveIndex.of(data), false);
      archive.words = Promise.resolve();
      emit();
    } catch (e) {
      if (open !== archive) return;
      archive.run = null;
      archive.status = {
        ...archive.status,
        state: 'failed',
        progress: null,
        error: appError(e, 'archive.io'),
      };
      emit();
    }
  }

  function closeCurrent(): void {
    open?.run?.cancel();
    open = null;
    searches.clear();
  }

  return {
    current: () => open?.index ?? null,
    close() {
      job?.abort.abort();
      closeCurrent();
    },
    handlers: {
      'archive:open': async ({ dir }) => {
        if (!(await options.mayOpen(dir)))
          return err('archive.unknown-folder', 'Only a chosen or recorded backup folder can be opened');
        const backup = await openBackup(dir);
        closeCurrent();
        const archive: OpenArchive = {
          backup,
          index: null,
          run: null,
          words: Promise.resolve(),
          status: {
            dir: backup.root,
            address: backup.address,
            state: 'indexing',
            progress: null,
            generation,
            folders: backup.folders.map((f) => ({
              id: f.id,
              name: f.name,
              current: f.current,
              uidValidity: f.uidValidity,
              messages: 0,
              unread: 0,
            })),
            messages: 0,
            broken: 0,
            fromCache: false,
            error: null,
          },
        };
        open = archive;
        void load(archive);
        return ok({ ...archive.status });
      },
      'archive:status': () => ok(open ? { ...open.status } : null),
      'archive:close': () => {
        closeCurrent();
        return ok();
      },
      'archive:search': async ({ query, limit }) => {
        if (query.text?.trim() && !ready().index.searchable) await ready().archive.words;
        const { index } = ready();
        const started = performance.now();
        const ids = index.search(toIndexQuery(query));
        const tookMs = performance.now() - started;
        const searchId = `${generation}:${randomUUID()}`;
        searches.set(searchId, { generation, ids });
        while (searches.size > KEPT_SEARCHES) searches.delete(searches.keys().next().value!);
        const rows = Array.from(ids.subarray(0, limit), (id) => toRow(id, index.entries.get(id)!));
        return ok({ searchId, total: ids.length, rows, tookMs });
      },
      'archive:rows': ({ searchId, offset, limit }) => {
        const { index } = ready();
        const s = searches.get(searchId);
        if (!s || s.generation !== generation)
          return err('archive.stale-search', 'That search is no longer current');
        return ok(
          Array.from(s.ids.subarray(offset, offset + limit), (id) => toRow(id, index.entries.get(id)!)),
        );
      },
      'archive:message': async ({ id }) => {
        const { archive, entry } = entryOf(id);
        return ok(await readMessage(id, entry, await readEntry(archive, entry)));
      },
      'archive:save-attachment': async ({ id, index }) => {
        const { archive, entry } = entryOf(id);
        if (!options.desktop) return err('ipc.unavailable', 'No save dialog here');
        const found = await readAttachment(await readEntry(archive, entry), index);
        if (!found) return err('archive.not-found', 'No such attachment');
        try {
          return ok({
            path: await options.desktop.saveFile(
              { defaultName: found.filename, kind: 'attachment' },
              found.bytes,
            ),
          });
        } catch {
          return err('archive.write-failed', 'The attachment could not be saved');
        }
      },
      'archive:save-message': async ({ id }) => {
        const { archive, entry } = entryOf(id);
        if (!options.desktop) return err('ipc.unavailable', 'No save dialog here');
        const data = await readEntry(archive, entry);
        const name = `${safeName(entry.subject || 'message', 60)}.eml`;
        try {
          return ok({ path: await options.desktop.saveFile({ defaultName: name, kind: 'eml' }, data) });
        } catch {
          return err('archive.write-failed', 'The message could not be saved');
        }
      },
      'archive:export': async ({ scope, format, targetDir }) => {
        if (!(await options.mayExportTo(targetDir)))
          return err('archive.unknown-target', 'Only a folder chosen in the dialog can receive an export');
        const { archive, index } = ready();
        if (job) return err('archive.busy', 'An export is already running');
        let ids: Uint32Array;
        if (scope.kind === 'search') {
          const s = searches.get(scope.searchId);
          if (!s || s.generation !== generation)
            return err('archive.stale-search', 'That search is no longer current');
          ids = s.ids;
        } else {
          ids = index.search(scope.kind === 'folder' ? { folders: [scope.folder] } : {});
        }
        // Oldest first inside each folder, as mail programs list an imported mailbox.
        const items: ExportItem[] = [...ids].reverse().map((id) => {
          const entry = index.entries.get(id)!;
          return {
            entry,
            path: messagePath(archive.backup, entry.file),
            folderName: archive.backup.folders[entry.folder]?.name ?? 'INBOX',
          };
        });
        const jobId = randomUUID();
        const abort = new AbortController();
        job = { jobId, abort };
        const stamp = new Date(ctx.clock.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
        const outDir = join(
          resolve(targetDir),
          safeName(`Closeout ${archive.backup.address} ${format} ${stamp}`, 120),
        );
        const finish = (f: ArchiveExportFinished) => {
          job = null;
          ctx.emit('archive:export-finished', f);
        };
        writeExport({
          items,
          format,
          outDir,
          signal: abort.signal,
          onProgress: (done, total) => ctx.emit('archive:export-progress', { jobId, done, total }),
        }).then(
          () => finish({ jobId, outcome: 'completed', path: outDir, messages: items.length, error: null }),
          (e: unknown) => {
            const error = appError(e, 'archive.write-failed');
            finish({
              jobId,
              outcome: error.code === 'archive.cancelled' ? 'cancelled' : 'failed',
              path: null,
              messages: 0,
              error,
            });
          },
        );
        return ok({ jobId, messages: items.length });
      },
      'archive:cancel-export': () => {
        if (!job) return ok({ cancelling: false });
        job.abort.abort();
        return ok({ cancelling: true });
      },
      'archive:correspondents': () => {
        const { archive, index } = ready();
        const sent = new Set(
          archive.backup.folders
            .filter((f) => SENT_NAMES.test(f.name.split('/').pop() ?? ''))
            .map((f) => f.id),
        );
        const own = archive.backup.address.toLowerCase();
        const people = new Map<string, ArchiveCorrespondent>();
        for (const e of index.entries) {
          if (!sent.has(e.folder) || e.broken) continue;
          const names = e.to.split(', ');
          e.toAddresses.forEach((address, i) => {
            if (address === own) return;
            const p = people.get(address) ?? { address, name: '', messages: 0, last: 0 };
            p.messages++;
            p.last = Math.max(p.last, e.date);
            const display = names[i] ?? '';
            const m = /^(.*) <[^>]*>$/.exec(display);
            if (!p.name && m?.[1]) p.name = m[1];
            people.set(address, p);
          });
        }
        return ok(
          [...people.values()].sort((a, b) => b.messages - a.messages || b.last - a.last).slice(0, 500),
        );
      },
    },
  };
}

function toIndexQuery(q: ArchiveQuery) {
  return {
    ...(q.text !== undefined ? { text: q.text } : {}),
    ...(q.field !== undefined ? { field: q.field } : {}),
    ...(q.folders !== undefined ? { folders: q.folders } : {}),
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
    ...(q.hasAttachment !== undefined ? { hasAttachment: q.hasAttachment } : {}),
  };
}
