/**
 * Where authorization codes live. By default only in memory for the session (lost on quit or
 * when the vault locks). A persistent keeper (the vault) is used only when the user ticks "keep
 * the code" and only if the composition root provides one. Codes never go to logs, electron-store
 * or the renderer.
 */
export interface CodeKeeper {
  get(address: string): Promise<string | null>;
  save(address: string, code: string): Promise<void>;
  forget(address: string): Promise<void>;
  /** Calls back when the keeper's owner locks; the session's codes are dropped then too. */
  onLock?(listener: () => void): () => void;
}

export interface SessionCodeKeeper extends CodeKeeper {
  clear(): void;
}

export function sessionCodeKeeper(): SessionCodeKeeper {
  const codes = new Map<string, string>();
  return {
    get: async (address) => codes.get(address.toLowerCase()) ?? null,
    save: async (address, code) => {
      codes.set(address.toLowerCase(), code);
    },
    forget: async (address) => {
      codes.delete(address.toLowerCase());
    },
    clear: () => codes.clear(),
  };
}
