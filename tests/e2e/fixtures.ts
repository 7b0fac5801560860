/**
 * The e2e fixture: a real harness (real core, real vault files) in a child process on a fresh temp
 * data folder, so a test can stop it (SIGTERM) or kill it (SIGKILL) and start it again on the same
 * folder. `harness.url` is the page to open.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const repo = resolve(import.meta.dirname, '../..');

export interface HarnessProcess {
  url: string;
  dataDir: string;
  /** Base URL plus the token, for the test-control endpoints. */
  control(path: string, body?: unknown): Promise<unknown>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  dataDir: string;
  keyring?: 'available' | 'insecure' | 'unavailable';
  testControls?: boolean;
  /** Extra environment for the harness child (for example HARNESS_SAVE_DIR, where "save as" writes). */
  env?: Record<string, string>;
}

export async function startHarness(options: StartOptions): Promise<HarnessProcess> {
  const args = ['--import', 'tsx', 'tests/harness/cli.ts', '--data-dir', options.dataDir, '--no-build'];
  if (process.env.CLOSEOUT_E2E_RENDERER_DIR)
    args.push('--renderer-dir', process.env.CLOSEOUT_E2E_RENDERER_DIR);
  if (options.keyring) args.push('--keyring', options.keyring);
  if (options.testControls !== false) args.push('--test-controls');
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`harness did not print READY in 60 s\n${stderr}`)),
      60_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code} before READY\n${stderr}`));
    });
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  return {
    url,
    dataDir: options.dataDir,
    async control(path, body) {
      const res = await fetch(`${parsed.origin}${path}?token=${encodeURIComponent(token)}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

type Fixtures = {
  dataDir: string;
  harness: HarnessProcess;
};

export const test = base.extend<Fixtures>({
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'closeout-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  harness: async ({ dataDir }, use) => {
    const h = await startHarness({ dataDir });
    await use(h);
    await h.stop();
  },
});

export { expect };

/** Fails the test on any uncaught page error or CSP violation: both mean something is broken. */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return problems;
}
