/**
 * Memory bounded against any server (issue 13): scripted servers on 127.0.0.1 that never end a
 * line, or answer a 1 MiB partial fetch with a 1 GB literal. The client's limits (SESSION_LIMITS)
 * stop each early with its own error code, `mail.response-too-large` (not a dropped connection,
 * which would be retried), while this process's memory grows by a bounded amount, measured by
 * sampling its RSS. The servers stop sending once the client hangs up: far less than 1 GB is sent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/common/clock';
import type { AppFailure } from '../../../electron/common/result';
import { openSession, SESSION_LIMITS, type ConnectionSpec } from '../../../electron/main/mail/connection';
import { runExport } from '../../../electron/main/mail/exporter';
import { toMailFailure } from '../../../electron/main/mail/mail-errors';
import { ProgressTracker } from '../../../electron/main/mail/progress';
import { appInfo } from './helpers';
import { startOverflowServer } from './scripted-imap';

const temps: string[] = [];
afterAll(async () => {
  for (const d of temps) await rm(d, { recursive: true, force: true });
});

function plainSpec(port: number): ConnectionSpec {
  return {
    server: { host: '127.0.0.1', port, secure: false, origin: 'custom' },
    user: 'someone@163.com',
    authCode: 'abcdefgh12345678',
    plaintext: true,
    timeoutMs: 20_000,
  };
}

/** Runs `fn`, sampling RSS every 5 ms: the failure it ends with and the peak growth in MB. */
async function measured(
  fn: () => Promise<unknown>,
): Promise<{ failure: AppFailure; growthMb: number; ms: number }> {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const started = Date.now();
  let failure: AppFailure | null = null;
  try {
    await fn();
  } catch (e) {
    failure = toMailFailure(e);
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage.rss());
  if (!failure) throw new Error('expected a failure');
  return { failure, growthMb: (peak - baseline) / 2 ** 20, ms: Date.now() - started };
}

async function exportFrom(port: number) {
  const dir = await mkdtemp(join(tmpdir(), 'closeout-limits-'));
  temps.push(dir);
  return runExport({
    spec: plainSpec(port),
    address: 'someone@163.com',
    targetDir: dir,
    appInfo,
    clock: systemClock,
    signal: new AbortController().signal,
    progress: new ProgressTracker('t', systemClock, () => {}),
    reconnectDelaysMs: [],
  });
}

/** The limits leave room for ordinary traffic: a 1 MiB partial fetch, a long UID SEARCH answer. */
const GROWTH_LIMIT_MB = 64;

describe('mail: a server that overflows the limits', () => {
  it('a line that never ends: mail.response-too-large within bounded memory', async () => {
    const server = await startOverflowServer('endless-line');
    try {
      const r = await measured(() => exportFrom(server.port));
      expect(r.failure.code).toBe('mail.response-too-large');
      expect(r.growthMb).toBeLessThan(GROWTH_LIMIT_MB);
      expect(r.ms).toBeLessThan(20_000);
      // The client gave up at its line limit, not after the server ran out of patience.
      expect(server.sent()).toBeLessThan(SESSION_LIMITS.maxLineLength * 4);
    } finally {
      await server.close();
    }
  });

  it('a 1 GB literal in answer to a 1 MiB partial fetch: refused at its announcement', async () => {
    const server = await startOverflowServer('huge-literal');
    try {
      const r = await measured(() => exportFrom(server.port));
      expect(r.failure.code).toBe('mail.response-too-large');
      expect(r.growthMb).toBeLessThan(GROWTH_LIMIT_MB);
      expect(r.ms).toBeLessThan(20_000);
      expect(server.sent()).toBeLessThan(64 * 2 ** 20);
    } finally {
      await server.close();
    }
  });

  it('a greeting that never ends: the same code while connecting', async () => {
    const server = await startOverflowServer('endless-greeting');
    try {
      const r = await measured(() => openSession(plainSpec(server.port), appInfo));
      expect(r.failure.code).toBe('mail.response-too-large');
      expect(r.growthMb).toBeLessThan(GROWTH_LIMIT_MB);
    } finally {
      await server.close();
    }
  });

  it('is not treated as a dropped connection (no reconnecting to the same flood)', () => {
    for (const code of ['LineTooLarge', 'LiteralTooLarge', 'ResponseTooLarge', 'TooManyTokens']) {
      expect(toMailFailure(Object.assign(new Error('x'), { code })).code).toBe('mail.response-too-large');
    }
  });
});
