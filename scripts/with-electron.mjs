#!/usr/bin/env node
/**
 * `npm start`, `npm run dev` and `npm run dist` go through here: make sure Electron's program is on
 * this machine, then run the command with ELECTRON_EXEC_PATH pointing at it.
 *
 * Electron 42 and later no longer download their binary at `npm install` (the package has no
 * postinstall), and electron-vite only reads `node_modules/electron/path.txt`, so a fresh clone
 * failed with electron-vite's "Electron uninstall". The download is Electron's own installer (the
 * package's `install-electron` bin, node_modules/electron/install.js), run once; a machine that
 * already has the binary starts without any network access.
 *
 *   node scripts/with-electron.mjs electron-vite preview
 *   node scripts/with-electron.mjs --dist          (electron-vite build, then electron-builder)
 *
 * Where the download cannot happen, one short message and exit code 1: no stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');

/** Where the electron package lives and what its installer would write. */
export function electronPackage() {
  const pkgJson = require.resolve('electron/package.json', { paths: [root] });
  const dir = dirname(pkgJson);
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8'));
  return { dir, version, installer: join(dir, 'install.js') };
}

/** The executable's path inside an Electron dist folder, as electron's own installer names it. */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function isExecutable(path) {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The installed binary, or null. ELECTRON_OVERRIDE_DIST_PATH wins (as in electron's own index.js);
 * otherwise the package's dist/ counts only when its version file matches the package.
 */
export function findElectron(env = process.env) {
  const pkg = electronPackage();
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const distDir = resolve(override);
    const exec = join(distDir, platformExecutable());
    return { exec, distDir, source: 'override', present: isExecutable(exec) };
  }
  const distDir = join(pkg.dir, 'dist');
  let relPath = null;
  let version = null;
  try {
    relPath = readFileSync(join(pkg.dir, 'path.txt'), 'utf8').trim();
    version = readFileSync(join(distDir, 'version'), 'utf8').trim().replace(/^v/, '');
  } catch {
    // Not installed yet.
  }
  const exec = join(distDir, relPath || platformExecutable());
  const present = relPath !== null && version === pkg.version && existsSync(exec);
  return { exec, distDir, source: 'package', present };
}

/**
 * The one reason worth showing from the installer's output (it prints a stack trace), in English
 * and in Chinese: the two-language message says the same in both.
 */
export function downloadFailureReason(output) {
  const text = String(output);
  if (/checksum|sha256|integrity/i.test(text))
    return {
      en: 'the downloaded file did not match its published checksum',
      zh: '下载的文件与公布的校验值不符',
    };
  const status = /\b(?:status(?: code)?|HTTP(?:Error)?)\D{0,20}([1-5]\d\d)\b/i.exec(text);
  if (status)
    return { en: `the download server answered HTTP ${status[1]}`, zh: `下载服务器返回了 HTTP ${status[1]}` };
  if (/ENOSPC/.test(text)) return { en: 'the disk is full', zh: '磁盘已满' };
  if (/EACCES|EPERM/.test(text))
    return {
      en: 'no permission to write into node_modules/electron',
      zh: '没有权限写入 node_modules/electron',
    };
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket|network|proxy/i.test(text)) {
    return {
      en: 'the download server could not be reached (offline, or blocked by a proxy or firewall)',
      zh: '连不上下载服务器（没有联网，或被代理、防火墙拦住了）',
    };
  }
  const first = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  return first
    ? { en: first.slice(0, 200), zh: `安装程序的提示是：${first.slice(0, 200)}` }
    : { en: 'the installer stopped without saying why', zh: '安装程序没有说明原因就停止了' };
}

function say(lines) {
  process.stderr.write(`\n${lines.join('\n')}\n\n`);
}

/** Runs Electron's installer once; returns the found binary or exits with the short message. */
export function ensureElectron(env = process.env) {
  const found = findElectron(env);
  if (found.present) return found;
  const { version, installer } = electronPackage();
  if (found.source === 'override') {
    say([
      `Closeout: no Electron program at ${found.exec}.`,
      `ELECTRON_OVERRIDE_DIST_PATH must name the folder of an installed Electron ${version.split('.')[0]} (the folder holding "${platformExecutable()}").`,
      `Closeout：在 ${found.exec} 找不到 Electron 程序。ELECTRON_OVERRIDE_DIST_PATH 应指向已安装的 Electron ${version.split('.')[0]} 所在的文件夹。`,
    ]);
    process.exit(1);
  }
  process.stderr.write(
    `Closeout: downloading Electron ${version} (about 100 MB, once; later starts need no network)...\n`,
  );
  const result = spawnSync(process.execPath, [installer], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const after = findElectron(env);
  if (result.status === 0 && after.present) return after;
  const reason = downloadFailureReason(
    `${result.stderr ?? ''}\n${result.stdout ?? ''}\n${result.error?.message ?? ''}`,
  );
  const major = version.split('.')[0];
  say([
    `Closeout cannot start: Electron ${version}, the program it runs in, is not installed, and downloading it failed: ${reason.en}.`,
    'Two ways out:',
    '  1. Connect to the internet once and run the same command again (the download is kept for later starts).',
    `  2. Or set ELECTRON_OVERRIDE_DIST_PATH to the folder of an Electron ${major} you already have, e.g.`,
    `     ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-${major} npm start`,
    '',
    `Closeout 无法启动：它运行所需的 Electron ${version} 尚未安装，下载失败：${reason.zh}。`,
    '两种解决办法：',
    '  1. 联网后再运行一次同样的命令（下载一次即可，以后启动不再需要网络）。',
    `  2. 或者把 ELECTRON_OVERRIDE_DIST_PATH 设为已安装的 Electron ${major} 所在的文件夹，例如：`,
    `     ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-${major} npm start`,
  ]);
  process.exit(1);
}

function binPath(name) {
  return join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
}

function run(command, args, env) {
  return new Promise((resolveRun) => {
    const child = spawn(binPath(command), args, {
      stdio: 'inherit',
      env,
      shell: process.platform === 'win32',
    });
    // Ctrl+C reaches the child through the terminal's process group; just wait for it.
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('close', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
  });
}

async function main(argv) {
  if (argv.length === 0) {
    say(['usage: node scripts/with-electron.mjs <command> [args...] | --dist [electron-builder args...]']);
    process.exit(2);
  }
  const electron = ensureElectron();
  const env = { ...process.env, ELECTRON_EXEC_PATH: electron.exec };
  if (argv[0] === '--dist') {
    const built = await run('electron-vite', ['build'], env);
    if (built !== 0) process.exit(built);
    // electron-builder would otherwise download its own copy of the same Electron.
    process.exit(
      await run(
        'electron-builder',
        ['--publish', 'never', `--config.electronDist=${electron.distDir}`, ...argv.slice(1)],
        env,
      ),
    );
  }
  process.exit(await run(argv[0], argv.slice(1), env));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await main(process.argv.slice(2));
}
