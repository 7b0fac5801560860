/**
 * Start at login on Linux: an XDG autostart entry ($XDG_CONFIG_HOME/autostart/<name>.desktop,
 * https://specifications.freedesktop.org/autostart-spec/latest/), which Electron's
 * setLoginItemSettings does not do. Plain Node: also usable where Electron is absent.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { LoginItem } from './types';

export interface AutostartOptions {
  /** File name without `.desktop`. */
  name: string;
  displayName: string;
  /** The program to start: the AppImage path when run from one, else the executable. */
  exec: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

export function autostartDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/')
      ? env.XDG_CONFIG_HOME
      : join(homedir(), '.config');
  return join(base, 'autostart');
}

/** Exec= quoting per the Desktop Entry spec: double quotes, with `"`, `` ` ``, `$` and `\` escaped. */
function quoteArg(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function desktopEntry(o: AutostartOptions): string {
  const exec = [o.exec, ...(o.args ?? [])].map(quoteArg).join(' ').replace(/%/g, '%%');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${o.displayName}`,
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function createLinuxAutostart(o: AutostartOptions): LoginItem & { readonly path: string } {
  const dir = autostartDir(o.env);
  const path = join(dir, `${o.name}.desktop`);
  return {
    path,
    async isEnabled() {
      try {
        const text = await readFile(path, 'utf8');
        return !/^Hidden=true$/m.test(text) && !/^X-GNOME-Autostart-enabled=false$/m.test(text);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw e;
      }
    },
    async setEnabled(enabled) {
      if (!enabled) {
        await rm(path, { force: true });
        return;
      }
      await mkdir(dir, { recursive: true });
      const tmp = `${path}.tmp-${process.pid}`;
      await writeFile(tmp, desktopEntry(o), { mode: 0o644 });
      await rename(tmp, path);
    },
  };
}
