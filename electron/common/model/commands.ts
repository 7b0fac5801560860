import { z } from 'zod';
import { ALTERNATIVE_IDS } from '../catalog/alternatives';
import { GATE_IDS } from '../catalog/gates';
import { BACKUP_KINDS } from '../catalog/preparations';
import { RISK_IDS } from '../catalog/risks';
import { STEP_IDS } from '../catalog/steps';
import {
  BACKUP_STATUSES,
  BINDING_STATES,
  GATE_STATUSES,
  PREPARATION_STATUSES,
  SERVICE_STATUSES,
  STEP_STATUSES,
  TRACKED_PREPARATION_IDS,
  assetSchema,
  backupVerificationSchema,
  contactSchema,
  siteSchema,
} from './plan';
import { idSchema, isInputTime, isoTimeSchema, noteSchema } from './primitives';

/**
 * Every change to a plan is one of these. Ids are chosen by the caller (the renderer uses
 * crypto.randomUUID), so the history replays to exactly the same document.
 */
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), planId: idSchema, ...shape }).strict();

const optionalNote = { note: noteSchema.optional() };

/**
 * An entity as a command writes it: the stored schema (model/plan.ts) without the times the reducer
 * sets, the note optional. Derived, so a command cannot drift from what the vault stores.
 */
const TIMES = { createdAt: true, updatedAt: true } as const;

export const planCommandSchema = z.discriminatedUnion('type', [
  cmd('plan.create', { address: z.string().trim().min(3).max(254), label: z.string().max(200).optional() }),
  cmd('plan.set-details', { label: z.string().max(200).optional(), ...optionalNote }),
  /** The user decides to close: deciding (or kept / withdrawn) -> preparing. */
  cmd('plan.decide', {}),
  /** Back to deciding, from preparing, kept or withdrawn. */
  cmd('plan.reconsider', {}),
  cmd('alternative.choose', { alternativeId: z.enum(ALTERNATIVE_IDS), ...optionalNote }),
  cmd('risk.acknowledge', { riskId: z.enum(RISK_IDS), acknowledged: z.boolean() }),
  cmd('step.set', { stepId: z.enum(STEP_IDS), status: z.enum(STEP_STATUSES), ...optionalNote }),
  cmd('gate.set', { gateId: z.enum(GATE_IDS), status: z.enum(GATE_STATUSES), ...optionalNote }),
  cmd('preparation.set', {
    preparationId: z.enum(TRACKED_PREPARATION_IDS),
    status: z.enum(PREPARATION_STATUSES),
    ...optionalNote,
  }),
  cmd('binding.set', {
    binding: z.enum(['phone', 'realName']),
    state: z.enum(BINDING_STATES),
    at: isoTimeSchema.optional(),
  }),
  /** When the password or a security setting was last changed (null: not in living memory). */
  cmd('security.set-last-change', { at: isoTimeSchema.nullable() }),
  cmd('service.add', {
    serviceId: idSchema,
    catalogId: z.string().max(80).nullable().optional(),
    name: z.string().max(200).optional(),
    status: z.enum(SERVICE_STATUSES).optional(),
    ...optionalNote,
  }),
  cmd('service.set-status', { serviceId: idSchema, status: z.enum(SERVICE_STATUSES), ...optionalNote }),
  cmd('service.remove', { serviceId: idSchema }),
  cmd('asset.upsert', {
    asset: assetSchema.omit(TIMES).extend(optionalNote),
  }),
  cmd('asset.remove', { assetId: idSchema }),
  cmd('site.upsert', {
    site: siteSchema.omit(TIMES).extend({ ...optionalNote, domain: siteSchema.shape.domain.optional() }),
  }),
  cmd('site.remove', { siteId: idSchema }),
  cmd('contact.upsert', {
    contact: contactSchema.omit(TIMES).extend(optionalNote),
  }),
  cmd('contact.remove', { contactId: idSchema }),
  cmd('backup.set', {
    kind: z.enum(BACKUP_KINDS),
    status: z.enum(BACKUP_STATUSES),
    location: z.string().max(1000).optional(),
    ...optionalNote,
  }),
  /** Recorded by the mail backup once it has checked the copy on disk against the server. */
  cmd('backup.record-verification', {
    kind: z.enum(BACKUP_KINDS),
    ...backupVerificationSchema.shape,
    location: backupVerificationSchema.shape.location.optional(),
  }),
  cmd('plan.submit', {
    submittedAt: isoTimeSchema.optional(),
    override: z
      .object({ reason: z.string().trim().min(1).max(2000) })
      .strict()
      .optional(),
  }),
  cmd('plan.withdraw', { at: isoTimeSchema.optional() }),
  /**
   * Records that the closure took effect. Before the cooling-off period has ended it needs
   * `early: true`: the user confirmed that NetEase closed the account sooner (see `apply`).
   */
  cmd('plan.close', { closedAt: isoTimeSchema.optional(), early: z.boolean().optional() }),
  /** A plan recorded as closed by mistake goes back to its cooling-off (closed plans are read-only). */
  cmd('plan.reopen', {}),
  /** Correct the cooling-off length (null: back to the catalog default) or the submission time. */
  cmd('plan.set-cooling-off', {
    days: z.number().int().min(0).max(365).nullable().optional(),
    submittedAt: isoTimeSchema.optional(),
  }),
  /** Removes the plan and its whole history: nothing of it stays in the vault. */
  cmd('plan.delete', {}),
]);

export type PlanCommand = z.infer<typeof planCommandSchema>;

/** The fields of a command that hold a time; each must pass `isInputTime`. */
const COMMAND_TIME_FIELDS = ['at', 'verifiedAt', 'submittedAt', 'closedAt'] as const;

/** The first time field of `command` outside 1990 .. now + 100 years, or null. */
export function commandTimeOutOfBounds(command: PlanCommand, now: number): string | null {
  const fields = command as Partial<Record<(typeof COMMAND_TIME_FIELDS)[number], string | null>>;
  for (const field of COMMAND_TIME_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' && !isInputTime(Date.parse(value), now)) return field;
  }
  return null;
}

/**
 * A command as a caller sends it (`plan:apply`): its times are bounded too. Stored history keeps
 * the plain schema, so a document written before the bounds still opens.
 */
export const planCommandInputSchema = planCommandSchema.superRefine((command, ctx) => {
  const field = commandTimeOutOfBounds(command, Date.now());
  if (field)
    ctx.addIssue({
      code: 'custom',
      path: [field],
      message: 'A time between 1990-01-01 and 100 years from now',
    });
});
export type PlanCommandType = PlanCommand['type'];
export type CommandOf<T extends PlanCommandType> = Extract<PlanCommand, { type: T }>;

export const PLAN_COMMAND_TYPES = planCommandSchema.options.map(
  (o) => o.shape.type.value,
) as PlanCommandType[];
