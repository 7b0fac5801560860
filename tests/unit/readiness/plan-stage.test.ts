import { describe, expect, it } from 'vitest';
import { planStage, stageView } from '../../../electron/common/plan-stage';
import type { Readiness } from '../../../electron/common/readiness';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 2, 1);
function r(status: Readiness['status'], endsAt: number | null = null, done = 45, total = 47) {
  return {
    status,
    counts: { done, total, open: total - done },
    coolingOff: {
      days: 15,
      daysFromUser: false,
      confidence: 'low' as const,
      label: 'domain.coolingOff.checkFigure' as const,
      submittedAt: endsAt === null ? null : new Date(endsAt - 15 * DAY).toISOString(),
      endsAt: endsAt === null ? null : new Date(endsAt).toISOString(),
      daysLeft: null,
    },
  };
}

describe('the plan stage the UI shows', () => {
  it('turns a submitted plan from cooling-off into "ended, waiting for confirmation" by the clock alone', () => {
    const submitted = r('submitted', t0 + 15 * DAY);
    expect(planStage(submitted, t0)).toBe('cooling-off');
    expect(planStage(submitted, t0 + 15 * DAY - 1)).toBe('cooling-off');
    expect(planStage(submitted, t0 + 15 * DAY)).toBe('cooling-off-ended');
  });

  it('counts down only during the cooling-off, and closing before its end is an early close', () => {
    const during = stageView(r('submitted', t0 + DAY), t0);
    expect(during).toMatchObject({
      stage: 'cooling-off',
      milestone: 3,
      countdownTo: t0 + DAY,
      close: 'early',
    });
    const after = stageView(r('submitted', t0 + DAY), t0 + 2 * DAY);
    expect(after).toMatchObject({
      stage: 'cooling-off-ended',
      milestone: 3,
      countdownTo: null,
      close: 'confirm',
    });
  });

  it('shows a percentage and counts only while preparing, so a closed plan never says 100 % beside 45 / 47', () => {
    expect(stageView(r('not-ready', null, 45, 47), t0)).toMatchObject({
      percent: 96,
      counts: { done: 45, total: 47 },
    });
    expect(stageView(r('ready', null, 0, 0), t0)).toMatchObject({
      percent: 0,
      counts: { done: 0, total: 0 },
    });
    const closed = stageView(r('closed', t0 - DAY), t0);
    expect(closed).toMatchObject({
      stage: 'closed',
      percent: null,
      counts: null,
      countdownTo: null,
      close: 'no',
    });
    expect(closed.finished && closed.readOnly).toBe(true);
    expect(stageView(r('deciding'), t0)).toMatchObject({ milestone: 0, percent: null, readOnly: false });
  });

  it('walks the milestones in order', () => {
    const order = (['deciding', 'not-ready', 'ready', 'submitted', 'closed'] as const).map(
      (s) => stageView(r(s, t0 + DAY), t0).milestone,
    );
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });
});
