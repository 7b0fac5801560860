import { z } from 'zod';
import type { BurndownPoint, TimelineEntry } from '../model/history';
import type { DomainEvent } from '../model/events';
import type { HistoryEntry } from '../model/history-entry';
import type { Plan } from '../model/plan';
import { planCommandInputSchema } from '../model/commands';
import { idSchema } from '../model/primitives';
import type { Readiness } from '../readiness';
import { channel, event } from './define';

/** A plan as the renderer shows it: the stored plan and its readiness computed at the time of the call. */
export interface PlanView {
  plan: Plan;
  readiness: Readiness;
}

export interface PlanApplied {
  planId: string;
  /** null once the plan was deleted. */
  view: PlanView | null;
  /** Empty when the command changed nothing (nothing was recorded). */
  events: DomainEvent[];
}

export interface PlanHistory {
  planId: string;
  entries: HistoryEntry[];
  timeline: TimelineEntry[];
  burndown: BurndownPoint[];
}

export const planHistoryInputSchema = z
  .object({
    planId: idSchema,
    /** The user's offset from UTC in minutes (UTC+8 = 480), so the burndown's days are theirs. */
    utcOffsetMinutes: z.number().int().min(-840).max(840).optional(),
  })
  .strict();

export const planCreateInputSchema = z
  .object({
    address: z.string().trim().min(3).max(254),
    label: z.string().max(200).optional(),
    /** Optional client-chosen id; main generates one when absent. */
    planId: idSchema.optional(),
  })
  .strict();

export const planChannels = {
  'plan:list': channel<PlanView[]>()(z.void()),
  'plan:create': channel<PlanView>()(planCreateInputSchema),
  /** Applies one command (see model/commands.ts); saved durably before the result returns. */
  'plan:apply': channel<PlanApplied>()(planCommandInputSchema),
  'plan:history': channel<PlanHistory>()(planHistoryInputSchema),
} as const;

export const planEvents = {
  /** After every applied command that changed something, to every window. */
  'plan:changed': event<PlanApplied>(),
} as const;
