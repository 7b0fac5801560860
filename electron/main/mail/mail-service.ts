/**
 * The `mail:*` channels. One backup job at a time; it runs in the background and reports through
 * `mail:progress` and `mail:finished`. The renderer passes the folder as a plain path, which main
 * uses only when it knows it (`MailFolderAccess`): chosen in main's own dialog for the mail backup
 * this session, or recorded in the vault for the plan. Any other path is refused with
 * `mail.unknown-target` before anything is read or written.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MailAccount, MailFinished, MailStatus, MailVerification } from '../../common/contract/mail';
import type { BackupVerification } from '../../common/model/plan';
import { AppFailure, err, ok, type Result } from '../../common/result';
import type { Service, ServiceContext } from '../services/context';
import { readBackupState } from './backup-state';
import type { CodeKeeper } from './code-keeper';
import { codeForServer, sessionCodeKeeper } from './code-keeper';
import { closeSession, openSession, requireServer, resolveServer, type ConnectionSpec } from './connection';
import { listServerFolders, loadState, prepareTarget, savedNamesOf } from './exporter';
import { runExportInWorker } from './export-runner';
import type { ExportTuning } from './folder-export';
import { backupPaths } from './layout';
import { toMailFailure, toRequestFailure } from './mail-errors';
import { ProgressTracker } from './progress';
import { verifyBackup } from './verify';

export type MailChannel =
  | 'mail:resolve-server'
  | 'mail:saved-code'
  | 'mail:test-connection'
  | 'mail:start-backup'
  | 'mail:cancel'
  | 'mail:status'
  | 'mail:backup-info'
  | 'mail:verify'
  | 'mail:open-folder'
  | 'mail:backup-folder'
  | 'mail:forget-code';

/** Records a passing verification in the plan (the closure domain's `backup.record-verification`). */
export type PlanVerificationRecorder = (planId: string, v: BackupVerification) => Promise<Result<void>>;

export interface MailServiceOptions {
  /** Opens a folder in the system file manager (Electron: shell.openPath); rejects with the OS's reason. */
  openPath: (path: string) => Promise<void>;
  /**
   * An extra CA certificate (PEM) to trust: tests and the harness only, for their own self-signed
   * IMAP server. The composition root of the app never sets it and no channel can.
   */
  trustedCa?: string;
  /** Persistent keeper for "keep the code"; without it codes live only for the session. */
  vaultCodes?: CodeKeeper;
  recordVerification?: PlanVerificationRecorder;
  /** Which folders the page may name (every channel with a `targetDir` asks it first). */
  folders: MailFolderAccess;
  tuning?: Partial<ExportTuning>;
  /** The built export worker (electron-vite `?modulePath`); absent: run from source (harness, tests). */
  exportWorkerPath?: string;
}

/** The folders the mail backup may use; composed in core.ts from the dialog's choices and the vault. */
export interface MailFolderAccess {
  /** Chosen for the mail backup in main's dialog this session, or recorded for the plan (null: for any plan). */
  allows(planId: string | null, dir: string): Promise<boolean>;
  /** Records an allowed folder for the plan in the vault, so a later session may use it without the dialog. */
  remember(planId: string, dir: string): Promise<void>;
  /** The folder last recorded for the plan (the screen proposes it), or null. */
  recorded(planId: string): string | null;
}

const unknownTarget = () =>
  new AppFailure('mail.unknown-target', 'Only a folder chosen in the dialog or recorded for the plan');

interface Job {
  jobId: string;
  planId: string;
  address: string;
  targetDir: string;
  controller: AbortController;
  progress: ProgressTracker;
  done: Promise<void>;
}

