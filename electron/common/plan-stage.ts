/**
 * The plan's phase as the UI shows it: one state machine every tag, headline, countdown,
 * percentage and "what now" derives from, so no two parts of a screen can disagree (a tag saying
 * "cooling-off" beside a countdown that has ended; 100 % beside "45 / 47 done"). Pure: the time is
 * passed in, because the cooling-off ends by the clock, not by a command.
 *
 *   deciding ──decide──▶ not-ready ⇄ ready ──submit──▶ cooling-off ──time──▶ cooling-off-ended
 *      ▲  ▲                                   │                                   │
 *      │  └── kept / withdrawn ◀──withdraw────┘        closed ◀──close (early: confirmed)──┘
 */
import { coolingOffEnded, type Readiness, type ReadinessStatus } from './readiness';

export type PlanStage = Exclude<ReadinessStatus, 'submitted'> | 'cooling-off' | 'cooling-off-ended';

export const PLAN_STAGES = [
  'deciding',
  'not-ready',
  'ready',
  'cooling-off',
  'cooling-off-ended',
  'closed',
  'kept',
  'withdrawn',
] as const satisfies readonly PlanStage[];

/** The five milestones of the stepper: 决定 → 准备 → 提交 → 冷静期 → 已注销. */
export const MILESTONES = ['decide', 'prepare', 'submit', 'cooling-off', 'closed'] as const;
export type Milestone = (typeof MILESTONES)[number];

export interface StageView {
  stage: PlanStage;
  /** Index into MILESTONES of the milestone the user is at (the ones before it are done). */
  milestone: number;
  /** Every milestone done (the account is closed). */
  finished: boolean;
  /** 0..100, share of checklist items done; null when a percentage would mislead (not preparing). */
  percent: number | null;
  /** Done / total items: shown only beside the percentage. */
  counts: { done: number; total: number } | null;
  /** Epoch ms the cooling-off countdown runs to; null when no countdown belongs on screen. */
  countdownTo: number | null;
  /** What closing needs now: nothing possible, a plain confirmation, or an early-close confirmation. */
  close: 'no' | 'confirm' | 'early';
  /** Closed plans are read-only until reopened. */
  readOnly: boolean;
}

export function planStage(r: Pick<Readiness, 'status' | 'coolingOff'>, nowMs: number): PlanStage {
  if (r.status !== 'submitted') return r.status;
  return coolingOffEnded(r.coolingOff.endsAt, nowMs) ? 'cooling-off-ended' : 'cooling-off';
}

const MILESTONE_OF: Record<PlanStage, number> = {
  deciding: 0,
  kept: 0,
  withdrawn: 0,
  'not-ready': 1,
  ready: 2,
  'cooling-off': 3,
  'cooling-off-ended': 3,
  closed: 4,
};

export function stageView(r: Pick<Readiness, 'status' | 'coolingOff' | 'counts'>, nowMs: number): StageView {
  const stage = planStage(r, nowMs);
  const preparing = stage === 'not-ready' || stage === 'ready';
  const { done, total } = r.counts;
  const endsAt = r.coolingOff.endsAt === null ? null : Date.parse(r.coolingOff.endsAt);
  return {
    stage,
    milestone: MILESTONE_OF[stage],
    finished: stage === 'closed',
    percent: preparing ? (total ? Math.round((done / total) * 100) : 0) : null,
    counts: preparing ? { done, total } : null,
    countdownTo: stage === 'cooling-off' ? endsAt : null,
    close: stage === 'cooling-off' ? 'early' : stage === 'cooling-off-ended' ? 'confirm' : 'no',
    readOnly: stage === 'closed',
  };
}
