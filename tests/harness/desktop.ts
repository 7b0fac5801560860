import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { DesktopAdapter } from '../../electron/main/adapters/types';

/**
 * The harness has no OS dialogs: the folder picker answers from HARNESS_PICK_FOLDER (tests set it;
 * several folders joined with the path delimiter are answered in turn, the last one from then on),
 * "open in the file manager" records the path, "save as" writes into HARNESS_SAVE_DIR (default: a
 * folder in the temp directory) under the proposed name, and PDF printing is Chromium's own
 * (`--print-to-pdf`), as Electron's printToPDF is in the app.
 */
export function createHarnessDesktop(): DesktopAdapter & { opened: string[]; saved: string[] } {
  const opened: string[] = [];
  const saved: string[] = [];
  const picks = process.env.HARNESS_PICK_FOLDER?.split(delimiter).filter(Boolean) ?? [];
  return {
    opened,
    saved,
    chooseFolder: async () => (picks.length > 1 ? picks.shift()! : (picks[0] ?? null)),
    openPath: async (path) => {
      opened.push(path);
    },
    saveFile: async ({ defaultName }, data) => {
      const dir = process.env.HARNESS_SAVE_DIR ?? join(tmpdir(), 'closeout-harness-saves');
      await mkdir(dir, { recursive: true });
      const path = join(dir, defaultName);
      await writeFile(path, data, { mode: 0o600 });
      saved.push(path);
      return path;
    },
    printToPdf: (html) => printWithChromium(html),
  };
}

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error('Chromium not found: set CHROMIUM_PATH');
}

async function printWithChromium(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'closeout-print-'));
  try {
    const input = join(dir, 'report.html');
    const output = join(dir, 'report.pdf');
    await writeFile(input, html, 'utf8');
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${output}`,
      `file://${input}`,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromiumPath(), args, { stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`chromium exited with ${code}`));
      });
    });
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
