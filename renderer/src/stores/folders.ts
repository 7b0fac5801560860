import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api';
import type { AppError } from '@common/result';
import type { FolderPurpose } from '@common/contract/app';

export type { FolderPurpose };

/**
 * The system folder dialog (main's `app:choose-folder`). One dialog at a time: a second click while
 * the first is open would stack dialogs in Electron, so `choosing` lets the button say it is busy.
 */
export const useFoldersStore = defineStore('folders', () => {
  const choosing = ref<FolderPurpose | null>(null);
  const error = ref<AppError | null>(null);

  /** The chosen folder, or null when the user cancelled or the dialog failed (see `error`). */
  async function choose(purpose: FolderPurpose, defaultPath?: string): Promise<string | null> {
    if (choosing.value) return null;
    choosing.value = purpose;
    try {
      const r = await api.app.chooseFolder(defaultPath ? { purpose, defaultPath } : { purpose });
      error.value = r.ok ? null : r.error;
      return r.ok ? r.value.path : null;
    } finally {
      choosing.value = null;
    }
  }

  return { choosing, error, choose };
});
