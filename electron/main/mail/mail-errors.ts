import { AppFailure } from '../../common/result';

/**
 * Turns whatever imapflow, Node's socket/TLS layers or the file system threw into one stable
 * `mail.*` code the user sees a translated text for. Only codes and the server's response text
 * are kept: the error objects may hold the command that was sent, which is never passed on.
 */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
]);
const TIMEOUT = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT', 'ETIMEDOUT']);
const DROPPED = new Set([
  'NoConnection',
  'EConnectionClosed',
  'ClosedAfterConnectText',
  'ECONNRESET',
  'EPIPE',
  'StateLogout',
  'DownloadIncomplete',
]);
const TLS = new Set([
  'ClosedAfterConnectTLS',
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'STARTTLS_INJECTION',
]);
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
/** The file system refused a name: too long, or characters it does not allow. */
const NAME_REFUSED = new Set(['ENAMETOOLONG', 'EILSEQ', 'EINVAL']);
/** imapflow's limits on one response (see SESSION_LIMITS in connection.ts). */
const OVER_LIMITS = new Set(['LineTooLarge', 'LiteralTooLarge', 'ResponseTooLarge', 'TooManyTokens']);
const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EISDIR']);

interface ErrorLike {
  code?: unknown;
  authenticationFailed?: unknown;
  responseStatus?: unknown;
  responseText?: unknown;
  serverResponseCode?: unknown;
  message?: unknown;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The server's words, trimmed, without anything that could be an echo of a credential. */
function serverText(e: ErrorLike): string {
  return text(e.responseText).slice(0, 200);
}

export function isUnsafeLogin(e: unknown): boolean {
  const x = (e ?? {}) as ErrorLike;
  return /unsafe login/i.test(text(x.responseText)) || /unsafe login/i.test(text(x.message));
}

export function toMailFailure(e: unknown): AppFailure {
  return knownFailure(e) ?? sessionFailed(e);
}

/** What is left when nothing about `e` says network, server or disk: the session failed. */
function sessionFailed(e: unknown): AppFailure {
  const code = text(((e ?? {}) as ErrorLike).code);
  return new AppFailure('mail.connection-lost', `The IMAP session failed${code ? ` (${code})` : ''}`);
}

/** The failure `e` names by its code or its IMAP response, or null when it names none. */
function knownFailure(e: unknown): AppFailure | null {
  if (e instanceof AppFailure) return e;
  const x = (e ?? {}) as ErrorLike;
  const code = text(x.code);
  if (isUnsafeLogin(x)) {
    return new AppFailure('mail.unsafe-login', 'The server refused the session as an unsafe login', {
      server: serverText(x),
    });
  }
  if (x.authenticationFailed === true) {
    return new AppFailure('mail.auth-failed', 'The server rejected the address or the authorization code', {
      server: serverText(x),
    });
  }
  if (OVER_LIMITS.has(code)) {
    return new AppFailure(
      'mail.response-too-large',
      `The server sent more than a mail client should hold at once (${code}); the connection was closed`,
    );
  }
  if (UNREACHABLE.has(code))
    return new AppFailure('mail.unreachable', `The server cannot be reached (${code})`);
  if (TIMEOUT.has(code)) return new AppFailure('mail.timeout', `The server did not answer in time (${code})`);
  if (
    TLS.has(code) ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    /certificate|ssl|tls/i.test(text(x.message))
  ) {
    return new AppFailure('mail.tls-failed', `The secure connection failed${code ? ` (${code})` : ''}`);
  }
  if (DROPPED.has(code)) return new AppFailure('mail.connection-lost', `The connection was lost (${code})`);
  if (DISK_FULL.has(code)) return new AppFailure('mail.disk-full', `The backup disk is full (${code})`);
  if (NAME_REFUSED.has(code))
    return new AppFailure('mail.name-refused', `The backup disk refused a file or folder name (${code})`);
  if (NOT_WRITABLE.has(code))
    return new AppFailure('mail.target-not-writable', `Cannot write to the backup folder (${code})`);
  if (x.responseStatus === 'NO' || x.responseStatus === 'BAD' || x.responseStatus === 'BYE') {
    return new AppFailure('mail.server-refused', `The server answered ${String(x.responseStatus)}`, {
      server: serverText(x),
    });
  }
  if (/^E[A-Z]+$/.test(code)) return new AppFailure('mail.io', `File or network error (${code})`);
  return null;
}

/**
 * A fault in the program itself (Closeout's or a library's), not in the network, the server or
 * the disk: JavaScript's own error types carry no system or IMAP code.
 */
export function isProgrammingError(e: unknown): e is Error {
  return (
    e instanceof TypeError ||
    e instanceof RangeError ||
    e instanceof ReferenceError ||
    e instanceof SyntaxError
  );
}

/**
 * The failure for an error thrown during a backup or its verification. One whose code or response
 * names the network, the server or the disk is what toMailFailure says. Otherwise, a fault in the
 * program while the IMAP session is still up is `mail.internal` (`mail.verify-internal` for a
 * verification): reconnecting would only repeat it, and "connection lost" would send the user
 * looking for a network problem. A fault from a session that has already closed is taken as a
 * symptom of the closed connection.
 */
export function toRunFailure(
  e: unknown,
  sessionUp: boolean,
  during: 'backup' | 'verification' = 'backup',
): AppFailure {
  const known = knownFailure(e);
  if (known) return known;
  if (sessionUp && isProgrammingError(e)) return internalFailure(e, during);
  return sessionFailed(e);
}

function internalFailure(e: Error, during: 'backup' | 'verification'): AppFailure {
  return new AppFailure(
    during === 'backup' ? 'mail.internal' : 'mail.verify-internal',
    `The ${during} stopped on an internal error (${e.name}: ${e.message})`,
  );
}

/**
 * The failure for an error writing Closeout's own files after the IMAP session's part is done
 * (the verification's result into the state file): no connection is involved, so what names no
 * disk code is a fault in the program or an unnamed file error, never a lost connection.
 */
export function toFileFailure(e: unknown, during: 'backup' | 'verification'): AppFailure {
  const known = knownFailure(e);
  if (known) return known;
  if (isProgrammingError(e)) return internalFailure(e, during);
  return new AppFailure(
    'mail.io',
    `Writing the backup's files failed: ${e instanceof Error ? e.message : String(e)}`,
  );
}

/**
 * The failure for an error in one of the mail screen's requests (test the connection, verify, read
 * the backup's state, forget a code): what names the network, the server or the disk as
 * toMailFailure says; a fault in the program is `ipc.internal` (try again), not a lost connection.
 */
export function toRequestFailure(e: unknown): AppFailure {
  const known = knownFailure(e);
  if (known) return known;
  if (isProgrammingError(e))
    return new AppFailure(
      'ipc.internal',
      `The request stopped on an internal error (${e.name}: ${e.message})`,
    );
  return sessionFailed(e);
}

/**
 * Failures that concern one folder only (its name or directory on disk, or the server refusing
 * that folder): it is skipped and reported, the other folders are still saved.
 */
export function isFolderLocal(failure: AppFailure): boolean {
  return (
    failure.code === 'mail.name-refused' ||
    failure.code === 'mail.target-not-writable' ||
    failure.code === 'mail.server-refused' ||
    failure.code === 'mail.io'
  );
}

/** Errors after which reconnecting and continuing makes sense (the work done so far is kept either way). */
export function isTransient(failure: AppFailure): boolean {
  return failure.code === 'mail.connection-lost' || failure.code === 'mail.timeout';
}
