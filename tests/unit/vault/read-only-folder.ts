import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ReadOnlyFolder {
  dir: string;
  /** How the folder is made read-only for real: chmod for ordinary users; root ignores modes, so it remounts a tmpfs read-only. */
  how: 'chmod' | 'remount';
  makeReadOnly(): void;
  makeWritable(): void;
  dispose(): void;
}

/** A real folder that can be made read-only, or null where neither method is possible (root without mount rights). */
export function readOnlyFolder(): ReadOnlyFolder | null {
  const base = mkdtempSync(join(tmpdir(), 'closeout-ro-'));
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    const dir = join(base, 'data');
    return {
      dir,
      how: 'chmod',
      makeReadOnly: () => chmodSync(dir, 0o500),
      makeWritable: () => chmodSync(dir, 0o700),
      dispose: () => {
        chmodSync(dir, 0o700);
        rmSync(base, { recursive: true, force: true });
      },
    };
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'tmpfs', base], { stdio: 'ignore' });
  } catch {
    rmSync(base, { recursive: true, force: true });
    return null;
  }
  const remount = (mode: 'ro' | 'rw') =>
    execFileSync('mount', ['-o', `remount,${mode}`, base], { stdio: 'ignore' });
  return {
    dir: join(base, 'data'),
    how: 'remount',
    makeReadOnly: () => remount('ro'),
    makeWritable: () => remount('rw'),
    dispose: () => {
      execFileSync('umount', [base], { stdio: 'ignore' });
      rmSync(base, { recursive: true, force: true });
    },
  };
}
