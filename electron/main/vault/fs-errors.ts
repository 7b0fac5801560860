import { AppFailure } from '../../common/result';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);

export function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns a file-system error into the stable vault code the user sees a translated text for. */
export function toVaultFailure(e: unknown, doing: string): AppFailure {
  if (e instanceof AppFailure) return e;
  const code = errnoCode(e);
  if (code && DISK_FULL.has(code))
    return new AppFailure('vault.disk-full', `Disk full while ${doing} (${code})`);
  if (code && READ_ONLY.has(code))
    return new AppFailure('vault.read-only', `Cannot write while ${doing} (${code})`);
  return new AppFailure('vault.io', `File error while ${doing}${code ? ` (${code})` : ''}`);
}
