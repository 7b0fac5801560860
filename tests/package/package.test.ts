/**
 * Packaging smoke test: electron-builder lays out the Linux app around a stub "Electron" (the real
 * binary cannot be downloaded here) and the resulting app.asar holds exactly the built app.
 * Run by `npm run test:package`, which builds out/ first.
 */
import { execFile } from 'node:child_process';
import { access, chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { parseSync } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

let work: string;
let appDir: string;
let asarPath: string;
let entries: string[];
let log: string;

beforeAll(async () => {
  for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    await access(join(root, built)).catch(() => {
      throw new Error(`${built} is missing: run the app build first (npm run test:package does)`);
    });
  }
  work = await mkdtemp(join(tmpdir(), 'closeout-package-'));
  const stubDist = join(work, 'electron-dist');
  await mkdir(stubDist);
  await writeFile(join(stubDist, 'electron'), '#!/bin/sh\necho "stub electron"\n');
  await chmod(join(stubDist, 'electron'), 0o755);

  const output = join(work, 'release');
  const result = await run(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${stubDist}`,
      `-c.directories.output=${output}`,
    ],
    {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        CLOSEOUT_STUB_ELECTRON: '1',
        NODE_OPTIONS: `--import ${join(root, 'tests/package/no-network.mjs')}`,
        // Helpers electron-builder might spawn (its Go app-builder) get an unreachable proxy.
        HTTP_PROXY: 'http://127.0.0.1:9',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        ELECTRON_BUILDER_CACHE: join(work, 'cache'),
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      },
    },
  );
  log = `${result.stdout}\n${result.stderr}`;
  appDir = join(output, 'linux-unpacked');
  asarPath = join(appDir, 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
});

/** Module names passed as a string literal to require()/__require() anywhere in the program. */
function requiredModules(program: unknown): string[] {
  const found: string[] = [];
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const n = node as { type?: string; callee?: { type?: string; name?: string }; arguments?: unknown[] };
    if (
      n.type === 'CallExpression' &&
      n.callee?.type === 'Identifier' &&
      /^(__)?require$/.test(n.callee.name ?? '')
    ) {
      const [first] = n.arguments ?? [];
      const literal = first as { type?: string; value?: unknown } | undefined;
      if (literal?.type === 'Literal' && typeof literal.value === 'string') found.push(literal.value);
    }
    for (const value of Object.values(node))
      if (value !== null && typeof value === 'object') stack.push(value);
  }
  return found;
}

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('packaged app (linux dir, stub Electron)', () => {
  it('was built without touching the network, with the fuse step skipped only for the stub', () => {
    expect(log).not.toContain('CLOSEOUT_NETWORK_ATTEMPT');
    expect(log).toMatch(/fuses skipped: CLOSEOUT_STUB_ELECTRON=1/);
  });

  it('lays out the executable and app.asar, with no unpacked app folder', async () => {
    expect((await stat(join(appDir, 'closeout'))).isFile()).toBe(true);
    expect((await stat(asarPath)).isFile()).toBe(true);
    expect(await readdir(join(appDir, 'resources'))).toEqual(['app.asar']);
  });

  it('contains the built main, preload and renderer', () => {
    expect(entries).toContain('/out/main/index.js');
    expect(entries).toContain('/out/preload/index.cjs');
    expect(entries).toContain('/out/renderer/index.html');
    expect(entries.some((e) => /^\/out\/renderer\/assets\/[^/]+\.js$/.test(e))).toBe(true);
    expect(entries.some((e) => /^\/out\/renderer\/assets\/[^/]+\.css$/.test(e))).toBe(true);
    // The tray icon, imported by main with electron-vite's ?asset.
    expect(entries.some((e) => /^\/out\/main\/chunks\/32x32-[^/]+\.png$/.test(e))).toBe(true);
    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main: string };
    expect(entries).toContain(`/${manifest.main}`);
  });

  it('carries the licence notices of every package bundled into main, preload and renderer', () => {
    const read = (file: string) =>
      JSON.parse(extractFile(asarPath, file).toString('utf8')) as {
        name: string;
        version: string;
        license: string;
        text: string;
        standardText?: boolean;
      }[];
    const shown = read('out/renderer/third-party-notices.json');
    const names = new Set(shown.map((n) => n.name));
    // Main's mail client, the preload's validation and the renderer's framework, in the one list
    // the settings page shows.
    for (const name of ['imapflow', 'libmime', 'electron-store', 'zod', 'vue-i18n', 'naive-ui', 'echarts'])
      expect(names).toContain(name);
    for (const part of ['main', 'preload']) {
      for (const n of read(`out/${part}/third-party-notices.json`))
        expect(shown.some((s) => s.name === n.name && s.version === n.version)).toBe(true);
    }
    // Licence texts are there where packages ship them; no build or test tool (conf, a
    // devDependency here, is listed: electron-store bundles it), and not imapflow's unused logger,
    // which the build replaces with a stand-in.
    // Every package has a text: its own files, or (css-render, vdirs, tiny-case ship none) the
    // standard MIT text with the author its package.json names, marked as such.
    expect(shown.filter((n) => !n.text).map((n) => n.name)).toEqual([]);
    expect(shown.find((n) => n.name === 'imapflow')!.text).toMatch(/Permission is hereby granted/);
    const vdirs = shown.find((n) => n.name === 'vdirs')!;
    expect(vdirs.standardText).toBe(true);
    expect(vdirs.text).toMatch(/^MIT License\n\nCopyright \(c\) 07akioni\n/);
    const tools = [
      'electron',
      'vite',
      'vitest',
      '@playwright/test',
      'typescript',
      'esbuild',
      'electron-builder',
    ];
    expect(shown.filter((n) => tools.includes(n.name)).map((n) => n.name)).toEqual([]);
    expect(names.has('pino')).toBe(false);
  });

  it('holds nothing but out/** and package.json: no tests, harness, sources, maps or node_modules', () => {
    const stray = entries.filter((e) => !(e === '/package.json' || e === '/out' || e.startsWith('/out/')));
    expect(stray).toEqual([]);
    const forbidden = entries.filter((e) =>
      /(^|\/)(tests?|harness|node_modules|src|electron|bench|scripts)(\/|$)|\.(ts|vue|map|tsbuildinfo)$/.test(
        e.replace(/^\/out\//, '/'),
      ),
    );
    expect(forbidden).toEqual([]);
  });

  it('carries no harness file: no harness build, bridge or test control', () => {
    expect(entries.filter((e) => /harness/i.test(e))).toEqual([]);
    const main = extractFile(asarPath, 'out/main/index.js').toString('utf8');
    expect(main).not.toMatch(
      /harness-bridge|__closeoutHarness|createRecordingNotifier|createFileKeyProvider/,
    );
  });

  it('ships no dependency package at all: main is bundled and imports only electron and Node', () => {
    const main = extractFile(asarPath, 'out/main/index.js').toString('utf8');
    const parsed = parseSync('index.js', main);
    expect(parsed.errors).toEqual([]);
    const imported = [
      ...parsed.module.staticImports.map((i) => i.moduleRequest.value),
      ...parsed.module.dynamicImports.map((d) => main.slice(d.moduleRequest.start, d.moduleRequest.end)),
      ...requiredModules(parsed.program),
    ];
    expect(imported).toContain('electron');
    const builtins = new Set(builtinModules);
    const external = imported.filter(
      (name) =>
        name !== 'electron' && !builtins.has(name.replace(/^node:/, '').replace(/^["'`]|["'`]$/g, '')),
    );
    expect([...new Set(external)]).toEqual([]);
    const devDependencies = Object.keys(pkg.devDependencies);
    expect(entries.filter((e) => devDependencies.some((d) => e.includes(`/${d}/`)))).toEqual([]);
  });

  it('ships the preload as one CommonJS file needing only electron', () => {
    const preload = extractFile(asarPath, 'out/preload/index.cjs').toString('utf8');
    const parsed = parseSync('index.cjs', preload);
    expect(parsed.module.hasModuleSyntax).toBe(false);
    expect(requiredModules(parsed.program)).toEqual(['electron']);
  });
});
