import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api';
import type { SavedFile, TransferImported, TransferPreview } from '@common/contract/transfer';
import type { ImportMode } from '@common/transfer/merge';
import type { Result } from '@common/result';

export type ExportScope = { kind: 'vault' } | { kind: 'plan'; planId: string };
export type ReportFile = { format: 'markdown'; content: string } | { format: 'pdf'; html: string };

/**
 * Export, import and report saving. Passphrases pass through the arguments only and are never
 * kept here; the store remembers what the screens show afterwards (where a file went, the last
 * import's counts) so they survive a tab switch.
 */
export const useTransferStore = defineStore('transfer', () => {
  const lastExport = ref<SavedFile | null>(null);
  const lastImport = ref<TransferImported | null>(null);
  const lastReport = ref<SavedFile | null>(null);

  async function exportFile(scope: ExportScope, passphrase: string): Promise<Result<SavedFile>> {
    const r = await api.transfer.export({ scope, passphrase });
    lastExport.value = r.ok ? r.value : null;
    return r;
  }

  /** Decrypts the file in main and answers what importing it would do; nothing changes yet. */
  const preview = (data: string, passphrase: string): Promise<Result<TransferPreview>> =>
    api.transfer.preview({ data, passphrase });

  /** The plans store reloads itself on the `transfer:imported` event that follows a success. */
  async function importFile(
    data: string,
    passphrase: string,
    mode: ImportMode,
  ): Promise<Result<TransferImported>> {
    const r = await api.transfer.import({ data, passphrase, mode });
    lastImport.value = r.ok ? r.value : null;
    return r;
  }

  async function saveReport(planId: string, fileName: string, file: ReportFile): Promise<Result<SavedFile>> {
    const r = await api.report.save(
      file.format === 'markdown' ? { planId, fileName, ...file } : { planId, fileName, ...file },
    );
    lastReport.value = r.ok ? r.value : null;
    return r;
  }

  function reset(): void {
    lastExport.value = null;
    lastImport.value = null;
    lastReport.value = null;
  }

  return { lastExport, lastImport, lastReport, exportFile, preview, importFile, saveReport, reset };
});
