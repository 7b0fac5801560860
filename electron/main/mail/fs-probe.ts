import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Whether the file system holding `dir` accepts `:` in a file name, found by trying: FAT32 and
 * exFAT refuse it on every OS (EINVAL), and on Windows `a:b` would create an NTFS alternate data
 * stream of `a` instead of a file, so the answer there is always no.
 */
export async function acceptsColon(
  dir: string,
  platform: NodeJS.Platform = process.platform,
): Promise<boolean> {
  if (platform === 'win32') return false;
  const probe = join(dir, `closeout-probe-${process.pid}:2,S`);
  try {
    const fh = await open(probe, 'w', 0o600);
    await fh.close();
  } catch {
    return false;
  }
  await unlink(probe).catch(() => {});
  return true;
}
