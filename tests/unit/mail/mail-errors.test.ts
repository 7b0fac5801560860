/**
 * How an error thrown during a backup becomes the failure the user reads: a fault in the program
 * while the session is up is `mail.internal` (`mail.verify-internal` during a verification), never
 * a lost connection that reconnecting would fix.
 */
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/common/result';
import { isProgrammingError, isTransient, toExportFailure } from '../../../electron/main/mail/mail-errors';

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
    const f = toExportFailure(new TypeError("Cannot read properties of undefined (reading 'count')"), true);
    expect(f.code).toBe('mail.internal');
    expect(f.message).toContain('TypeError');
    expect(isTransient(f)).toBe(false);
  });

  it('says verification, not backup, for the same fault during a verification', () => {
    const f = toExportFailure(new RangeError('offset out of range'), true, 'verification');
    expect(f.code).toBe('mail.verify-internal');
    expect(f.message).toMatch(/^The verification stopped .*RangeError/);
    expect(isTransient(f)).toBe(false);
    expect(toExportFailure(new RangeError('x'), false, 'verification').code).toBe('mail.connection-lost');
  });

  it('keeps every other error as before, and a fault after the session closed as the closed session', () => {
    expect(toExportFailure(new TypeError('socket is null'), false).code).toBe('mail.connection-lost');
    expect(toExportFailure(Object.assign(new Error('x'), { code: 'ENOSPC' }), true).code).toBe(
      'mail.disk-full',
    );
    // A TypeError that names a known cause keeps it.
    expect(toExportFailure(Object.assign(new TypeError('x'), { code: 'ECONNRESET' }), true).code).toBe(
      'mail.connection-lost',
    );
    expect(toExportFailure(Object.assign(new Error('gone'), { code: 'NoConnection' }), true).code).toBe(
      'mail.connection-lost',
    );
  });
});
