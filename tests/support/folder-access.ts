/**
 * The folder rules of core.ts for a service built on its own (the mail service in the integration
 * tests): the real chosen-folders gate, with the test's folders chosen in the dialog up front and
 * what the service records kept in memory instead of the vault.
 */
import type { MailFolderAccess } from '../../electron/main/mail/mail-service';
import {
  canonicalFolder,
  createChosenFolders,
  createFolderGate,
} from '../../electron/main/services/chosen-folders';

export async function mailFoldersChosen(...dirs: string[]): Promise<MailFolderAccess> {
  const chosen = createChosenFolders();
  for (const d of dirs) await chosen.add('mail-backup', d);
  const remembered: { planId: string; path: string }[] = [];
  const recorded = (planId: string | null) =>
    remembered.filter((r) => planId === null || r.planId === planId).map((r) => r.path);
  const gate = createFolderGate(chosen, recorded);
  return {
    allows: (planId, dir) => gate.allows(dir, { chosenFor: ['mail-backup'], recordedFor: { planId } }),
    remember: async (planId, dir) => {
      const path = await canonicalFolder(dir);
      if (path) remembered.push({ planId, path });
    },
    recorded: (planId) => recorded(planId).at(-1) ?? null,
  };
}
