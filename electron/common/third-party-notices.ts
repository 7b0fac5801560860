/**
 * The list of the open-source packages in the app's bundles, with their licences: written by the
 * build next to each bundle (scripts/third-party-notices.ts), read by Settings
 * (renderer/src/views/settings/LicencesSection.vue) from the renderer's own folder.
 */
import { z } from 'zod';

export const NOTICES_FILE = 'third-party-notices.json';

export const thirdPartyNoticeSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** The package's `license` field (an SPDX expression), or '' where it gives none. */
  license: z.string(),
  /**
   * Its licence and NOTICE files, one after another. Where it ships none and names a licence whose
   * standard text has a place for the holder (MIT), that text with the author its package.json
   * names (`standardText`); '' otherwise.
   */
  text: z.string(),
  /** `text` is the standard text of `license`, not a file of the package's own. */
  standardText: z.boolean().optional(),
});

export type ThirdPartyNotice = z.infer<typeof thirdPartyNoticeSchema>;

export const thirdPartyNoticeListSchema = z.array(thirdPartyNoticeSchema);
