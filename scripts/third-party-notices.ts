/**
 * The licence notices of the open-source packages inside the app's bundles. The packaged app ships
 * out/** only, no node_modules (package.json "build.files"), so the notices the packages' licences
 * ask to be kept with copies of their code travel here: `third-party-notices.json` next to each
 * build's output (format: electron/common/third-party-notices.ts), listing every package that code in the bundle came from, with its version,
 * licence and the full text of its licence (and NOTICE) files. The renderer's build also takes in
 * the lists of the main and preload builds (electron-vite builds those first), so the app's
 * settings page can show them all (renderer/src/views/settings/LicencesSection.vue).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { Plugin } from 'vite';
import {
  NOTICES_FILE,
  thirdPartyNoticeListSchema,
  type ThirdPartyNotice,
} from '../electron/common/third-party-notices';
import { holderOf, standardLicenceText } from './licence-templates';

const NOTICE_FILE = /^(licen[cs]e|copying|notice)(\b|[-_.]|$)/i;

/**
 * The folder of the package a bundled module belongs to (the nearest folder under node_modules
 * with a package.json naming a package), or null for the project's own code.
 */
export function packageDirOf(moduleId: string): string | null {
  const file = moduleId.split('?')[0]!;
  if (file.startsWith('\0')) return null;
  const marker = `${sep}node_modules${sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return null;
  const parts = file.slice(at + marker.length).split(sep);
  const depth = parts[0]?.startsWith('@') ? 2 : 1;
  if (parts.length <= depth) return null;
  let dir = file.slice(0, at + marker.length) + parts.slice(0, depth).join(sep);
  // A package may carry a package.json of its own deeper down (dist/esm/package.json with only a
  // "type"): the one at the package's root names it.
  if (!existsSync(join(dir, 'package.json'))) {
    dir = dirname(file);
    while (!existsSync(join(dir, 'package.json'))) {
      const up = dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  }
  return dir;
}

function licenseOf(pkg: { license?: unknown; licenses?: unknown }): string {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license === 'object' && 'type' in pkg.license)
    return String((pkg.license as { type: unknown }).type);
  if (Array.isArray(pkg.licenses))
    return pkg.licenses
      .map((l: unknown) => (l && typeof l === 'object' && 'type' in l ? String(l.type) : ''))
      .filter(Boolean)
      .join(' OR ');
  return '';
}

/** The notice of the package in `dir`. */
export function noticeOf(dir: string): ThirdPartyNotice {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name?: string;
    version?: string;
    license?: unknown;
    licenses?: unknown;
    author?: unknown;
    contributors?: unknown;
  };
  const entries = readdirSync(dir, { withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && NOTICE_FILE.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => Number(/^notice/i.test(a)) - Number(/^notice/i.test(b)) || a.localeCompare(b));
  // A `licenses/` folder holds the licences of code the package itself took in (echarts: d3's).
  for (const e of entries) {
    if (!e.isDirectory() || !/^licen[cs]es$/i.test(e.name)) continue;
    for (const f of readdirSync(join(dir, e.name), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    ))
      if (f.isFile()) files.push(join(e.name, f.name));
  }
  const text = files
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/\r\n?/g, '\n').trim())
    .filter(Boolean)
    .join('\n\n');
  const license = licenseOf(pkg);
  const standard = text ? null : standardLicenceText(license, holderOf(pkg));
  return {
    name: pkg.name ?? dir.split(sep).pop()!,
    version: pkg.version ?? '',
    license,
    text: text || standard || '',
    ...(standard ? { standardText: true } : {}),
  };
}

/** One notice per package (name and version), sorted by name: those of `moduleIds` and `more`. */
export function collectNotices(
  moduleIds: Iterable<string>,
  more: Iterable<ThirdPartyNotice> = [],
): ThirdPartyNotice[] {
  const byKey = new Map<string, ThirdPartyNotice>();
  for (const n of more) byKey.set(`${n.name}@${n.version}`, n);
  const dirs = new Set<string>();
  for (const id of moduleIds) {
    const dir = packageDirOf(id);
    if (dir) dirs.add(dir);
  }
  for (const dir of dirs) {
    const n = noticeOf(dir);
    byKey.set(`${n.name}@${n.version}`, n);
  }
  return [...byKey.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
}

/**
 * The build plugin (Vite and electron-vite's rolldown alike): emits `third-party-notices.json`
 * for the modules whose code is in the bundle. `alsoFrom`: lists written by earlier builds to
 * take in (skipped where missing, so the renderer built alone lists its own).
 */
export function thirdPartyNotices(options: { alsoFrom?: string[] } = {}): Plugin {
  return {
    name: 'closeout-third-party-notices',
    apply: 'build',
    generateBundle(_out, bundle) {
      const ids: string[] = [];
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [id, m] of Object.entries(chunk.modules)) if (m.renderedLength > 0) ids.push(id);
      }
      const more = (options.alsoFrom ?? [])
        .filter((f) => existsSync(f))
        .flatMap((f) => thirdPartyNoticeListSchema.parse(JSON.parse(readFileSync(f, 'utf8'))));
      this.emitFile({
        type: 'asset',
        fileName: NOTICES_FILE,
        source: JSON.stringify(collectNotices(ids, more)),
      });
    },
  };
}
