import { z } from 'zod';
import { idSchema } from '../model/primitives';
import type { ImportPreview } from '../transfer/merge';
import { channel, event } from './define';

/** An export passphrase protects a file that may travel by mail or USB stick: at least 8 characters. */
export const exportPassphraseSchema = z.string().min(8).max(1024);

/** The file's bytes as base64 (read by the renderer from a file the user picked). 64 MiB at most. */
const fileDataSchema = z.base64().max(Math.ceil((64 * 1024 * 1024 * 4) / 3) + 4);

export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vault') }).strict(),
  z.object({ kind: z.literal('plan'), planId: idSchema }).strict(),
]);

export interface SavedFile {
  /** Where the file was written; null when the user cancelled the save dialog. */
  path: string | null;
}

export interface TransferPreview {
  scope: 'vault' | 'plan';
  exportedAt: string;
  appVersion: string;
  preview: ImportPreview;
}

export interface TransferImported {
  added: number;
  updated: number;
  kept: number;
  conflicts: number;
}

const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/);

export const transferChannels = {
  'transfer:export': channel<SavedFile>()(
    z.object({ scope: exportScopeSchema, passphrase: exportPassphraseSchema }).strict(),
  ),
  'transfer:preview': channel<TransferPreview>()(
    z.object({ data: fileDataSchema, passphrase: z.string().min(1).max(1024) }).strict(),
  ),
  /** Nothing changes unless the whole import succeeds. */
  'transfer:import': channel<TransferImported>()(
    z
      .object({
        data: fileDataSchema,
        passphrase: z.string().min(1).max(1024),
        mode: z.enum(['merge', 'replace']),
      })
      .strict(),
  ),
  /** Saves the closure report the renderer composed (Markdown text, or HTML printed to PDF by Chromium). */
  'report:save': channel<SavedFile>()(
    z.discriminatedUnion('format', [
      z
        .object({
          planId: idSchema,
          format: z.literal('markdown'),
          fileName: fileNameSchema,
          content: z.string().max(5_000_000),
        })
        .strict(),
      z
        .object({
          planId: idSchema,
          format: z.literal('pdf'),
          fileName: fileNameSchema,
          html: z.string().max(5_000_000),
        })
        .strict(),
    ]),
  ),
} as const;

export const transferEvents = {
  /** After an import replaced or merged plans: every window reloads its plan list. */
  'transfer:imported': event<TransferImported>(),
} as const;
