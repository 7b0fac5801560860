/**
 * One copy of libmime and of iconv-lite in a bundle of the main process.
 *
 * imapflow imports libmime as an ES module while @zone-eu/mailsplit (which imapflow uses) requires
 * it as CommonJS: a bundler follows the package's "import" and "require" conditions to two files,
 * so both builds of libmime were bundled, each with its own copy of iconv-lite (imapflow and
 * libmime each install one), and each built iconv-lite's GBK decoding tables when loaded. Here
 * every `libmime` resolves to its CommonJS build (its default export is the same object either
 * way, and mailsplit needs the CommonJS shape), and imapflow's `iconv-lite` to libmime's copy when
 * both are the same version. Other packages keep whatever they resolve to.
 *
 * libmime's charset module also builds iconv-lite's whole GBK codec when it is loaded, only to
 * keep the decoder class that every double-byte codec shares (some 35 ms of every start, before
 * any mail is read, and a resume of a complete backup decodes no charset at all): `lazyGbk`
 * rewrites that one line so the codec is built on the first charset decoded. Where the text is not
 * found exactly (another libmime), the file is bundled as it is.
 *
 * imapflow imports `pino` (its default logger) and `socks` (its proxy client) when it loads, though
 * Closeout never uses either: every connection is opened with `logger: false` and without `proxy`
 * (electron/main/mail/connection.ts). Imported from imapflow, both resolve to imapflow-unused.mjs,
 * which fails loudly if ever called. Some 350 KB of the export worker's bundle went with them.
 * Importing that bundle (esbuild, as the bench builds it; medians of 12 on a quiet machine) took
 * 101 ms before and 86 ms after; 78 ms once the bundle also had no comments and no non-ASCII
 * character left (electron.vite.config.ts, bench/export-child-bundle.ts), which V8 would otherwise
 * read as a two-byte string.
 *
 * Used by the app's build (electron.vite.config.ts, main) and by the bench's bundle of the export
 * child (bench/export-child-bundle.ts), so both bundle the same modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// import.meta.url rather than import.meta.dirname: Vite rewrites the former when it bundles its config.
const root = fileURLToPath(new URL('..', import.meta.url));
const modules = join(root, 'node_modules');

function versionAt(dir: string): string | null {
  try {
    return (
      (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? null
    );
  } catch {
    return null;
  }
}

/** libmime's own iconv-lite, or null when imapflow's is another version (then both stay). */
function sharedIconv(): string | null {
  const libmimeIconv = join(modules, 'libmime', 'node_modules', 'iconv-lite');
  const imapflowIconv = join(modules, 'imapflow', 'node_modules', 'iconv-lite');
  const a = versionAt(libmimeIconv);
  if (!a || a !== versionAt(imapflowIconv)) return null;
  const entry = join(libmimeIconv, 'lib', 'index.js');
  return existsSync(entry) ? entry : null;
}

const libmimeCjs = join(modules, 'libmime', 'dist', 'cjs', 'libmime.js');
const iconv = sharedIconv();
const imapflowDir = join(modules, 'imapflow') + sep;
const unused = join(root, 'scripts', 'imapflow-unused.mjs');

/**
 * Where a bare import should resolve instead, or null for the bundler's own resolution.
 * `importer` is the absolute path of the importing file.
 */
export function dedupedMailLibrary(source: string, importer: string | undefined): string | null {
  if (source === 'libmime' && existsSync(libmimeCjs)) return libmimeCjs;
  if (source === 'iconv-lite' && iconv && importer?.startsWith(imapflowDir)) return iconv;
  if ((source === 'pino' || source === 'socks') && importer?.startsWith(imapflowDir)) return unused;
  return null;
}

const charsetModule = join(modules, 'libmime', 'dist', 'cjs', 'charset.js');
const EAGER_GBK = "const DBCS_DECODER = iconv_lite_1.default.getCodec('gbk').decoder;";
const LAZY_GBK =
  "let DBCS_DECODER_BUILT; const dbcsDecoder = () => (DBCS_DECODER_BUILT ??= iconv_lite_1.default.getCodec('gbk').decoder);";
const DBCS_TEST = 'codec.decoder === DBCS_DECODER';

/**
 * libmime's charset module with the GBK codec built on first use, or null when `path` is another
 * file or the text is not the one expected (then the module is bundled unchanged).
 */
export function lazyGbk(path: string, code: string): string | null {
  if (path !== charsetModule) return null;
  if (code.split(EAGER_GBK).length !== 2 || code.split(DBCS_TEST).length !== 2) return null;
  if (code.split('DBCS_DECODER').length !== 3) return null;
  return code.replace(EAGER_GBK, LAZY_GBK).replace(DBCS_TEST, 'codec.decoder === dbcsDecoder()');
}

/** The same rules as an esbuild plugin. */
export const dedupeMailLibrariesEsbuild = {
  name: 'dedupe-mail-libraries',
  setup(build: {
    onResolve(
      options: { filter: RegExp },
      callback: (args: { path: string; importer: string }) => { path: string } | undefined,
    ): void;
    onLoad(
      options: { filter: RegExp },
      callback: (args: { path: string }) => { contents: string; loader: 'js' } | undefined,
    ): void;
  }): void {
    build.onResolve({ filter: /^(libmime|iconv-lite|pino|socks)$/ }, (args) => {
      const path = dedupedMailLibrary(args.path, args.importer);
      return path ? { path } : undefined;
    });
    build.onLoad({ filter: /[\\/]libmime[\\/]dist[\\/]cjs[\\/]charset\.js$/ }, (args) => {
      const code = lazyGbk(args.path, readFileSync(args.path, 'utf8'));
      return code === null ? undefined : { contents: code, loader: 'js' };
    });
  },
};

/** The same rules as a Vite (Rollup) plugin. */
export const dedupeMailLibrariesVite = {
  name: 'dedupe-mail-libraries',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined): string | null {
    return dedupedMailLibrary(source, importer);
  },
  transform(code: string, id: string): string | null {
    return lazyGbk(id, code);
  },
};
