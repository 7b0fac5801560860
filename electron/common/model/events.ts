import { z } from 'zod';
import { BACKUP_KINDS } from '../catalog/preparations';
import { planPhaseSchema } from './plan';
import { isoTimeSchema } from './primitives';

export const PLAN_SECTIONS = [
  'details',
  'decision',
  'risk',
  'step',
  'gate',
  'preparation',
  'binding',
  'security',
  'service',
  'asset',
  'site',
  'contact',
  'backup',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/** What a command did, for the timeline, the `plan:changed` event and the reminder scheduler. */
export const domainEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('plan.created'), planId: z.string(), address: z.string() }).strict(),
  z
    .object({
      type: z.literal('plan.phase-changed'),
      planId: z.string(),
      from: planPhaseSchema,
      to: planPhaseSchema,
    })
    .strict(),
  z
    .object({
      type: z.literal('plan.item-changed'),
      planId: z.string(),
      section: z.enum(PLAN_SECTIONS),
      id: z.string(),
      change: z.enum(['added', 'updated', 'removed']),
      status: z.string().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('plan.submitted'),
      planId: z.string(),
      submittedAt: isoTimeSchema,
      overridden: z.array(z.string()),
    })
    .strict(),
  z
    .object({
      type: z.literal('plan.cooling-off-changed'),
      planId: z.string(),
      days: z.number().int(),
      submittedAt: isoTimeSchema.nullable(),
      endsAt: isoTimeSchema.nullable(),
    })
    .strict(),
  z
    .object({
      type: z.literal('backup.verified'),
      planId: z.string(),
      kind: z.enum(BACKUP_KINDS),
      verifiedAt: isoTimeSchema,
      messages: z.number().int(),
      folders: z.number().int(),
    })
    .strict(),
  z.object({ type: z.literal('plan.deleted'), planId: z.string() }).strict(),
]);

export type DomainEvent = z.infer<typeof domainEventSchema>;
