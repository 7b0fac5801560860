/**
 * Every error code that can cross the bridge. Each domain keeps its own list; the renderer has a
 * translated message for every one (a test checks it). Codes are stable: never rename one.
 */
export const IPC_ERROR_CODES = [
  'ipc.unknown-channel',
  'ipc.invalid-arguments',
  'ipc.forbidden-sender',
  'ipc.internal',
  'ipc.unavailable',
] as const;

export const VAULT_ERROR_CODES = [
  'vault.absent',
  'vault.exists',
  'vault.locked',
  'vault.wrong-passphrase',
  'vault.wrong-recovery-code',
  'vault.weak-passphrase',
  'vault.keychain-unavailable',
  'vault.keychain-entry-missing',
  'vault.passphrase-required',
  'vault.corrupt',
  'vault.tampered',
  'vault.newer-version',
  'vault.disk-full',
  'vault.read-only',
  'vault.io',
] as const;

export const ERROR_CODES = [...IPC_ERROR_CODES, ...VAULT_ERROR_CODES] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
