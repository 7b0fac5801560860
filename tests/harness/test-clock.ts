import type { Clock } from '../../electron/common/clock';

/** The harness clock: real time plus an offset that `--test-controls` lets tests move. */
export interface TestClock extends Clock {
  advance(ms: number): number;
  set(ms: number): number;
}

export function createTestClock(base: () => number = Date.now): TestClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms) {
      offset += ms;
      return base() + offset;
    },
    set(ms) {
      offset = ms - base();
      return ms;
    },
  };
}
