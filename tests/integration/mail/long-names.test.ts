/**
 * Names that always fit (issue 13), against real Dovecot servers on 127.0.0.1: a four-level
 * Chinese folder of 90 characters (Dovecot's own Maildir++ stores it in 254 bytes of modified
 * UTF-7; in UTF-8 it is 274), a 300-byte name (a Dovecot with one directory per level), a folder
 * called CON, names that differ only in case or in Unicode normalisation, and characters Windows
 * forbids. Every folder is saved, every name fits in 255 bytes, and a rerun finds the same names.
 */
import { readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAILDIR_DIR_MAX_CHARS, MANIFEST_NAME_MAX_CHARS } from '../../../electron/common/mail-paths';
import { readBackupState } from '../../../electron/main/mail/backup-state';
import { closeSession, openSession } from '../../../electron/main/mail/connection';
import { runExport, savedNamesOf } from '../../../electron/main/mail/exporter';
import { backupPaths, sameNameKey } from '../../../electron/main/mail/layout';
import { verifyBackup } from '../../../electron/main/mail/verify';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../../support/dovecot';
import { maildirFolderDir } from '../../support/mail-fixture';
import { appInfo, exportRequest, tlsSpec } from './helpers';

const hasDovecot = dovecotAvailable();
const temps: string[] = [];
afterAll(async () => {
  for (const d of temps) await rm(d, { recursive: true, force: true });
});

const HAN =
  '网易邮箱注销前备份测试文件夹名称很长的中文层级归档工作项目客户合同发票账单旅行照片家庭朋友学校同学老师公司部门会议纪要报告季度年度计划总结' +
  '春夏秋冬东南西北上下左右前后大小多少高低长短新旧早晚明暗天地山水日月星辰风云雷电';
/** Four levels, 90 Chinese characters in all (23 + 22 + 23 + 22). */
const FOUR_LEVELS = [HAN.slice(0, 23), HAN.slice(23, 45), HAN.slice(45, 68), HAN.slice(68, 90)].join('/');
/** Two levels of 150 and 149 UTF-8 bytes plus the `/`: 300 bytes. */
const THREE_HUNDRED = `${HAN.slice(0, 50)}/${HAN.slice(50, 99)}ab`;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

async function exportAndVerify(s: DovecotServer) {
  const dir = await mkdtemp(join(tmpdir(), 'closeout-names-'));
  temps.push(dir);
  const run = () => runExport(exportRequest(s, dir));
  const first = await run();
  const client = await openSession(tlsSpec(s), appInfo);
  let verification;
  try {
    verification = await verifyBackup(client, {
      targetDir: dir,
      nowIso: new Date().toISOString(),
      deep: true,
    });
  } finally {
    await closeSession(client);
  }
  const state = (await readBackupState(backupPaths(dir).state))!;
  const again = await run();
  const stateAgain = (await readBackupState(backupPaths(dir).state))!;
  return { dir, first, again, verification, state, stateAgain };
}

async function expectAllNamesFit(dir: string): Promise<void> {
  for (const d of await readdir(join(dir, 'Maildir'))) {
    expect(bytes(d)).toBeLessThanOrEqual(255);
    expect(d.length).toBeLessThanOrEqual(MAILDIR_DIR_MAX_CHARS);
  }
  for (const m of await readdir(join(dir, 'manifests'))) {
    expect(bytes(m)).toBeLessThanOrEqual(255);
    expect(m.length).toBeLessThanOrEqual(MANIFEST_NAME_MAX_CHARS);
    expect(m.split('.')[0]!.toUpperCase()).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)$/);
  }
}

