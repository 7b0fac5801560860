import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { api, on } from '../api';
import type {
  ArchiveCorrespondent,
  ArchiveExportFinished,
  ArchiveExportFormat,
  ArchiveExportProgress,
  ArchiveMessage,
  ArchiveQuery,
  ArchiveRow,
  ArchiveStatus,
} from '@common/contract/archive';
import type { AppError, Result } from '@common/result';

export const PAGE_SIZE = 200;

export type ExportScope = { kind: 'all' } | { kind: 'folder'; folder: number } | { kind: 'search' };

/**
 * The mail archive as the screen sees it. Main holds the index; this store keeps the current
 * search's id and total and the pages of rows the list has scrolled to (never all 100k rows),
 * and one open message. Attachment bytes never come here: main saves them.
 */
export const useArchiveStore = defineStore('archive', () => {
  const status = ref<ArchiveStatus | null>(null);
  const error = ref<AppError | null>(null);
  const opening = ref(false);

  const query = ref<ArchiveQuery>({});
  const searchId = ref<string | null>(null);
  const total = ref(0);
  const tookMs = ref(0);
  const searching = ref(false);
  /** Pages of the current search by page number; replaced (not mutated) so the list re-renders. */
  const pages = shallowRef<Map<number, ArchiveRow[]>>(new Map());
  const loadingPages = new Set<number>();

  const selectedId = ref<number | null>(null);
  const message = shallowRef<ArchiveMessage | null>(null);
  const messageError = ref<AppError | null>(null);
  const loadingMessage = ref(false);
  const saveNotice = ref<string | null>(null);

  const exportJob = ref<{ jobId: string; total: number } | null>(null);
  const exportProgress = ref<ArchiveExportProgress | null>(null);
  const exportFinished = ref<ArchiveExportFinished | null>(null);
  const exportError = ref<AppError | null>(null);

  const correspondents = ref<ArchiveCorrespondent[] | null>(null);

  let unsubscribe: (() => void)[] = [];
  let searchSeq = 0;

  const ready = computed(() => status.value?.state === 'ready');

  function listen(): void {
    if (unsubscribe.length) return;
    unsubscribe = [
      on('archive:changed', (s) => {
        const wasGeneration = status.value?.generation;
        status.value = s;
        if (s.state === 'ready' && s.generation !== wasGeneration) void search();
      }),
      on('archive:export-progress', (p) => {
        if (exportJob.value?.jobId === p.jobId) exportProgress.value = p;
      }),
      on('archive:export-finished', (f) => {
        if (exportJob.value?.jobId !== f.jobId) return;
        exportFinished.value = f;
        exportJob.value = null;
        exportProgress.value = null;
      }),
    ];
  }

  async function refresh(): Promise<void> {
    listen();
    const r = await api.archive.status();
    if (r.ok) {
      status.value = r.value;
      if (r.value?.state === 'ready' && !searchId.value) await search();
    }
  }

  async function open(dir: string): Promise<boolean> {
    listen();
    opening.value = true;
    try {
      const r = await api.archive.open({ dir });
      error.value = r.ok ? null : r.error;
      if (!r.ok) return false;
      status.value = r.value;
      query.value = {};
      searchId.value = null;
      total.value = 0;
      pages.value = new Map();
      selectedId.value = null;
      message.value = null;
      correspondents.value = null;
      exportFinished.value = null;
      if (r.value.state === 'ready') await search();
      return true;
    } finally {
      opening.value = false;
    }
  }

  async function close(): Promise<void> {
    await api.archive.close();
    status.value = null;
    searchId.value = null;
    pages.value = new Map();
    selectedId.value = null;
    message.value = null;
  }

  /** Runs the current query; a slower answer to an older query is dropped. */
  async function search(next?: ArchiveQuery): Promise<void> {
    if (next) query.value = next;
    if (!ready.value) return;
    const seq = ++searchSeq;
    searching.value = true;
    const r = await api.archive.search({ query: query.value, limit: PAGE_SIZE });
    if (seq !== searchSeq) return;
    searching.value = false;
    error.value = r.ok ? null : r.error;
    if (!r.ok) return;
    searchId.value = r.value.searchId;
    total.value = r.value.total;
    tookMs.value = r.value.tookMs;
    loadingPages.clear();
    pages.value = new Map([[0, r.value.rows]]);
  }

  function rowAt(index: number): ArchiveRow | null {
    return pages.value.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] ?? null;
  }

  /** Loads the pages covering rows [from, to) that are not here yet. */
  async function ensureRows(from: number, to: number): Promise<void> {
    const id = searchId.value;
    if (!id) return;
    for (let page = Math.floor(from / PAGE_SIZE); page * PAGE_SIZE < Math.min(to, total.value); page++) {
      if (pages.value.has(page) || loadingPages.has(page)) continue;
      loadingPages.add(page);
      const r = await api.archive.rows({ searchId: id, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      loadingPages.delete(page);
      if (searchId.value !== id) return;
      if (!r.ok) {
        error.value = r.error;
        if (r.error.code === 'archive.stale-search') await search();
        return;
      }
      const next = new Map(pages.value);
      next.set(page, r.value);
      pages.value = next;
    }
  }

  async function select(id: number): Promise<void> {
    selectedId.value = id;
    saveNotice.value = null;
    loadingMessage.value = true;
    const r = await api.archive.message({ id });
    if (selectedId.value !== id) return;
    loadingMessage.value = false;
    messageError.value = r.ok ? null : r.error;
    message.value = r.ok ? r.value : null;
  }

  async function saveAttachment(index: number): Promise<Result<{ path: string | null }>> {
    if (selectedId.value === null)
      return { ok: false, error: { code: 'archive.not-found', message: 'No message open' } };
    const r = await api.archive.saveAttachment({ id: selectedId.value, index });
    messageError.value = r.ok ? null : r.error;
    saveNotice.value = r.ok ? r.value.path : null;
    return r;
  }

  async function saveMessage(): Promise<Result<{ path: string | null }>> {
    if (selectedId.value === null)
      return { ok: false, error: { code: 'archive.not-found', message: 'No message open' } };
    const r = await api.archive.saveMessage({ id: selectedId.value });
    messageError.value = r.ok ? null : r.error;
    saveNotice.value = r.ok ? r.value.path : null;
    return r;
  }

  async function startExport(
    scope: ExportScope,
    format: ArchiveExportFormat,
    targetDir: string,
  ): Promise<boolean> {
    exportFinished.value = null;
    const s =
      scope.kind === 'search'
        ? searchId.value
          ? { kind: 'search' as const, searchId: searchId.value }
          : null
        : scope;
    if (!s) return false;
    const r = await api.archive.export({ scope: s, format, targetDir });
    exportError.value = r.ok ? null : r.error;
    if (!r.ok) return false;
    exportJob.value = { jobId: r.value.jobId, total: r.value.messages };
    exportProgress.value = { jobId: r.value.jobId, done: 0, total: r.value.messages };
    return true;
  }

  async function cancelExport(): Promise<void> {
    await api.archive.cancelExport();
  }

  async function loadCorrespondents(): Promise<void> {
    const r = await api.archive.correspondents();
    error.value = r.ok ? null : r.error;
    if (r.ok) correspondents.value = r.value;
  }

  return {
    status,
    error,
    opening,
    ready,
    query,
    searchId,
    total,
    tookMs,
    searching,
    pages,
    selectedId,
    message,
    messageError,
    loadingMessage,
    saveNotice,
    exportJob,
    exportProgress,
    exportFinished,
    exportError,
    correspondents,
    refresh,
    open,
    close,
    search,
    rowAt,
    ensureRows,
    select,
    saveAttachment,
    saveMessage,
    startExport,
    cancelExport,
    loadCorrespondents,
  };
});
