import { ImapFlow } from 'imapflow';
import { accountKindOf } from '../../common/catalog/accounts';
import type { AppInfo } from '../../common/contract/app';
import type { MailAccount, MailServer } from '../../common/contract/mail';
import { AppFailure } from '../../common/result';
import { toMailFailure } from './mail-errors';

/** Everything needed to open one IMAP session. Lives only in main; never serialized. */
export interface ConnectionSpec {
  server: MailServer;
  user: string;
  authCode: string;
  /** Extra trusted CA (tests, harness). */
  ca?: string;
  /** Tests and benchmarks only: no TLS at all (127.0.0.1). Not reachable from the contract. */
  plaintext?: boolean;
  timeoutMs?: number;
}

export function resolveServer(
  account: Pick<MailAccount, 'address' | 'host' | 'port' | 'secure'>,
): MailServer | null {
  if (account.host) {
    const secure = account.secure ?? true;
    return { host: account.host, port: account.port ?? (secure ? 993 : 143), secure, origin: 'custom' };
  }
  const kind = accountKindOf(account.address);
  if (!kind) return null;
  const secure = account.secure ?? true;
  return {
    host: kind.imap.host,
    port: account.port ?? (secure ? kind.imap.tlsPort : kind.imap.plainPort),
    secure,
    origin: 'catalog',
    source: kind.imap.source,
    confidence: kind.imap.confidence,
  };
}

export function requireServer(account: MailAccount): MailServer {
  const server = resolveServer(account);
  if (!server) {
    throw new AppFailure('mail.no-server', 'No known IMAP server for this address; enter the host and port');
  }
  return server;
}

/**
 * Limits on what one server response may make us hold, so a broken or hostile server cannot
 * exhaust memory: a line without an end (a UID SEARCH of a million messages is ~8 MB), a literal
 * (message parts arrive in pieces of at most 1 MiB: partial FETCH and download chunks), one whole
 * response, and the tokens parsed from one response (~100 bytes of heap each).
 */
export const SESSION_LIMITS = {
  maxLineLength: 16 * 1024 * 1024,
  maxLiteralSize: 4 * 1024 * 1024,
  maxResponseSize: 24 * 1024 * 1024,
  maxResponseTokens: 200_000,
} as const;

const failures = new WeakMap<ImapFlow, unknown>();

/**
 * The error a session reported on its own (a response over the limits, a parse error) before it
 * closed: the command that was waiting only sees the closed connection, this says why.
 */
export function sessionFailure(client: ImapFlow): AppFailure | null {
  const e = failures.get(client);
  return e === undefined ? null : toMailFailure(e);
}

/**
 * Opens an authenticated session. `clientInfo` makes imapflow send the IMAP ID command
 * (RFC 2971); NetEase answers `NO ... Unsafe Login` to SELECT without it.
 */
export async function openSession(spec: ConnectionSpec, appInfo: AppInfo): Promise<ImapFlow> {
  const timeout = spec.timeoutMs ?? 30_000;
  const client = new ImapFlow({
    host: spec.server.host,
    port: spec.server.port,
    secure: spec.plaintext ? false : spec.server.secure,
    // STARTTLS is required on a non-TLS port, except in the plaintext test mode.
    doSTARTTLS: spec.plaintext ? false : spec.server.secure ? undefined : true,
    tls: spec.ca ? { ca: [spec.ca], minVersion: 'TLSv1.2' } : { minVersion: 'TLSv1.2' },
    auth: { user: spec.user, pass: spec.authCode },
    clientInfo: { name: appInfo.name, version: appInfo.version, vendor: appInfo.name },
    logger: false,
    emitLogs: false,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: Math.max(timeout, 60_000),
    disableAutoIdle: true,
    ...SESSION_LIMITS,
  });
  // Without a listener an 'error' event (socket reset) would be thrown as an uncaught exception.
  client.on('error', (e: unknown) => {
    if (!failures.has(client)) failures.set(client, e);
  });
  try {
    await client.connect();
    return client;
  } catch (e) {
    client.close();
    throw toMailFailure(e);
  }
}

export async function closeSession(client: ImapFlow): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([client.logout(), new Promise((r) => (timer = setTimeout(r, 2000)))]);
  } catch {
    // The session is being dropped either way.
  } finally {
    clearTimeout(timer);
  }
  client.close();
}

/** One untagged response as imapflow's parser tokenizes it. */
export interface UntaggedResponse {
  attributes?: unknown[];
}

/**
 * imapflow's command layer: `exec` is what its own fetch() is built on; it is present at runtime
 * but left out of the published types. A handler per untagged response type reads the parsed
 * tokens directly, without a message object per response. The answer's `next()` must be called.
 */
export interface CommandLayer {
  exec(
    command: string,
    attributes: unknown[],
    options: { untagged: Record<string, (untagged: UntaggedResponse) => void> },
  ): Promise<{ next?: () => void } | undefined>;
}

/** The session's command layer, or null if this imapflow has none (the public API is used then). */
export function commandLayer(client: ImapFlow): CommandLayer | null {
  const c = client as unknown as Partial<CommandLayer>;
  return typeof c.exec === 'function' ? (client as unknown as CommandLayer) : null;
}
