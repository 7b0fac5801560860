import type { ErrorCode } from './errors';

/** An error as it crosses the IPC bridge: data, never a thrown exception, never a stack trace. */
export interface AppError {
  code: ErrorCode;
  /** English developer-facing text; the renderer shows its own translation of `code`. */
  message: string;
  /** Optional values the translated message may interpolate (counts, names). No secrets. */
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T>;
export function ok(): Result<void>;
export function ok<T>(value?: T): Result<T | undefined> {
  return { ok: true, value };
}

export function err<T = never>(
  code: ErrorCode,
  message: string,
  params?: Record<string, string | number>,
): Result<T> {
  return params ? { ok: false, error: { code, message, params } } : { ok: false, error: { code, message } };
}

/** Thrown inside main-process services to abort with a stable code; the dispatcher turns it into a Result. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
