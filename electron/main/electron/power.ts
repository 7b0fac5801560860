import type { PowerMonitor } from 'electron';
import type { PowerEvents } from '../reminders/types';

/** After sleep or a locked screen the clock may have jumped: the scheduler checks at once. */
export function createElectronPowerEvents(powerMonitor: PowerMonitor): PowerEvents {
  return {
    onResume(listener) {
      powerMonitor.on('resume', listener);
      powerMonitor.on('unlock-screen', listener);
      return () => {
        powerMonitor.off('resume', listener);
        powerMonitor.off('unlock-screen', listener);
      };
    },
  };
}
