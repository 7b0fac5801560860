import { z } from 'zod';
import { ACCOUNT_DOMAINS } from '../catalog/accounts';
import { ALTERNATIVE_IDS } from '../catalog/alternatives';
import { ASSET_KIND_IDS } from '../catalog/asset-kinds';
import { GATE_IDS } from '../catalog/gates';
import { BACKUP_KINDS } from '../catalog/preparations';
import { RISK_IDS } from '../catalog/risks';
import { STEP_IDS } from '../catalog/steps';
import { amountSchema, idSchema, isoTimeSchema, labelSchema, noteSchema } from './primitives';

/**
 * Stored phases. "ready" is not stored: it is derived by readiness from the plan's data and the
 * current time (a security change ages out of its window without any command), so it never goes stale.
 */
export const PLAN_PHASES = ['deciding', 'preparing', 'submitted', 'closed', 'kept', 'withdrawn'] as const;
export const planPhaseSchema = z.enum(PLAN_PHASES);
export type PlanPhase = z.infer<typeof planPhaseSchema>;

/** Preparations tracked with `preparation.set`; backups are tracked with `backup.set`. */
export const TRACKED_PREPARATION_IDS = [
  'change-address-sites',
  'tell-contacts',
  'remove-mail-clients',
] as const;
export type TrackedPreparationId = (typeof TRACKED_PREPARATION_IDS)[number];

export const STEP_STATUSES = ['todo', 'done'] as const;
export const GATE_STATUSES = ['met', 'blocked', 'unknown'] as const;
export const PREPARATION_STATUSES = ['todo', 'doing', 'done', 'skipped'] as const;
export const BACKUP_STATUSES = ['todo', 'doing', 'done', 'not-needed'] as const;
export const SERVICE_STATUSES = ['unchecked', 'in-use', 'cleared', 'not-used'] as const;
export const ASSET_STATUSES = ['open', 'emptied', 'forfeited'] as const;
export const SITE_STATUSES = ['todo', 'changed', 'closed', 'not-needed'] as const;
export const SITE_CATEGORIES = [
  'bank',
  'carrier',
  'social',
  'shopping',
  'work',
  'government',
  'other',
] as const;
export const CONTACT_STATUSES = ['todo', 'told', 'not-needed'] as const;
export const BINDING_STATES = ['unknown', 'bound', 'unbound'] as const;

const meta = { note: noteSchema, updatedAt: isoTimeSchema.nullable() };

export const riskAckSchema = z.object({ acknowledgedAt: isoTimeSchema.nullable() }).strict();
export const stepStateSchema = z
  .object({ status: z.enum(STEP_STATUSES), doneAt: isoTimeSchema.nullable(), ...meta })
  .strict();
/** What the user declared about a gate; readiness combines it with what the plan's data shows. */
export const gateStateSchema = z.object({ status: z.enum(GATE_STATUSES), ...meta }).strict();
export const preparationStateSchema = z.object({ status: z.enum(PREPARATION_STATUSES), ...meta }).strict();

export const backupVerificationSchema = z
  .object({
    verifiedAt: isoTimeSchema,
    messages: z.number().int().nonnegative(),
    folders: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    location: z.string().max(1000),
  })
  .strict();
export type BackupVerification = z.infer<typeof backupVerificationSchema>;

export const backupStateSchema = z
  .object({
    status: z.enum(BACKUP_STATUSES),
    location: z.string().max(1000),
    verification: backupVerificationSchema.nullable(),
    ...meta,
  })
  .strict();

export const bindingStateSchema = z
  .object({ state: z.enum(BINDING_STATES), changedAt: isoTimeSchema.nullable() })
  .strict();

const itemTimes = { note: noteSchema, createdAt: isoTimeSchema, updatedAt: isoTimeSchema };

