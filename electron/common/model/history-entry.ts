import { z } from 'zod';
import { planCommandSchema } from './commands';
import { domainEventSchema } from './events';
import { idSchema, isoTimeSchema } from './primitives';

/** One applied command: the timeline of a plan is the list of its entries. */
export const historyEntrySchema = z
  .object({
    /** Increases by one per applied command across the document; gaps are left by deleted plans. */
    seq: z.number().int().positive(),
    planId: idSchema,
    at: isoTimeSchema,
    command: planCommandSchema,
    events: z.array(domainEventSchema),
  })
  .strict();

export type HistoryEntry = z.infer<typeof historyEntrySchema>;
