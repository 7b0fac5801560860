/**
 * A backup only grows (issue 13), against a real Dovecot on 127.0.0.1: a rerun after a mail
 * program renamed files (flags changed) and after messages were expunged on the server loses
 * nothing and fetches nothing again; verification compares server, manifest and disk and names
 * the folder whose files are missing or different; a folder that cannot be written fails alone;
 * a disk that refuses `:` in file names (FAT32/exFAT, simulated through the probe) gets `;`.
 */
import {
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
  appendFile,
  mkdir,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/common/clock';
import { readBackupState } from '../../../electron/main/mail/backup-state';
import { closeSession, openSession } from '../../../electron/main/mail/connection';
import { runExport, type ExportRequest } from '../../../electron/main/mail/exporter';
import { acceptsColon } from '../../../electron/main/mail/fs-probe';
import { backupPaths } from '../../../electron/main/mail/layout';
import { readManifest, type ManifestRecord } from '../../../electron/main/mail/manifest';
import { ProgressTracker } from '../../../electron/main/mail/progress';
import { verifyBackup } from '../../../electron/main/mail/verify';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../../support/dovecot';
import { appInfo, exportRequest, expectEqualsFixture, tlsSpec } from './helpers';

const hasDovecot = dovecotAvailable();
const temps: string[] = [];
async function target(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'closeout-keep-'));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  for (const d of temps) await rm(d, { recursive: true, force: true });
});

function exportOnce(s: DovecotServer, targetDir: string, extra: Partial<ExportRequest> = {}) {
  return runExport(exportRequest(s, targetDir, { tuning: { batchMessages: 50 }, ...extra }));
}

async function verify(s: DovecotServer, targetDir: string, deep = true) {
  const client = await openSession(tlsSpec(s), appInfo);
  try {
    return await verifyBackup(client, { targetDir, nowIso: new Date().toISOString(), deep });
  } finally {
    await closeSession(client);
  }
}

async function inboxManifest(targetDir: string): Promise<Map<number, ManifestRecord>> {
  const state = (await readBackupState(backupPaths(targetDir).state))!;
  const inbox = state.folders.find((g) => g.path === 'INBOX' && g.current)!;
  return readManifest(join(backupPaths(targetDir).manifests, inbox.manifest));
}

/** Every file under the Maildir's cur/ and new/ folders, relative to the Maildir root. */
async function allMessageFiles(targetDir: string): Promise<string[]> {
  const root = backupPaths(targetDir).maildir;
  const out: string[] = [];
  for (const d of ['', ...(await readdir(root)).filter((n) => n.startsWith('.'))]) {
    for (const sub of ['cur', 'new']) {
      for (const n of await readdir(join(root, d, sub)).catch(() => [] as string[]))
        out.push(join(d, sub, n));
    }
  }
  return out.sort();
}

async function expunge(s: DovecotServer, folder: string, uids: number[]): Promise<void> {
  const client = await openSession(tlsSpec(s), appInfo);
  try {
    await client.mailboxOpen(folder);
    await client.messageDelete(uids.join(','), { uid: true });
  } finally {
    await closeSession(client);
  }
}

/** `…:2,R` -> `…:2,RS`: what mutt or Dovecot do when a message is read. */
function markedRead(file: string, sep = ':'): string {
  const at = file.lastIndexOf(`${sep}2,`);
  const flags = new Set(file.slice(at + 3));
  flags.add('S');
  return file.slice(0, at + 3) + [...flags].sort().join('');
}