export const planServiceSchema = z
  .object({
    id: idSchema,
    /** The catalog entry this is, or a catalog category entry such as 'game' for a game the user adds. */
    catalogId: z.string().max(80).nullable(),
    /** The user's name for it; empty for catalog services, which take the catalog's name. */
    name: z.string().max(200),
    status: z.enum(SERVICE_STATUSES),
    ...itemTimes,
  })
  .strict();

export const assetSchema = z
  .object({
    id: idSchema,
    serviceId: idSchema.nullable(),
    kind: z.enum(ASSET_KIND_IDS),
    label: labelSchema,
    amount: amountSchema,
    status: z.enum(ASSET_STATUSES),
    ...itemTimes,
  })
  .strict();

export const siteSchema = z
  .object({
    id: idSchema,
    name: labelSchema,
    domain: z.string().max(253),
    category: z.enum(SITE_CATEGORIES),
    status: z.enum(SITE_STATUSES),
    ...itemTimes,
  })
  .strict();

export const contactSchema = z
  .object({ id: idSchema, name: labelSchema, status: z.enum(CONTACT_STATUSES), ...itemTimes })
  .strict();

export const submissionSchema = z
  .object({
    submittedAt: isoTimeSchema,
    /** What was not met when the user submitted ('gate:<id>' / 'preparation:<id>'). */
    blockers: z.array(z.string()),
    /** Present whenever blockers is non-empty: the user chose to submit anyway, and why. */
    override: z
      .object({ reason: z.string().trim().min(1).max(2000), at: isoTimeSchema })
      .strict()
      .nullable(),
  })
  .strict();

export const coolingOffSchema = z
  .object({
    days: z.number().int().min(0).max(365),
    /** False while the catalog's unverified default is in use. */
    daysFromUser: z.boolean(),
    submittedAt: isoTimeSchema.nullable(),
    endsAt: isoTimeSchema.nullable(),
  })
  .strict();

export const planSchema = z
  .object({
    id: idSchema,
    address: z.string().max(254),
    accountDomain: z.enum(ACCOUNT_DOMAINS),
    label: z.string().max(200),
    note: noteSchema,
    phase: planPhaseSchema,
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
    decision: z
      .object({
        alternativeId: z.enum(ALTERNATIVE_IDS).nullable(),
        decidedAt: isoTimeSchema.nullable(),
        note: noteSchema,
      })
      .strict(),
    risks: z.record(z.enum(RISK_IDS), riskAckSchema),
    steps: z.record(z.enum(STEP_IDS), stepStateSchema),
    gates: z.record(z.enum(GATE_IDS), gateStateSchema),
    preparations: z.record(z.enum(TRACKED_PREPARATION_IDS), preparationStateSchema),
    backups: z.record(z.enum(BACKUP_KINDS), backupStateSchema),
    bindings: z.object({ phone: bindingStateSchema, realName: bindingStateSchema }).strict(),
    lastSecurityChangeAt: isoTimeSchema.nullable(),
    services: z.array(planServiceSchema),
    assets: z.array(assetSchema),
    sites: z.array(siteSchema),
    contacts: z.array(contactSchema),
    coolingOff: coolingOffSchema,
    submission: submissionSchema.nullable(),
    withdrawnAt: isoTimeSchema.nullable(),
    closedAt: isoTimeSchema.nullable(),
  })
  .strict();

export type Plan = z.infer<typeof planSchema>;
export type PlanService = z.infer<typeof planServiceSchema>;
export type Asset = z.infer<typeof assetSchema>;
export type Site = z.infer<typeof siteSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type StepState = z.infer<typeof stepStateSchema>;
export type GateState = z.infer<typeof gateStateSchema>;
export type BackupState = z.infer<typeof backupStateSchema>;
export type Submission = z.infer<typeof submissionSchema>;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export type AssetStatus = (typeof ASSET_STATUSES)[number];
export type SiteStatus = (typeof SITE_STATUSES)[number];
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
export type GateStatus = (typeof GATE_STATUSES)[number];
export type PreparationStatus = (typeof PREPARATION_STATUSES)[number];
export type BackupStatus = (typeof BACKUP_STATUSES)[number];
