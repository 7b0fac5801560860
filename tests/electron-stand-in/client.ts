/**
 * The test's side of host.mjs: starts the built main under the stand-in Electron in a child Node
 * process and drives it. See host.mjs for the operations.
 */
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const REPO = resolve(import.meta.dirname, '../..');
export const STAND_IN_DIR = join(REPO, 'tests/electron-stand-in');
export const REGISTER = join(STAND_IN_DIR, 'register.mjs');
export const MAIN_BUNDLE = join(REPO, 'out/main/index.js');
export const PRELOAD_BUNDLE = join(REPO, 'out/preload/index.cjs');
export const RENDERER_INDEX = join(REPO, 'out/renderer/index.html');

const run = promisify(execFile);
const SOURCES = [
  'electron',
  'renderer',
  'electron.vite.config.ts',
  'vite.renderer.config.ts',
  'package-lock.json',
  'package.json',
];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Runs `electron-vite build` when out/ is missing or older than its sources (what `npm run build` does). */
export async function ensureAppBuilt(): Promise<void> {
  const outputs = [MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_INDEX];
  const fresh =
    outputs.every((o) => existsSync(o)) &&
    Math.min(...outputs.map((o) => statSync(o).mtimeMs)) >
      Math.max(...SOURCES.map((s) => newestMtime(join(REPO, s))));
  if (fresh) return;
  await run(process.execPath, [join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: REPO,
    maxBuffer: 64 * 1024 * 1024,
  });
}

export interface HostOptions {
  userData: string;
  env?: Record<string, string>;
}

export type StartMessage =
  { started: true } | { started: false; quit: { how: string; code?: number }; console: unknown[] };

export interface BuiltApp {
  child: ChildProcess;
  started: StartMessage;
  call<T = unknown>(op: string, args?: Record<string, unknown>): Promise<T>;
  invoke<T = unknown>(
    channel: string,
    input?: unknown,
    sender?: 'trusted' | 'foreign' | 'subframe',
  ): Promise<T>;
  /** Waits for the child to exit (after a quit). */
  exited(): Promise<number | null>;
}

/** Starts out/main/index.js under the stand-in; resolves once main registered its handlers (or gave up). */
export async function startBuiltApp(options: HostOptions): Promise<BuiltApp> {
  const child = fork(join(STAND_IN_DIR, 'host.mjs'), [MAIN_BUNDLE], {
    cwd: REPO,
    execArgv: ['--import', REGISTER],
    env: { ...process.env, STANDIN_USER_DATA: options.userData, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let onStart: (m: StartMessage) => void = () => {};
  const startedPromise = new Promise<StartMessage>((r) => (onStart = r));
  child.on('message', (raw) => {
    const m = raw as {
      id?: number;
      ok?: boolean;
      value?: unknown;
      error?: string;
      started?: boolean;
      crash?: string;
    };
    if (typeof m.id === 'number') {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(`host: ${m.error}`));
    } else if (typeof m.started === 'boolean') onStart(m as StartMessage);
  });
  void exit.then((code) => {
    for (const p of pending.values()) p.reject(new Error(`the app process exited (${code}):\n${output}`));
    pending.clear();
    onStart({ started: false, quit: { how: 'process-exit', code: code ?? -1 }, console: [output] });
  });
  const call = <T>(op: string, args: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolvePromise, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolvePromise as (v: unknown) => void, reject });
      child.send({ id, op, ...args });
    });
  return {
    child,
    started: await startedPromise,
    call,
    invoke: <T>(channel: string, input?: unknown, sender: 'trusted' | 'foreign' | 'subframe' = 'trusted') =>
      call<T>('invoke', { channel, input, sender }),
    exited: () => exit,
  };
}