describe.skipIf(!hasDovecot)('folder names that do not fit as they are', () => {
  it('saves a 90-character four-level Chinese folder, CON, case and NFC/NFD twins and forbidden characters', async () => {
    const folders = [
      { name: 'INBOX', weight: 4 },
      { name: FOUR_LEVELS, weight: 2 },
      { name: 'CON', weight: 1 },
      { name: 'Archive', weight: 1 },
      { name: 'archive', weight: 1 },
      { name: 'Café', weight: 1 },
      { name: 'Cafe\u0301', weight: 1 },
      { name: 'Q&A: 问题?', weight: 1 },
    ];
    // Dovecot holds the long one in one directory name of modified UTF-7 under 255 bytes.
    expect(bytes(maildirFolderDir(FOUR_LEVELS))).toBeLessThanOrEqual(255);
    expect(bytes('.' + FOUR_LEVELS.split('/').join('.'))).toBeGreaterThan(255);
    const s = await startDovecot({ fixture: { messages: 120, seed: 5, folders } });
    try {
      const { dir, first, again, verification, state, stateAgain } = await exportAndVerify(s);
      expect(first.folderFailures).toEqual([]);
      expect(first.messages).toBe(120);
      expect(first.folders).toBe(folders.length);
      expect(verification.passed).toBe(true);
      // Stable: the rerun finds every folder where it was and fetches nothing.
      expect(again.fetchedMessages).toBe(0);
      expect(stateAgain.folders.map((g) => g.dir)).toEqual(state.folders.map((g) => g.dir));
      await expectAllNamesFit(dir);

      const dirOf = (name: string) => state.folders.find((g) => g.name === name)!.dir;
      expect(dirOf(FOUR_LEVELS)).toMatch(/^\.网易邮箱.*~[0-9a-f]{8}$/);
      expect(dirOf('CON')).toBe('.CON');
      expect(state.folders.find((g) => g.name === 'CON')!.manifest).toMatch(/^_CON\.\d+\.jsonl$/);
      // Twins that one file system or another would put in the same place get distinct names.
      const twins = ['Archive', 'archive', 'Café', 'Cafe\u0301'].map(dirOf);
      expect(new Set(twins.map(sameNameKey)).size).toBe(4);
      expect(dirOf('Q&A: 问题?')).toBe('.Q&A_ 问题_');
      // The screen shows the true names beside the saved ones wherever they differ.
      const saved = savedNamesOf(state);
      expect(saved).toContainEqual({ folder: FOUR_LEVELS, dir: join('Maildir', dirOf(FOUR_LEVELS)) });
      expect(saved).toContainEqual({ folder: 'Q&A: 问题?', dir: join('Maildir', '.Q&A_ 问题_') });
      expect(saved.map((n) => n.folder)).not.toContain('CON');
      expect(saved.map((n) => n.folder)).not.toContain('INBOX');
    } finally {
      await s.stop();
    }
  });

  it('saves a folder whose name is 300 bytes (a server with one directory per level)', async () => {
    expect(bytes(THREE_HUNDRED)).toBe(300);
    const s = await startDovecot({ mailLocation: 'maildir:~/Maildir:LAYOUT=fs' });
    try {
      const client = await openSession(tlsSpec(s), appInfo);
      try {
        await client.mailboxCreate(THREE_HUNDRED);
        for (let i = 0; i < 3; i++) {
          await client.append(
            THREE_HUNDRED,
            `From: a@example.org\r\nSubject: long ${i}\r\nMessage-ID: <${i}@long.test>\r\n\r\nbody ${i}\r\n`,
            ['\\Seen'],
          );
        }
        await client.append('INBOX', 'From: a@example.org\r\nSubject: inbox\r\n\r\nhello\r\n');
      } finally {
        await closeSession(client);
      }
      const { dir, first, again, verification, state } = await exportAndVerify(s);
      expect(first.folderFailures).toEqual([]);
      expect(first.messages).toBe(4);
      expect(verification.passed).toBe(true);
      expect(again.fetchedMessages).toBe(0);
      await expectAllNamesFit(dir);
      const gen = state.folders.find((g) => g.name === THREE_HUNDRED)!;
      expect(gen.dir).toMatch(/~[0-9a-f]{8}$/);
      expect(await readdir(join(dir, 'Maildir', gen.dir, 'cur'))).toHaveLength(3);
    } finally {
      await s.stop();
    }
  });
});
