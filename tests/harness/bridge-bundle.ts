/**
 * The harness's window.closeout as one browser script: tests/harness/bridge-client.ts with the
 * bridge factory and the contract it derives from, bundled by Vite (as the renderer is) once per
 * process.
 */
import { join } from 'node:path';
import { build, type Rollup } from 'vite';

let bundled: Promise<string> | null = null;

export function harnessBridgeSource(): Promise<string> {
  bundled ??= (async () => {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: {
          entry: join(import.meta.dirname, 'bridge-client.ts'),
          formats: ['iife'],
          name: 'closeoutHarnessBridge',
        },
      },
    });
    const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
    const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
    if (!chunk) throw new Error('The harness bridge did not bundle');
    return chunk.code;
  })();
  return bundled;
}
