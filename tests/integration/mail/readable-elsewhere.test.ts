/**
 * "Open the result in another mail program": mbsync (isync), reading our Maildir++ export as its
 * far side, must find every folder and every message, byte for byte. mbsync writes its own UID
 * bookkeeping into the store it reads, so it reads a copy of the backup, not the backup itself.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/main/mail/exporter';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../../support/dovecot';
import { exportRequest } from './helpers';

const run = promisify(execFile);
const MBSYNC = '/usr/bin/mbsync';
const hasDovecot = dovecotAvailable();
const hasMbsync = existsSync(MBSYNC);
if (!hasMbsync && process.env.CI) throw new Error('mbsync is not installed (apt-get install -y isync)');

/**
 * sha256 of every message file under a Maildir tree, as a sorted list (names differ between
 * stores). mbsync adds its own `X-TUID` header line to each message it copies: the other side's
 * copies are hashed without it.
 */
async function messageHashes(
  root: string,
  stripTuid = false,
): Promise<{ hashes: string[]; folders: Set<string> }> {
  const hashes: string[] = [];
  const folders = new Set<string>();
  async function walk(dir: string, rel: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name === 'cur' || entry.name === 'new') {
        const files = await readdir(path);
        if (files.length) folders.add(rel || 'INBOX');
        for (const f of files) {
          let bytes = await readFile(join(path, f));
          if (stripTuid)
            bytes = Buffer.from(bytes.toString('latin1').replace(/^X-TUID: [^\r\n]*\r?\n/m, ''), 'latin1');
          hashes.push(createHash('sha256').update(bytes).digest('hex'));
        }
      } else if (entry.name !== 'tmp') {
        await walk(path, rel ? `${rel}/${entry.name}` : entry.name);
      }
    }
  }
  await walk(root, '');
  return { hashes: hashes.sort(), folders };
}

/** How many message files under a Maildir tree carry each flag letter after `<sep>2,`. */
async function flagCounts(root: string, sep: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (entry.name === 'cur' || entry.name === 'new') {
        for (const f of await readdir(join(dir, entry.name))) {
          const at = f.lastIndexOf(`${sep}2,`);
          for (const l of at >= 0 ? f.slice(at + 3) : '') counts[l] = (counts[l] ?? 0) + 1;
        }
      } else if (entry.name !== 'tmp') await walk(join(dir, entry.name));
    }
  }
  await walk(root);
  return counts;
}

describe.skipIf(!hasDovecot || !hasMbsync)('a backup other mail programs can read', () => {
  let s: DovecotServer;
  const temps: string[] = [];
  beforeAll(async () => {
    s = await startDovecot({ fixture: { messages: 300, seed: 11 } });
  });
  afterAll(async () => {
    await s?.stop();
    for (const d of temps) await rm(d, { recursive: true, force: true });
  });

  async function readsEverything(separator: ':' | ';'): Promise<void> {
    const work = await mkdtemp(join(tmpdir(), 'closeout-readable-'));
    temps.push(work);
    const target = join(work, 'backup');
    const summary = await runExport(
      exportRequest(s, target, {
        // ';': what a disk that refuses ':' gets (FAT32, exFAT), simulated through the probe.
        acceptsColon: async () => separator === ':',
      }),
    );
    expect(summary.separator).toBe(separator);
    expect(summary.messages).toBe(300);

    const far = join(work, 'far');
    const near = join(work, 'near');
    const state = join(work, 'state');
    await cp(join(target, 'Maildir'), far, { recursive: true });
    await mkdir(near, { recursive: true });
    await mkdir(state, { recursive: true });
    const config = join(work, 'mbsyncrc');
    await writeFile(
      config,
      [
        'MaildirStore backup',
        `Inbox ${far}`,
        'SubFolders Maildir++',
        `InfoDelimiter ${separator}`,
        '',
        'MaildirStore copy',
        `Path ${near}/`,
        `Inbox ${near}/INBOX`,
        'SubFolders Verbatim',
        '',
        'Channel read',
        'Far :backup:',
        'Near :copy:',
        'Patterns *',
        'Create Near',
        'Sync Pull',
        `SyncState ${state}/`,
        '',
      ].join('\n'),
    );
    await run(MBSYNC, ['-c', config, '-a', '-q'], { timeout: 60_000 });

    const ours = await messageHashes(join(target, 'Maildir'));
    const theirs = await messageHashes(near, true);
    expect(theirs.hashes).toHaveLength(300);
    expect(theirs.hashes).toEqual(ours.hashes);
    // Every folder with mail, Chinese names included, arrives under its own name.
    expect([...theirs.folders].sort()).toEqual(
      [...ours.folders].map((f) => (f === 'INBOX' ? f : f.replace(/^\./, '').replace(/\./g, '/'))).sort(),
    );
    expect([...theirs.folders]).toContain('已发送');
    // The flags came across too: mbsync found them after the separator it was told about.
    const ourFlags = await flagCounts(join(target, 'Maildir'), separator);
    expect(ourFlags.S).toBeGreaterThan(100);
    expect(await flagCounts(near, ':')).toEqual(ourFlags);
  }

  it('mbsync reads every folder and every message of the export, byte for byte', () => readsEverything(':'));

  it('mbsync with InfoDelimiter ; reads an export made for a disk that refuses `:`', () =>
    readsEverything(';'));
});
