import { resolve } from 'node:path';

/**
 * Folders the person chose in the system folder dialog this session, by what they were chosen
 * for. A channel that takes a folder from the page (which a compromised page could fill with any
 * path) accepts one only when main already knows it: chosen here, or recorded in a plan.
 */
export interface ChosenFolders {
  add(purpose: string, path: string): void;
  has(purpose: string, path: string): boolean;
}

export function createChosenFolders(): ChosenFolders {
  const chosen = new Set<string>();
  const key = (purpose: string, path: string) => `${purpose}\u0000${resolve(path)}`;
  return {
    add: (purpose, path) => void chosen.add(key(purpose, path)),
    has: (purpose, path) => chosen.has(key(purpose, path)),
  };
}
