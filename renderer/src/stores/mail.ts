import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, on } from '../api';
import type {
  MailAccount,
  MailBackupInfo,
  MailConnectionReport,
  MailFinished,
  MailProgress,
  MailServer,
  MailStatus,
  MailVerification,
} from '@common/contract/mail';
import type { AppError, Result } from '@common/result';

export interface MailCredentials {
  authCode?: string;
  useSavedCode?: boolean;
}

/**
 * The mail backup as the screen sees it: the running job's progress and the last finished run,
 * both pushed by main as events. The authorization code passes through `start`/`test`/`verify`
 * arguments only; it is never kept in this store.
 */
export const useMailStore = defineStore('mail', () => {
  const status = ref<MailStatus | null>(null);
  const progress = ref<MailProgress | null>(null);
  const finished = ref<MailFinished | null>(null);
  const error = ref<AppError | null>(null);
  let unsubscribe: (() => void)[] = [];

  function remember<T>(r: Result<T>): Result<T> {
    error.value = r.ok ? null : r.error;
    return r;
  }

  async function refresh(): Promise<void> {
    const r = await api.mail.status();
    if (r.ok) {
      status.value = r.value;
      progress.value = r.value.progress;
      finished.value = r.value.last;
    }
    if (unsubscribe.length === 0)
      unsubscribe = [
        on('mail:progress', (p) => {
          progress.value = p;
        }),
        on('mail:finished', (f) => {
          finished.value = f;
          progress.value = null;
          void api.mail.status().then((s) => {
            if (s.ok) status.value = s.value;
          });
        }),
      ];
  }

  const resolveServer = async (address: string): Promise<MailServer | null> => {
    const r = await api.mail.resolveServer({ address });
    return r.ok ? r.value : null;
  };

  const savedCode = async (address: string): Promise<boolean> => {
    const r = await api.mail.savedCode({ address });
    return r.ok && r.value.hasSavedCode;
  };

  const test = async (account: MailAccount, cred: MailCredentials): Promise<Result<MailConnectionReport>> =>
    remember(await api.mail.testConnection({ account, ...cred }));

  async function start(
    planId: string,
    account: MailAccount,
    cred: MailCredentials,
    targetDir: string,
    saveCode: boolean,
  ) {
    finished.value = null;
    const r = remember(await api.mail.startBackup({ planId, account, ...cred, targetDir, saveCode }));
    await refresh();
    return r;
  }

  async function cancel(): Promise<void> {
    remember(await api.mail.cancel());
    await refresh();
  }

  /** What the folder holds; a folder main does not know for the plan is said as an error. */
  const backupInfo = async (planId: string, targetDir: string): Promise<MailBackupInfo | null> => {
    const r = await api.mail.backupInfo({ planId, targetDir });
    if (!r.ok && r.error.code === 'mail.unknown-target') remember(r);
    return r.ok ? r.value : null;
  };

  /** The backup folder main recorded for the plan (a backup was started into it), or null. */
  const backupFolder = async (planId: string): Promise<string | null> => {
    const r = await api.mail.backupFolder({ planId });
    return r.ok ? r.value.path : null;
  };

  const verify = async (
    planId: string,
    account: MailAccount,
    cred: MailCredentials,
    targetDir: string,
  ): Promise<Result<MailVerification>> =>
    remember(await api.mail.verify({ planId, account, ...cred, targetDir }));

  const openFolder = async (planId: string, targetDir: string) =>
    remember(await api.mail.openFolder({ planId, targetDir }));
  const forgetCode = async (address: string) => remember(await api.mail.forgetCode({ address }));

  function dispose(): void {
    for (const u of unsubscribe) u();
    unsubscribe = [];
  }

  return {
    status,
    progress,
    finished,
    error,
    refresh,
    resolveServer,
    savedCode,
    test,
    start,
    cancel,
    backupInfo,
    backupFolder,
    verify,
    openFolder,
    forgetCode,
    dispose,
  };
});
