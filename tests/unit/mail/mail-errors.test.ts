/**
 * How an error thrown during a backup becomes the failure the user reads: a fault in the program
 * while the session is up is `mail.internal` (`mail.verify-internal` during a verification), never
 * a lost connection that reconnecting would fix.
 */
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/common/result';
import {
  isProgrammingError,
  isTransient,
  toFileFailure,
  toRequestFailure,
  toRunFailure,
} from '../../../electron/main/mail/mail-errors';

describe('failures of a backup', () => {
  it('takes JavaScript’s own error types for a fault in the program', () => {
    expect(isProgrammingError(new TypeError('x is undefined'))).toBe(true);
    expect(isProgrammingError(new RangeError('offset out of range'))).toBe(true);
    expect(isProgrammingError(new ReferenceError('y is not defined'))).toBe(true);
    expect(isProgrammingError(new Error('Command failed'))).toBe(false);
    expect(isProgrammingError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(
      false,
    );
    expect(isProgrammingError(new AppFailure('mail.io', 'x'))).toBe(false);
  });

  it('reports a fault while the session is up as mail.internal, which is not retried', () => {
    const f = toRunFailure(new TypeError("Cannot read properties of undefined (reading 'count')"), true);
    expect(f.code).toBe('mail.internal');
    expect(f.message).toContain('TypeError');
    expect(isTransient(f)).toBe(false);
  });

  it('says verification, not backup, for the same fault during a verification', () => {
    const f = toRunFailure(new RangeError('offset out of range'), true, 'verification');
    expect(f.code).toBe('mail.verify-internal');
    expect(f.message).toMatch(/^The verification stopped .*RangeError/);
    expect(isTransient(f)).toBe(false);
    expect(toRunFailure(new RangeError('x'), false, 'verification').code).toBe('mail.connection-lost');
  });

  it('keeps every other error as before, and a fault after the session closed as the closed session', () => {
    expect(toRunFailure(new TypeError('socket is null'), false).code).toBe('mail.connection-lost');
    expect(toRunFailure(Object.assign(new Error('x'), { code: 'ENOSPC' }), true).code).toBe('mail.disk-full');
    // A TypeError that names a known cause keeps it.
    expect(toRunFailure(Object.assign(new TypeError('x'), { code: 'ECONNRESET' }), true).code).toBe(
      'mail.connection-lost',
    );
    expect(toRunFailure(Object.assign(new Error('gone'), { code: 'NoConnection' }), true).code).toBe(
      'mail.connection-lost',
    );
  });

  it('never calls a failed write of the state file after a verification a lost connection', () => {
    // The verification's result could not be written: no connection is involved any more.
    expect(toFileFailure(Object.assign(new Error('x'), { code: 'ENOSPC' }), 'verification').code).toBe(
      'mail.disk-full',
    );
    expect(toFileFailure(Object.assign(new Error('x'), { code: 'EACCES' }), 'verification').code).toBe(
      'mail.target-not-writable',
    );
    expect(toFileFailure(new TypeError('state.folders is undefined'), 'verification').code).toBe(
      'mail.verify-internal',
    );
    const unnamed = toFileFailure(new Error('write failed'), 'verification');
    expect(unnamed.code).toBe('mail.io');
    expect(unnamed.message).toContain('write failed');
  });

  it('reports a fault in the program during one of the mail screen’s requests as ipc.internal', () => {
    const f = toRequestFailure(new TypeError("Cannot read properties of null (reading 'messages')"));
    expect(f.code).toBe('ipc.internal');
    expect(f.message).toContain('TypeError');
    // Everything with a known cause, and an unnamed session error, as before.
    expect(toRequestFailure(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).code).toBe(
      'mail.unreachable',
    );
    expect(toRequestFailure(new AppFailure('mail.busy', 'x')).code).toBe('mail.busy');
    expect(toRequestFailure(new Error('Command failed')).code).toBe('mail.connection-lost');
  });
});