export function createMailService(
  ctx: Pick<ServiceContext, 'clock' | 'emit' | 'appInfo'>,
  options: MailServiceOptions,
): Service<MailChannel> & { savedCode(account: MailAccount): Promise<string | null> } {
  const session = sessionCodeKeeper();
  const stopWatchingLock = options.vaultCodes?.onLock?.(() => session.clear());
  let job: Job | null = null;
  let last: MailFinished | null = null;
  const requireKnown = async (planId: string | null, dir: string) => {
    if (!(await options.folders.allows(planId, dir))) throw unknownTarget();
  };
  const iso = () => new Date(ctx.clock.now()).toISOString();

  const kept = async (address: string) =>
    (await session.get(address)) ?? (await options.vaultCodes?.get(address)) ?? null;

  /** The kept code for this account's server; refused (never sent) when it was given for another server. */
  const savedCodeFor = async (account: MailAccount): Promise<string | null> => {
    const code = await kept(account.address);
    if (!code) return null;
    return codeForServer(code, requireServer(account), resolveServer({ address: account.address }));
  };

  const codeFor = async (
    account: MailAccount,
    authCode?: string,
    useSavedCode?: boolean,
  ): Promise<string> => {
    if (authCode) return authCode;
    if (useSavedCode) {
      const saved = await savedCodeFor(account);
      if (saved) return saved;
    }
    throw new AppFailure('mail.code-required', 'Enter the client authorization code');
  };

  const specFor = async (
    account: MailAccount,
    authCode?: string,
    useSavedCode?: boolean,
  ): Promise<ConnectionSpec> => ({
    server: requireServer(account),
    user: account.address,
    authCode: await codeFor(account, authCode, useSavedCode),
    ...(options.trustedCa ? { ca: options.trustedCa } : {}),
  });

  const record = async (
    planId: string,
    v: MailVerification,
    targetDir: string,
    folders: number,
  ): Promise<boolean> => {
    if (!v.passed || !options.recordVerification) return false;
    const r = await options.recordVerification(planId, {
      verifiedAt: v.verifiedAt,
      messages: v.backedUpMessages,
      folders,
      bytes: v.backedUpBytes,
      location: targetDir,
    });
    return r.ok;
  };

  const runJob = async (j: Job, spec: ConnectionSpec): Promise<void> => {
    let finished: MailFinished;
    try {
      const outcome = await runExportInWorker(
        {
          spec,
          address: j.address,
          targetDir: j.targetDir,
          appInfo: ctx.appInfo,
          clock: ctx.clock,
          signal: j.controller.signal,
          progress: j.progress,
          ...(options.tuning ? { tuning: options.tuning } : {}),
        },
        options.exportWorkerPath,
      );
      j.progress.phase = 'verifying';
      j.progress.emit(true);
      const client = await openSession(spec, ctx.appInfo);
      let verification: MailVerification;
      try {
        verification = await verifyBackup(client, {
          targetDir: j.targetDir,
          nowIso: iso(),
          deep: false,
          signal: j.controller.signal,
        });
      } finally {
        await closeSession(client);
      }
      const recordedInPlan = await record(j.planId, verification, j.targetDir, outcome.folders);
      finished = {
        jobId: j.jobId,
        planId: j.planId,
        outcome: 'completed',
        error: null,
        summary: {
          address: j.address,
          targetDir: j.targetDir,
          maildir: backupPaths(j.targetDir).maildir,
          folders: outcome.folders,
          messages: outcome.messages,
          bytes: outcome.bytes,
          fetchedMessages: outcome.fetchedMessages,
          fetchedBytes: outcome.fetchedBytes,
          durationMs: ctx.clock.now() - (j.progress.startedAt ?? ctx.clock.now()),
          uidValidityChanges: outcome.uidValidityChanges,
          folderFailures: outcome.folderFailures,
          separator: outcome.separator,
          verification,
          recordedInPlan,
        },
      };
    } catch (e) {
      const failure = j.controller.signal.aborted
        ? new AppFailure('mail.cancelled', 'The backup was cancelled')
        : toMailFailure(e);
      finished = {
        jobId: j.jobId,
        planId: j.planId,
        outcome: failure.code === 'mail.cancelled' ? 'cancelled' : 'failed',
        error: {
          code: failure.code,
          message: failure.message,
          ...(failure.params ? { params: failure.params } : {}),
        },
        summary: null,
      };
    }
    last = finished;
    job = null;
    ctx.emit('mail:finished', finished);
  };

  /** Inside `guard`: a keeper's error Result ends the handler with that same error. */
  const orKeeperError = (r: Result<void>): void => {
    if (!r.ok) throw new AppFailure(r.error.code, r.error.message, r.error.params);
  };
  const guard = async <T>(fn: () => Promise<T>): Promise<Result<T>> => {
    try {
      return ok(await fn());
    } catch (e) {
      const f = toRequestFailure(e);
      return err(f.code, f.message, f.params);
    }
  };

  return {
    handlers: {
      'mail:resolve-server': ({ address }) => ok(resolveServer({ address })),
      'mail:saved-code': ({ address }) =>
        guard(async () => ({
          hasSavedCode: !!(await kept(address)),
        })),
      'mail:test-connection': ({ account, authCode, useSavedCode }) =>
        guard(async () => {
          const spec = await specFor(account, authCode, useSavedCode);
          const client = await openSession(spec, ctx.appInfo);
          try {
            const folders = [];
            for (const f of await listServerFolders(client)) {
              const st = await client.status(f.path, { messages: true });
              folders.push({ name: f.name, specialUse: f.specialUse, messages: (st && st.messages) || 0 });
            }
            // Selecting a folder is what NetEase refuses without ID ("Unsafe Login"): test it here.
            await client.mailboxOpen('INBOX', { readOnly: true });
            return { server: spec.server, folders, messages: folders.reduce((n, f) => n + f.messages, 0) };
          } finally {
            await closeSession(client);
          }
        }),
      'mail:start-backup': ({ planId, account, authCode, useSavedCode, saveCode, targetDir }) =>
        guard(async () => {
          if (job) throw new AppFailure('mail.busy', 'A backup is already running');
          await requireKnown(planId, targetDir);
          const spec = await specFor(account, authCode, useSavedCode);
          await prepareTarget(targetDir);
          const existing = await readBackupState(backupPaths(targetDir).state).catch(() => null);
          await loadState(targetDir, account.address, '', iso());
          orKeeperError(await session.save(account.address, spec.authCode, spec.server));
          if (saveCode && options.vaultCodes)
            orKeeperError(await options.vaultCodes.save(account.address, spec.authCode, spec.server));
          const jobId = randomUUID();
          const controller = new AbortController();
          const progress = new ProgressTracker(jobId, ctx.clock, (p) => ctx.emit('mail:progress', p));
          const j: Job = {
            jobId,
            planId,
            address: account.address,
            targetDir,
            controller,
            progress,
            done: Promise.resolve(),
          };
          job = j;
          // A later session (days on) resumes into this folder without choosing it again.
          await options.folders.remember(planId, targetDir);
          j.done = runJob(j, spec);
          return { jobId, resumed: existing !== null };
        }),
      'mail:cancel': () => {
        if (!job) return ok({ cancelling: false });
        job.controller.abort();
        return ok({ cancelling: true });
      },
      'mail:status': (): Result<MailStatus> =>
        ok({
          job: job
            ? {
                jobId: job.jobId,
                planId: job.planId,
                address: job.address,
                targetDir: job.targetDir,
                state: job.controller.signal.aborted ? 'cancelling' : 'running',
              }
            : null,
          progress: job ? job.progress.snapshot() : null,
          last,
        }),
      'mail:backup-info': ({ planId, targetDir }) =>
        guard(async () => {
          await requireKnown(planId, targetDir);
          const state = await readBackupState(backupPaths(targetDir).state);
          const current = state?.folders.filter((g) => g.current) ?? [];
          return {
            exists: state !== null,
            address: state?.address ?? null,
            messages: current.reduce((n, g) => n + (g.completedMessages ?? 0), 0),
            bytes: current.reduce((n, g) => n + (g.completedBytes ?? 0), 0),
            complete: state?.complete ?? false,
            lastVerification: state?.lastVerification ?? null,
            savedNames: state ? savedNamesOf(state) : [],
          };
        }),
      'mail:verify': ({ planId, account, authCode, useSavedCode, targetDir }) =>
        guard(async () => {
          if (job?.targetDir === targetDir)
            throw new AppFailure('mail.busy', 'A backup into this folder is running');
          await requireKnown(planId, targetDir);
          const spec = await specFor(account, authCode, useSavedCode);
          const client = await openSession(spec, ctx.appInfo);
          try {
            const v = await verifyBackup(client, { targetDir, nowIso: iso(), deep: true });
            await options.folders.remember(planId, targetDir);
            await record(planId, v, targetDir, v.folders.length);
            return v;
          } finally {
            await closeSession(client);
          }
        }),
      'mail:open-folder': ({ planId, targetDir }) =>
        guard(async () => {
          // shell.openPath launches executables, `.app` bundles and `.desktop` files: only a folder
          // main knows for the plan (chosen this session, or recorded) that still holds our backup
          // state is opened, never a path the page merely names.
          const folder = resolve(targetDir);
          const known = await options.folders.allows(planId, folder);
          const isDir =
            known &&
            (await stat(folder).then(
              (st) => st.isDirectory(),
              () => false,
            ));
          const ours = isDir && (await readBackupState(backupPaths(folder).state).catch(() => null)) !== null;
          if (!ours)
            throw new AppFailure(
              'mail.unknown-folder',
              'Only a backup folder made by Closeout can be opened',
            );
          try {
            await options.openPath(folder);
          } catch {
            throw new AppFailure('mail.open-failed', 'The folder could not be opened');
          }
        }),
      'mail:backup-folder': ({ planId }) => ok({ path: options.folders.recorded(planId) }),
      'mail:forget-code': ({ address }) =>
        guard(async () => {
          orKeeperError(await session.forget(address));
          if (options.vaultCodes) orKeeperError(await options.vaultCodes.forget(address));
        }),
    },
    /**
     * The code `mail:saved-code` reports, for discovery in main, if it was kept for this account's
     * server (else `mail.saved-code-other-server` is thrown); it never goes to the renderer.
     */
    savedCode: savedCodeFor,
    async close() {
      stopWatchingLock?.();
      const running = job;
      if (running) {
        running.controller.abort();
        await running.done;
      }
    },
  };
}