describe.skipIf(!hasDovecot)('a mail backup only grows', () => {
  let s: DovecotServer;
  beforeAll(async () => {
    s = await startDovecot({ fixture: { messages: 240, seed: 21 } });
  });
  afterAll(() => s?.stop());

  it('a folder that cannot be written fails alone: the others are saved, the result names it and why', async () => {
    const dir = await target();
    // Something that is not a folder sits where `Travel & 旅行` would go.
    await mkdir(join(dir, 'Maildir'), { recursive: true });
    await writeFile(join(dir, 'Maildir', '.Travel & 旅行'), 'not a folder');
    const r = await exportOnce(s, dir);
    expect(r.folderFailures).toHaveLength(1);
    expect(r.folderFailures[0]).toMatchObject({
      folder: 'Travel & 旅行',
      dir: join('Maildir', '.Travel & 旅行'),
      error: { code: 'mail.target-not-writable' },
    });
    const travel = s.fixture!.folders.find((f) => f.name === 'Travel & 旅行')!;
    expect(travel.count).toBeGreaterThan(0);
    expect(r.messages).toBe(240 - travel.count);
    const state = (await readBackupState(backupPaths(dir).state))!;
    expect(state.complete).toBe(false);
    const v = await verify(s, dir);
    expect(v.passed).toBe(false);
    expect(v.folders.filter((f) => f.missing > 0)).toEqual([
      expect.objectContaining({ folder: 'Travel & 旅行', missing: travel.count }),
    ]);
  });

  it('uses `;` where the disk refuses `:` in file names, and resumes and verifies such a backup', async () => {
    const dir = await target();
    const fat = { acceptsColon: async () => false };
    const r = await exportOnce(s, dir, fat);
    expect(r.separator).toBe(';');
    const files = await allMessageFiles(dir);
    expect(files).toHaveLength(240);
    for (const f of files) {
      expect(f).not.toContain(':');
      expect(f).toMatch(/;2,[A-Za-z]*$/);
    }
    // A reader on that disk marks one read.
    const one = files.find((f) => /;2,[^S]*$/.test(f))!;
    await rename(join(dir, 'Maildir', one), join(dir, 'Maildir', markedRead(one, ';')));
    const again = await exportOnce(s, dir, fat);
    expect(again.fetchedMessages).toBe(0);
    expect(await allMessageFiles(dir)).toHaveLength(240);
    expect((await verify(s, dir)).passed).toBe(true);
  });

  it('records complete files a crash left unrecorded instead of fetching them again; a cut-off one is fetched again', async () => {
    const dir = await target();
    await exportOnce(s, dir);
    const state = (await readBackupState(backupPaths(dir).state))!;
    const inbox = state.folders.find((g) => g.path === 'INBOX')!;
    const manifestPath = join(backupPaths(dir).manifests, inbox.manifest);
    // A crash after the files were moved into cur/ but before their manifest lines were written.
    const lines = (await readFile(manifestPath, 'utf8')).trim().split('\n');
    const lost = lines.slice(-5).map((l) => JSON.parse(l) as ManifestRecord);
    await writeFile(manifestPath, lines.slice(0, -5).join('\n') + '\n');
    // And one file of an earlier batch was cut off by a power loss before it was recorded.
    const torn = lost[0]!;
    const full = await readFile(join(backupPaths(dir).maildir, torn.file));
    await writeFile(join(backupPaths(dir).maildir, torn.file), full.subarray(0, 100));
    const again = await exportOnce(s, dir);
    expect(again.fetchedMessages).toBe(1);
    await expectEqualsFixture(dir, s);
    const after = await inboxManifest(dir);
    for (const r of lost.slice(1))
      expect(after.get(r.uid)).toMatchObject({ sha256: r.sha256, file: r.file, size: r.size });
    expect(after.get(torn.uid)!.sha256).toBe(torn.sha256);
    expect((await verify(s, dir)).passed).toBe(true);
  });

  it('never replaces a file: a message fetched again takes a free name beside a changed copy', async () => {
    const dir = await target();
    await exportOnce(s, dir);
    const maildir = backupPaths(dir).maildir;
    const m = s.fixture!.messages.filter((x) => x.folder === 'INBOX' && !x.flags.includes('S'))[3]!;
    const rec = (await inboxManifest(dir)).get(m.uid)!;
    // The person reads it in a mail program (renamed to `:2,S`) and edits it there; it is read on the server too.
    const edited = markedRead(rec.file);
    await rename(join(maildir, rec.file), join(maildir, edited));
    await appendFile(join(maildir, edited), 'edited\r\n');
    const editedBytes = await readFile(join(maildir, edited));
    const flag = async (add: boolean) => {
      const client = await openSession(tlsSpec(s), appInfo);
      try {
        await client.mailboxOpen('INBOX');
        if (add) await client.messageFlagsAdd(String(m.uid), ['\\Seen'], { uid: true });
        else await client.messageFlagsRemove(String(m.uid), ['\\Seen'], { uid: true });
      } finally {
        await closeSession(client);
      }
    };
    await flag(true);
    try {
      const again = await exportOnce(s, dir);
      // Fetched again (the copy on disk is not the message any more), under a name of its own.
      expect(again.fetchedMessages).toBe(1);
      expect((await readFile(join(maildir, edited))).equals(editedBytes)).toBe(true);
      const now = (await inboxManifest(dir)).get(m.uid)!;
      expect(now.file).not.toBe(edited);
      expect(now.file).toMatch(/\.closeout-2,S=\d+:2,S$/);
      expect(now.sha256).toBe(m.sha256);
      expect((await verify(s, dir)).passed).toBe(true);
    } finally {
      await flag(false);
    }
  });

  it('a rerun of a complete backup opens no folder; a file deleted or renamed on disk sends its folder down the full path', async () => {
    const dir = await target();
    const first = await exportOnce(s, dir);
    const opened = async (run: (p: ProgressTracker) => Promise<unknown>) => {
      const names = new Set<string>();
      await run(new ProgressTracker('t', systemClock, (p) => p.currentFolder && names.add(p.currentFolder)));
      return [...names].sort();
    };
    type Outcome = Awaited<ReturnType<typeof exportOnce>>;
    let again = null as Outcome | null;
    expect(
      await opened(async (progress) => {
        again = await exportOnce(s, dir, { progress });
      }),
    ).toEqual([]);
    expect(again?.fetchedMessages).toBe(0);
    expect(again?.messages).toBe(first.messages);

    // With the server unchanged, one INBOX file is deleted and another renamed (read in a mail program).
    const maildir = backupPaths(dir).maildir;
    const unread = s.fixture!.messages.filter((m) => m.folder === 'INBOX' && !m.flags.includes('S'));
    const [deleted, read] = unread as [(typeof unread)[0], (typeof unread)[0]];
    const before = await inboxManifest(dir);
    await unlink(join(maildir, before.get(deleted.uid)!.file));
    const renamedTo = markedRead(before.get(read.uid)!.file);
    await rename(join(maildir, before.get(read.uid)!.file), join(maildir, renamedTo));
    let third = null as Outcome | null;
    expect(
      await opened(async (progress) => {
        third = await exportOnce(s, dir, { progress });
      }),
    ).toEqual(['INBOX']);
    expect(third?.fetchedMessages).toBe(1);
    expect(third?.messages).toBe(first.messages);
    const after = await inboxManifest(dir);
    expect(after.get(read.uid)!.file).toBe(renamedTo);
    expect(after.get(deleted.uid)!.sha256).toBe(deleted.sha256);
    expect(await readFile(join(maildir, after.get(deleted.uid)!.file))).toHaveLength(
      after.get(deleted.uid)!.size,
    );
    expect((await verify(s, dir)).passed).toBe(true);
    // Recorded as complete again: the next rerun opens nothing.
    expect(await opened((progress) => exportOnce(s, dir, { progress }))).toEqual([]);
  });

  // Last: it changes the server's mailbox (two messages expunged).
  it('keeps files a reader renamed and messages expunged on the server; verification stays honest', async () => {
    const dir = await target();
    const first = await exportOnce(s, dir);
    expect(first.messages).toBe(240);
    await expectEqualsFixture(dir, s);
    const maildir = backupPaths(dir).maildir;

    // Two unread INBOX messages are read in a mail program: their files are renamed to `:2,…S`.
    const unread = s.fixture!.messages.filter((m) => m.folder === 'INBOX' && !m.flags.includes('S'));
    expect(unread.length).toBeGreaterThanOrEqual(3);
    const [gone, stays, goneUntouched] = unread as [
      (typeof unread)[0],
      (typeof unread)[0],
      (typeof unread)[0],
    ];
    const before = await inboxManifest(dir);
    const renamed = new Map<number, string>();
    for (const m of [gone, stays]) {
      const rec = before.get(m.uid)!;
      const to = markedRead(rec.file);
      expect(to).not.toBe(rec.file);
      await rename(join(maildir, rec.file), join(maildir, to));
      renamed.set(m.uid, to);
    }
    const filesBefore = await allMessageFiles(dir);
    const bytesBefore = new Map<string, Buffer>();
    for (const f of filesBefore) bytesBefore.set(f, await readFile(join(maildir, f)));

    // Then two of them are deleted on the server (the person cleans up the mailbox).
    await expunge(s, 'INBOX', [gone.uid, goneUntouched.uid]);

    const noticed = Date.now();
    const again = await exportOnce(s, dir);
    expect(again.fetchedMessages).toBe(0);
    expect(again.folderFailures).toEqual([]);

    // Not one file deleted, replaced or rewritten.
    expect(await allMessageFiles(dir)).toEqual(filesBefore);
    for (const [f, bytes] of bytesBefore) expect((await readFile(join(maildir, f))).equals(bytes)).toBe(true);

    const after = await inboxManifest(dir);
    // The renamed files are recorded under their new names; the user's flag change is kept.
    expect(after.get(gone.uid)!.file).toBe(renamed.get(gone.uid));
    expect(after.get(stays.uid)!.file).toBe(renamed.get(stays.uid));
    // Expunged messages stay, marked with the date the rerun noticed.
    for (const m of [gone, goneUntouched]) {
      const at = Date.parse(after.get(m.uid)!.goneFromServerAt ?? '');
      expect(at).toBeGreaterThanOrEqual(noticed - 1000);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
    expect(after.get(stays.uid)!.goneFromServerAt).toBeUndefined();
    expect(after.size).toBe(before.size);

    const v = await verify(s, dir);
    expect(v.passed).toBe(true);
    expect(v.folders.find((f) => f.folder === 'INBOX')).toMatchObject({
      extra: 2,
      filesMissing: 0,
      filesDifferent: 0,
    });
    expect(v.backedUpMessages).toBe(240);
    expect(v.serverMessages).toBe(238);

    // A third run changes nothing: the "gone" marks are written once.
    const third = await exportOnce(s, dir);
    expect(third.fetchedMessages).toBe(0);
    const state = (await readBackupState(backupPaths(dir).state))!;
    const inboxGen = state.folders.find((g) => g.path === 'INBOX')!;
    const lines = (await readFile(join(backupPaths(dir).manifests, inboxGen.manifest), 'utf8'))
      .trim()
      .split('\n');
    expect(lines.filter((l) => l.includes('goneFromServerAt'))).toHaveLength(2);

    // The file of a message that is only in the backup now goes missing: verification fails and says where.
    await unlink(join(maildir, renamed.get(gone.uid)!));
    // Another file is changed on disk.
    const changed = after.get(stays.uid)!.file;
    await appendFile(join(maildir, changed), 'X');
    const broken = await verify(s, dir, false);
    expect(broken.passed).toBe(false);
    expect(broken.filesMissing).toBe(1);
    expect(broken.corruptFiles).toBe(1);
    expect(broken.folders.find((f) => f.folder === 'INBOX')).toMatchObject({
      filesMissing: 1,
      filesDifferent: 1,
    });
    expect(broken.folders.filter((f) => f.filesMissing + f.filesDifferent > 0).map((f) => f.folder)).toEqual([
      'INBOX',
    ]);
  });
});

describe('the file-name probe', () => {
  it('finds that this file system takes `:`, that Windows never does, and leaves nothing behind', async () => {
    const dir = await target();
    expect(await acceptsColon(dir)).toBe(true);
    expect(await acceptsColon(dir, 'win32')).toBe(false);
    expect(await readdir(dir)).toEqual([]);
    // A folder that cannot be written to answers "no" rather than failing.
    expect(await acceptsColon(join(dir, 'missing'))).toBe(false);
    expect((await stat(dir)).isDirectory()).toBe(true);
  });
});
