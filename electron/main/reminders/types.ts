/**
 * What the reminders service needs from the platform. The Electron implementations live in
 * electron/main/electron/ (used only by its index.ts); tests and the harness pass Node ones
 * (tests/support/doubles/).
 */

export interface SystemNotification {
  /** Stable per delivery, so a platform that replaces notifications by tag keeps each one. */
  id: string;
  title: string;
  body: string;
  /** The user clicked it: open the app at the reminder's place. */
  onClick(): void;
}

export interface Notifier {
  /** False where the system shows no notifications; the in-app list is then the only place. */
  isSupported(): boolean;
  show(notification: SystemNotification): void;
}

/** The machine woke up (or the screen was unlocked): time may have jumped, check now. */
export interface PowerEvents {
  onResume(listener: () => void): () => void;
}

export interface LoginItem {
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

/** setTimeout/clearTimeout, injectable so tests can see every timer the scheduler arms. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending check must not keep a Node process (harness, tests) alive.
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
