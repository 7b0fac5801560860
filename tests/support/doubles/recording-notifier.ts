import type { Notifier, PowerEvents, SystemNotification } from '../../../electron/main/reminders/types';

export interface RecordingNotifier extends Notifier {
  /** Every notification shown, oldest first. */
  readonly shown: SystemNotification[];
  /** Acts out a click on the most recent notification with this id (or the last one). */
  click(id?: string): void;
  /** Lets a test act out a system without notifications. */
  setSupported(supported: boolean): void;
}

/** The notifier of the harness and the tests: records instead of showing. */
export function createRecordingNotifier(): RecordingNotifier {
  const shown: SystemNotification[] = [];
  let supported = true;
  return {
    shown,
    isSupported: () => supported,
    show(n) {
      if (supported) shown.push(n);
    },
    click(id) {
      const n = id === undefined ? shown.at(-1) : shown.findLast((s) => s.id === id);
      if (!n) throw new Error(`no notification ${id ?? ''} to click`);
      n.onClick();
    },
    setSupported(value) {
      supported = value;
    },
  };
}

export interface ManualPowerEvents extends PowerEvents {
  /** Acts out a resume: the harness calls this after moving its clock, so the scheduler checks at once. */
  resume(): void;
}

export function createManualPowerEvents(): ManualPowerEvents {
  const listeners = new Set<() => void>();
  return {
    onResume(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resume() {
      for (const l of listeners) l();
    },
  };
}
