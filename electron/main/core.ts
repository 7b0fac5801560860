/**
 * The composition root, free of Electron: main/electron/index.ts injects Electron adapters, the harness and
 * the tests inject Node ones. Each domain is a service contributing the handlers of its channels.
 */
import { systemClock, type Clock } from '../common/clock';
import type { EventName, EventPayload, Handlers } from '../common/contract';
import type { AppInfo } from '../common/contract/app';
import type { DesktopAdapter } from './adapters/types';
import { createDispatcher, type Dispatch, type DispatchLog } from './dispatch';
import { createAppService } from './services/app-service';
import { canonicalFolder, createChosenFolders, createFolderGate } from './services/chosen-folders';
import { documentWriter } from './vault/document-writer';
import {
  createMemoryLocalePreference,
  createSettingsService,
  type LocalePreference,
} from './services/settings-service';
import { createTransferService } from './transfer/service';
import { createPlanService, mailVerificationRecorder } from './services/plan-service';
import { createMailService } from './mail/mail-service';
import { vaultCodeKeeper } from './mail/vault-code-keeper';
import { createDiscoveryService } from './mail/discovery/discovery-service';
import { createArchiveService } from './archive/archive-service';
import type { Service, ServiceContext } from './services/context';
import type { KeyProvider } from './key-providers/key-provider';
import { vaultDocumentCodec } from './vault/codec';
import type { KdfCost } from './vault/keys';
import { createVaultService } from './vault/service';
import { Vault } from './vault/vault';
import { createRemindersService } from './reminders/service';
import type { LoginItem, Notifier, PowerEvents } from './reminders/types';
import type { Locale } from '../common/locale';

export interface CoreOptions {
  dataDir: string;
  appInfo: AppInfo;
  clock?: Clock;
  log?: DispatchLog;
  /** Folder picker and open-with-the-OS (Electron's dialog/shell in the app; fakes in harness/tests). */
  desktop?: DesktopAdapter;
  /** Wraps the vault key: Electron safeStorage in the app, a key file in tests and the harness. */
  keyProvider: KeyProvider;
  /** Lower scrypt cost for tests and the harness only; the app uses the default (N=2^17). */
  vaultKdfCost?: KdfCost;
  /** Set false where tests drive auto-lock with a fake clock. */
  autoLockTimer?: boolean;
  /** System notifications (Electron's in the app, a recording one in the harness); none = in-app list only. */
  notifier?: Notifier;
  /** Resume / unlock-screen (Electron powerMonitor; the harness fires it after moving its clock). */
  powerEvents?: PowerEvents;
  /** Start at login (app.setLoginItemSettings or the Linux autostart file); none = unsupported. */
  loginItem?: LoginItem;
  /** The UI language, for system notifications. */
  locale?: () => Locale;
  /** Keeps the language the renderer reports (electron-store in the app; in memory if absent). */
  preferences?: LocalePreference;
  /**
   * Tests and the harness only: an extra CA certificate (PEM) the IMAP connections trust, for their
   * own self-signed server. main/electron/index.ts never sets it, and no channel reaches it.
   */
  trustedCa?: string;
  /** The built archive indexer (electron-vite `?modulePath`); absent: run from source (harness, tests). */
  archiveWorkerPath?: string;
  /** The built mail export worker (electron-vite `?modulePath`); absent: run from source (harness, tests). */
  exportWorkerPath?: string;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  onEvent(listener: CoreEventListener): () => void;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const listeners = new Set<CoreEventListener>();
  const clock = options.clock ?? systemClock;
  const vault = new Vault({
    dataDir: options.dataDir,
    keyProvider: options.keyProvider,
    clock,
    codec: vaultDocumentCodec,
    kdfCost: options.vaultKdfCost,
  });
  const ctx: ServiceContext = {
    dataDir: options.dataDir,
    clock,
    appInfo: options.appInfo,
    store: vault,
    emit: (event, payload) => {
      for (const l of listeners) l(event, payload);
    },
  };

  const services: Service<keyof Handlers>[] = [];
  const add = <K extends keyof Handlers>(s: Service<K>): Pick<Handlers, K> => {
    services.push(s as unknown as Service<keyof Handlers>);
    return s.handlers;
  };

