/**
 * Starts one of main's worker threads (the archive indexer, the mail
 * export). In the built app each worker is its own self-contained bundle, whose path the Electron
 * entry (`electron/main/electron/index.ts`) imports with electron-vite's `?modulePath` and passes
 * down. Run from source (the harness, tests) it is a two-line bootstrap that loads the TypeScript
 * file through tsx's API: a worker's `execArgv` does not take `--import`, and vitest's transform
 * does not reach worker threads.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

interface WorkerSource {
  code: string;
  eval: boolean;
}

/**
 * `builtPath`: the worker's bundle, when the app is built. `source`: the worker's TypeScript file
 * (a URL made relative to the caller's `import.meta.url`); `caller`: that `import.meta.url`.
 * `what` names the worker in the error thrown when neither is there.
 */
function workerSource(
  builtPath: string | undefined,
  source: URL,
  caller: string,
  what: string,
): WorkerSource {
  if (builtPath) return { code: builtPath, eval: false };
  const file = fileURLToPath(source);
  if (caller.endsWith('.ts') && existsSync(file)) {
    // The specifier is assembled so no bundler tries to follow it: tsx exists in development only.
    const api = join(dirname(createRequire(caller).resolve(['tsx', 'esm', 'api'].join('/'))), 'index.mjs');
    const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => m.tsImport(${JSON.stringify(pathToFileURL(file).href)}, ${JSON.stringify(caller)}))`;
    return { code, eval: true };
  }
  throw new Error(`${what} was not built`);
}

/** Starts the worker (see `workerSource` for `builtPath`, `source`, `caller` and `what`). */
export function startWorker(
  builtPath: string | undefined,
  source: URL,
  caller: string,
  what: string,
  options: { workerData: unknown; resourceLimits?: ResourceLimits },
): Worker {
  const { code, eval: isEval } = workerSource(builtPath, source, caller, what);
  return new Worker(code, { ...options, eval: isEval });
}
