import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, on } from '../api';
import type { DiscoveryProgress, DiscoveryResults, DiscoverySource } from '@common/contract/discovery';
import type { AppError, Result } from '@common/result';

/**
 * The review list of one plan's last scan. Main keeps the results (they include subjects) in
 * memory only; this store mirrors them for the screen and never persists them.
 */
export const useDiscoveryStore = defineStore('discovery', () => {
  const results = ref<DiscoveryResults | null>(null);
  const progress = ref<DiscoveryProgress | null>(null);
  const scanning = ref(false);
  const error = ref<AppError | null>(null);
  /** Finding ids with an add in flight, so a double click cannot send two. */
  const adding = ref(new Set<string>());
  let unsubscribe: (() => void) | null = null;

  function listen(): void {
    unsubscribe ??= on('discovery:progress', (p) => {
      progress.value = p;
    });
  }

  async function load(planId: string): Promise<void> {
    listen();
    const r = await api.discovery.results({ planId });
    if (r.ok) results.value = r.value;
    else error.value = r.error;
  }

  async function scan(planId: string, source: DiscoverySource): Promise<Result<DiscoveryResults>> {
    listen();
    scanning.value = true;
    error.value = null;
    progress.value = null;
    const r = await api.discovery.scan({ planId, source });
    scanning.value = false;
    progress.value = null;
    if (r.ok) results.value = r.value;
    else error.value = r.error;
    return r;
  }

  async function cancel(planId: string): Promise<void> {
    const r = await api.discovery.cancel({ planId });
    if (!r.ok) error.value = r.error;
  }

  async function add(planId: string, findingId: string, as: 'service' | 'site'): Promise<boolean> {
    if (adding.value.has(findingId)) return false;
    adding.value = new Set(adding.value).add(findingId);
    const r = await api.discovery.add({ planId, findingId, as });
    const next = new Set(adding.value);
    next.delete(findingId);
    adding.value = next;
    if (!r.ok) {
      error.value = r.error;
      return false;
    }
    error.value = null;
    if (results.value) {
      results.value = {
        ...results.value,
        findings: results.value.findings.map((f) =>
          f.id === findingId ? { ...f, inPlan: r.value.link } : f,
        ),
      };
    }
    return true;
  }

  function dispose(): void {
    unsubscribe?.();
    unsubscribe = null;
  }

  return { results, progress, scanning, error, adding, load, scan, cancel, add, dispose };
});
