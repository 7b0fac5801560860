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
  'vault.restore-unavailable',
] as const;

export const MAIL_ERROR_CODES = [
  'mail.auth-failed',
  'mail.unsafe-login',
  'mail.unreachable',
  'mail.tls-failed',
  'mail.server-refused',
  'mail.timeout',
  'mail.connection-lost',
  'mail.target-not-writable',
  'mail.disk-full',
  'mail.cancelled',
  'mail.io',
  'mail.busy',
  'mail.no-server',
  'mail.code-required',
  'mail.no-backup',
  'mail.other-account',
  'mail.open-failed',
  'mail.name-refused',
  'mail.response-too-large',
  'mail.unknown-folder',
  'mail.saved-code-other-server',
  'mail.unknown-target',
  'mail.internal',
  'mail.verify-internal',
] as const;

export const REMINDERS_ERROR_CODES = [
  'reminders.not-found',
  'reminders.plan-not-found',
  'reminders.time-in-past',
  'reminders.already-done',
  'reminders.login-item-unavailable',
  'reminders.login-item-failed',
  'reminders.export-failed',
] as const;

export const DOMAIN_ERROR_CODES = [
  'plan.not-found',
  'plan.duplicate-id',
  'plan.duplicate-address',
  'plan.duplicate-service',
  'plan.unsupported-address',
  'plan.wrong-phase',
  'plan.unknown-item',
  'plan.name-required',
  'plan.negative-amount',
  'plan.service-in-use',
  'plan.step-order',
  'plan.confirm-via-submit',
  'plan.risks-unacknowledged',
  'plan.steps-incomplete',
  'plan.blocked',
  'plan.invalid-date',
  'plan.invalid-command',
  'plan.cooling-off-not-over',
  'plan.verified-by-app',
] as const;

export const DISCOVERY_ERROR_CODES = [
  'discovery.busy',
  'discovery.maildir-not-found',
  'discovery.maildir-unreadable',
  'discovery.no-results',
  'discovery.unknown-finding',
  'discovery.not-addable',
  'discovery.unknown-folder',
] as const;

export const TRANSFER_ERROR_CODES = [
  'transfer.not-an-export',
  'transfer.corrupt',
  'transfer.tampered',
  'transfer.wrong-passphrase',
  'transfer.weak-passphrase',
  'transfer.newer-version',
  'transfer.plan-not-found',
  'transfer.conflict',
  'transfer.save-failed',
  'transfer.too-large',
  'transfer.unknown-kdf',
] as const;

export const ARCHIVE_ERROR_CODES = [
  'archive.folder-missing',
  'archive.not-a-backup',
  'archive.unknown-folder',
  'archive.damaged',
  'archive.io',
  'archive.not-open',
  'archive.indexing',
  'archive.not-found',
  'archive.stale-search',
  'archive.busy',
  'archive.cancelled',
  'archive.write-failed',
  'archive.unknown-target',
] as const;

export const ERROR_CODES = [
  ...IPC_ERROR_CODES,
  ...VAULT_ERROR_CODES,
  ...MAIL_ERROR_CODES,
  ...REMINDERS_ERROR_CODES,
  ...DOMAIN_ERROR_CODES,
  ...DISCOVERY_ERROR_CODES,
  ...TRANSFER_ERROR_CODES,
  ...ARCHIVE_ERROR_CODES,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
