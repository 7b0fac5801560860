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

/**
 * Where a bare import should resolve instead, or null for the bundler's own resolution.
 * `importer` is the absolute path of the importing file.
 */
export function dedupedMailLibrary(source: string, importer: string | undefined): string | null {
  if (source === 'libmime' && existsSync(libmimeCjs)) return libmimeCjs;
  if (source === 'iconv-lite' && iconv && importer?.startsWith(imapflowDir)) return iconv;
  return null;
}

/** The same rule as an esbuild plugin. */
export const dedupeMailLibrariesEsbuild = {
  name: 'dedupe-mail-libraries',
  setup(build: {
    onResolve(
      options: { filter: RegExp },
      callback: (args: { path: string; importer: string }) => { path: string } | undefined,
    ): void;
  }): void {
    build.onResolve({ filter: /^(libmime|iconv-lite)$/ }, (args) => {
      const path = dedupedMailLibrary(args.path, args.importer);
      return path ? { path } : undefined;
    });
  },
};

/** The same rule as a Vite (Rollup) plugin. */
export const dedupeMailLibrariesVite = {
  name: 'dedupe-mail-libraries',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined): string | null {
    return dedupedMailLibrary(source, importer);
  },
};
