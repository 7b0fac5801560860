/**
 * What the stand-in Electron BINARY runs (tests write an `electron` script that execs
 * `node --import register.mjs launch.mjs "$@"` and point ELECTRON_OVERRIDE_DIST_PATH at it).
 * Like Electron, it takes the app folder (electron-vite passes `.`), reads its package.json `main`,
 * and starts that bundle; once the window is shown it writes what happened to STANDIN_RECORD and
 * quits the app the way a user would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, standIn } from './electron.mjs';

const appDir = resolve(process.argv[2] ?? '.');
const { main } = JSON.parse(readFileSync(resolve(appDir, 'package.json'), 'utf8'));
const entry = resolve(appDir, main);
const record = {
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  entry,
  shown: false,
  channels: 0,
  quit: null,
};
const write = () =>
  process.env.STANDIN_RECORD && writeFileSync(process.env.STANDIN_RECORD, JSON.stringify(record, null, 2));

await import(pathToFileURL(entry).href);
standIn.ready();
const deadline = Date.now() + 30_000;
while (Date.now() < deadline && !BrowserWindow.getAllWindows().some((w) => w.isVisible())) {
  await new Promise((r) => setTimeout(r, 25));
}
record.shown = BrowserWindow.getAllWindows().some((w) => w.isVisible());
record.channels = standIn.ipcHandlers.size;
record.windowUrl = BrowserWindow.getAllWindows()[0]?.webContents.getURL() ?? null;
app.quit();
record.quit = await standIn.quitted;
write();
process.exit(record.shown ? 0 : 3);
