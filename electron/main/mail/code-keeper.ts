/**
 * Where authorization codes live. By default only in memory for the session (lost on quit or
 * when the vault locks). A persistent keeper (the vault) is used only when the user ticks "keep
 * the code" and only if the composition root provides one. Codes never go to logs, electron-store
 * or the renderer.
 *
 * A kept code is bound to the server it was given for (host, port, TLS mode): it is a password to
 * the mailbox, so `useSavedCode` with any other server is refused before a connection is made.
 */
import type { MailServer } from '../../common/contract/mail';
import type { KeptCodeServer } from '../../common/model/mail-codes';
import { AppFailure, ok, type Result } from '../../common/result';

export type { KeptCodeServer };

export interface KeptCode {
  authCode: string;
  /** The server the code was given for; null for a code kept before binding (see `boundServer`). */
  server: KeptCodeServer | null;
}

export interface CodeKeeper {
  get(address: string): Promise<KeptCode | null>;
  /** Answers the keeper's own error (for the vault: locked, or the save failed) as a Result. */
  save(address: string, code: string, server: KeptCodeServer): Promise<Result<void>>;
  forget(address: string): Promise<Result<void>>;
  /** Calls back when the keeper's owner locks; the session's codes are dropped then too. */
  onLock?(listener: () => void): () => void;
}

export interface SessionCodeKeeper extends CodeKeeper {
  clear(): void;
}

export function sessionCodeKeeper(): SessionCodeKeeper {
  const codes = new Map<string, KeptCode>();
  return {
    get: async (address) => codes.get(address.toLowerCase()) ?? null,
    save: async (address, authCode, server) => {
      codes.set(address.toLowerCase(), { authCode, server: bindingOf(server) });
      return ok();
    },
    forget: async (address) => {
      codes.delete(address.toLowerCase());
      return ok();
    },
    clear: () => codes.clear(),
  };
}

/** The part of a server a code is bound to; host names compare without case or a trailing dot. */
export function bindingOf(server: Pick<MailServer, 'host' | 'port' | 'secure'>): KeptCodeServer {
  return {
    host: server.host.trim().toLowerCase().replace(/\.$/, ''),
    port: server.port,
    secure: server.secure,
  };
}

/**
 * The kept code for `server`, or an error naming the server it is bound to. A code kept before
 * codes were bound counts as bound to the catalog server of its address (`fallback`), the only
 * server the screen offered without the user typing one; with no catalog server it is refused.
 */
export function codeForServer(kept: KeptCode, server: MailServer, fallback: MailServer | null): string {
  const bound = kept.server ?? (fallback ? bindingOf(fallback) : null);
  const wanted = bindingOf(server);
  if (bound && bound.host === wanted.host && bound.port === wanted.port && bound.secure === wanted.secure) {
    return kept.authCode;
  }
  throw new AppFailure(
    'mail.saved-code-other-server',
    'The kept code belongs to another server; enter it again',
    {
      host: bound?.host ?? '',
      port: bound?.port ?? 0,
    },
  );
}
