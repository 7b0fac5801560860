/**
 * The bundle rules of scripts/dedupe-mail-libraries.ts against the installed packages: one libmime
 * and one iconv-lite where imapflow and mailsplit would bring two, and libmime's GBK codec built on
 * first use. The bundle is really built (esbuild, as bench/export-child-bundle.ts does) and run by
 * node: it still decodes GBK and Big5 words. A libmime upgrade that changes the rewritten line
 * fails here instead of silently bringing the start-up cost back.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dedupeMailLibrariesEsbuild,
  dedupedMailLibrary,
  lazyGbk,
} from '../../../scripts/dedupe-mail-libraries';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const charset = join(root, 'node_modules', 'libmime', 'dist', 'cjs', 'charset.js');

describe('bundle rules for the mail libraries', () => {
  let dir: string;
  let inputs: string[];
  let out: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'closeout-bundle-rules-'));
    const entry = join(dir, 'entry.mjs');
    // imapflow (ESM, imports libmime and iconv-lite) and libmime's CommonJS users in one bundle.
    await writeFile(
      entry,
      [
        `import { ImapFlow } from ${JSON.stringify(join(root, 'node_modules', 'imapflow', 'dist', 'esm', 'imap-flow.js'))};`,
        `import libmime from 'libmime';`,
        `const gbk = '=?GBK?B?' + Buffer.from([0xc4, 0xe3, 0xba, 0xc3]).toString('base64') + '?=';`,
        `const big5 = '=?big5?B?' + Buffer.from([0xa7, 0x41, 0xa6, 0x6e]).toString('base64') + '?=';`,
        `const quiet = new ImapFlow({ host: '127.0.0.1', port: 1, logger: false });`,
        `let defaultLogger = 'created';`,
        `try { new ImapFlow({ host: '127.0.0.1', port: 1 }); } catch (e) { defaultLogger = e.message; }`,
        `console.log(JSON.stringify([typeof ImapFlow, libmime.decodeWords(gbk), libmime.decodeWords(big5), typeof quiet.connect, defaultLogger]));`,
      ].join('\n'),
    );
    out = join(dir, 'out.mjs');
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: out,
      metafile: true,
      logLevel: 'silent',
      nodePaths: [join(root, 'node_modules')],
      plugins: [dedupeMailLibrariesEsbuild],
      banner: {
        js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
      },
    });
    inputs = Object.keys(result.metafile.inputs);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('bundles one libmime and one iconv-lite', () => {
    expect(inputs.filter((f) => /libmime\/dist\/(esm|cjs)\/libmime\.js$/.test(f))).toHaveLength(1);
    expect(inputs.filter((f) => /iconv-lite\/lib\/index\.js$/.test(f))).toHaveLength(1);
  });

  it('builds the GBK codec on first use, and still decodes GBK and Big5', async () => {
    expect(lazyGbk(charset, await readFile(charset, 'utf8'))).toContain('dbcsDecoder()');
    expect(await readFile(out, 'utf8')).toContain('DBCS_DECODER_BUILT ??=');
    const { stdout } = await run(process.execPath, [out]);
    expect(JSON.parse(stdout).slice(0, 3)).toEqual(['function', '你好', '你好']);
  });

  it('gives imapflow a stand-in for pino and socks, which fails loudly if ever used', async () => {
    expect(
      inputs.filter((f) => /node_modules\/(pino|socks|ip-address|sonic-boom|thread-stream)\//.test(f)),
    ).toEqual([]);
    expect(inputs.some((f) => f.endsWith('scripts/imapflow-unused.mjs'))).toBe(true);
    const { stdout } = await run(process.execPath, [out]);
    // A session with `logger: false`, as Closeout opens every one, never reaches the stand-in.
    const [, , , connect, defaultLogger] = JSON.parse(stdout) as string[];
    expect(connect).toBe('function');
    expect(defaultLogger).toContain("imapflow's default logger (pino) is not part of Closeout's build");
  });

  it('leaves pino and socks to the bundler when something other than imapflow imports them', () => {
    expect(dedupedMailLibrary('pino', join(root, 'electron', 'main', 'x.ts'))).toBeNull();
    expect(dedupedMailLibrary('socks', undefined)).toBeNull();
    expect(
      dedupedMailLibrary('pino', join(root, 'node_modules', 'imapflow', 'dist', 'esm', 'logger.js')),
    ).toBe(join(root, 'scripts', 'imapflow-unused.mjs'));
  });

  it('leaves any other file, or another text of the charset module, as it is', () => {
    expect(lazyGbk(join(root, 'other.js'), 'const DBCS_DECODER = 1;')).toBeNull();
    expect(lazyGbk(charset, 'module.exports = {};')).toBeNull();
  });
});