  // Main's own words (notifications, tray, dialog titles) follow the language the renderer reports;
  // the app may pass its own rule (the system language until the renderer has spoken).
  const preference = options.preferences ?? createMemoryLocalePreference();
  const locale = options.locale ?? (() => preference.locale() ?? 'zh-CN');
  const plans = createPlanService(ctx);
  // Every channel that takes a folder from the page asks this gate: chosen in main's own dialog
  // this session, or recorded by main in the vault's `folders` section for the plan (null: any
  // plan). Never the plan's own fields: the page writes those through plan commands and imports.
  const chosen = createChosenFolders();
  const recorded = (planId: string | null): string[] => {
    if (!vault.isUnlocked()) return [];
    const doc = vault.read();
    const live = new Set(doc.plans.map((p) => p.id));
    return doc.folders
      .filter((f) => live.has(f.planId) && (planId === null || f.planId === planId))
      .map((f) => f.path);
  };
  const gate = createFolderGate(chosen, recorded);
  const writer = documentWriter(vault);
  const mail = createMailService(ctx, {
    openPath: (path) =>
      options.desktop ? options.desktop.openPath(path) : Promise.reject(new Error('no desktop')),
    recordVerification: mailVerificationRecorder(plans),
    ...(options.exportWorkerPath ? { exportWorkerPath: options.exportWorkerPath } : {}),
    folders: {
      allows: (planId, dir) => gate.allows(dir, { chosenFor: ['mail-backup'], recordedFor: { planId } }),
      remember: async (planId, dir) => {
        const path = await canonicalFolder(dir);
        // Best effort: the run goes on if the vault cannot take it; the folder is then chosen again next time.
        if (path && vault.isUnlocked())
          await writer.write({ type: 'folder.remember', planId, purpose: 'mail-backup', path }, clock.now());
      },
      recorded: (planId) => recorded(planId).at(-1) ?? null,
    },
    vaultCodes: vaultCodeKeeper(vault, clock),
    ...(options.trustedCa ? { trustedCa: options.trustedCa } : {}),
  });
  const handlers: Handlers = {
    ...add(createAppService(ctx, { desktop: options.desktop, locale, chosen })),
    ...add(createSettingsService(preference)),
    ...add(plans),
    ...add(createVaultService(vault, ctx.emit, { autoLockTimer: options.autoLockTimer })),
    ...add(
      createDiscoveryService(ctx, plans, {
        savedCode: mail.savedCode,
        // A Maildir chosen for the scan (or a folder in it), or within the plan's recorded backup.
        mayScan: (planId, path) =>
          gate.allows(path, {
            chosenFor: ['maildir-scan', 'mail-backup'],
            recordedFor: { planId },
            inside: true,
          }),
        ...(options.trustedCa ? { trustedCa: options.trustedCa } : {}),
      }),
    ),
    ...add(createTransferService(ctx, { desktop: options.desktop, kdfCost: options.vaultKdfCost })),
    ...add(mail),
    ...add(
      createArchiveService(ctx, {
        desktop: options.desktop,
        workerPath: options.archiveWorkerPath,
        // A backup the person picked in the dialog, or one main recorded for a plan; never any path the page names.
        mayOpen: (dir) =>
          gate.allows(dir, { chosenFor: ['mail-archive', 'mail-backup'], recordedFor: { planId: null } }),
        // Exports go only into a folder the person picked in the dialog for that, never any path the page names.
        mayExportTo: (dir) => gate.allows(dir, { chosenFor: ['archive-export'] }),
      }),
    ),
    ...add(
      createRemindersService({
        ...ctx,
        notifier: options.notifier,
        powerEvents: options.powerEvents,
        loginItem: options.loginItem,
        locale,
      }),
    ),
  };

  return {
    handlers,
    dispatch: withActivity(createDispatcher(handlers, options.log), vault),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      for (const s of services) await s.start?.();
    },
    async close() {
      for (const s of [...services].reverse()) await s.close?.();
      listeners.clear();
    },
  };
}

/**
 * Any request but a status poll counts as the user being active, for the vault's auto-lock. Each
 * request first locks a vault that has been idle past its auto-lock time: the timer checks only
 * every AUTO_LOCK_CHECK_MS, and a click in that window after the computer wakes (days later) must
 * find the vault locked, not count as activity that keeps it open.
 */
function withActivity(dispatch: Dispatch, vault: Pick<Vault<unknown>, 'checkAutoLock' | 'touch'>): Dispatch {
  return (channel, input) => {
    vault.checkAutoLock();
    if (channel !== 'vault:status') vault.touch();
    return dispatch(channel, input);
  };
}
