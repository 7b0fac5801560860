/**
 * Backup names (issue 13): every directory and manifest name fits in 255 bytes and in the
 * character budget that keeps Windows paths under 260, a shortened name carries a stable hash of
 * the full name, NFC/NFD and case twins never share a directory, reserved Windows names never
 * become file names, and our message files are recognised whatever separator and flags they carry.
 */
import { describe, expect, it } from 'vitest';
import {
  MAIL_TARGET_MAX_CHARS,
  MAILDIR_DIR_MAX_CHARS,
  MESSAGE_FILE_MAX_CHARS,
  mailTargetTooDeep,
} from '../../../electron/common/mail-paths';
import {
  fitName,
  folderDir,
  freeMessageFileName,
  generationDir,
  isWindowsReserved,
  manifestName,
  messageFileName,
  parseOwnFile,
  sameNameKey,
} from '../../../electron/main/mail/layout';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('backup names', () => {
  it('cuts a 300-byte name to 255 bytes and the character budget, with a stable hash of the full name', () => {
    const name = '档'.repeat(100);
    expect(bytes(name)).toBe(300);
    const dir = folderDir(name, new Set());
    expect(bytes(dir)).toBeLessThanOrEqual(255);
    expect(dir.length).toBeLessThanOrEqual(MAILDIR_DIR_MAX_CHARS);
    expect(dir).toMatch(/^\.档+~[0-9a-f]{8}$/);
    expect(folderDir(name, new Set())).toBe(dir);
    // Two long names that share their beginning stay apart.
    expect(folderDir(name + '甲', new Set())).not.toBe(folderDir(name + '乙', new Set()));
    const gen = generationDir(dir, 4_294_967_295);
    expect(bytes(gen)).toBeLessThanOrEqual(255);
    expect(gen.length).toBeLessThanOrEqual(MAILDIR_DIR_MAX_CHARS);
    expect(gen.endsWith('.uidvalidity-4294967295')).toBe(true);
    const manifest = manifestName(dir, 4_294_967_295);
    expect(bytes(manifest)).toBeLessThanOrEqual(255);
    expect(manifest.endsWith('.4294967295.jsonl')).toBe(true);
  });

  it('never cuts inside a character or leaves a trailing dot or space', () => {
    const name = 'a'.repeat(97) + '😀😀😀. x';
    const out = fitName('.' + name, '', 255, 100, name);
    expect(out).not.toMatch(/[\uD800-\uDBFF]~/);
    expect(out).not.toMatch(/[ .]~/);
  });

  it('gives NFC/NFD and case twins their own directories', () => {
    const taken = new Set<string>();
    const dirs = ['Café', 'Cafe\u0301', 'CAFÉ', 'Archive', 'archive'].map((n) => {
      const d = folderDir(n, taken);
      taken.add(sameNameKey(d));
      return d;
    });
    expect(new Set(dirs.map(sameNameKey)).size).toBe(5);
    expect(dirs[0]).toBe('.Café');
    expect(dirs[3]).toBe('.Archive');
    expect(dirs[4]).toMatch(/^\.archive~[0-9a-f]{8}$/);
    // Written in NFC, so macOS and Linux agree on the name.
    expect(dirs[1]!.normalize('NFC')).toBe(dirs[1]);
  });

  it('keeps reserved Windows names out of file names', () => {
    for (const n of ['CON', 'nul', 'Com1', 'LPT9', 'aux']) {
      expect(isWindowsReserved(manifestName(folderDir(n, new Set()), 7))).toBe(false);
      expect(manifestName(folderDir(n, new Set()), 7)).toBe(`_${n}.7.jsonl`);
    }
    expect(isWindowsReserved('CON.1.jsonl')).toBe(true);
    expect(isWindowsReserved('CONSOLE.1.jsonl')).toBe(false);
    // Windows also reserves COM and LPT with a superscript digit (the pattern spells them escaped).
    expect(isWindowsReserved('com\u00b9.txt')).toBe(true);
    expect(isWindowsReserved('LPT³')).toBe(true);
    expect(isWindowsReserved('COM⁴')).toBe(false);
    expect(folderDir('Q&A: 问题?', new Set())).toBe('.Q&A_ 问题_');
  });

  it('recognises our files after a reader changed their flags, with either separator', () => {
    const name = messageFileName(Date.UTC(1999, 2, 4), 42, 7, 1234, 'S', ';');
    expect(name).toBe('920505600.U42_7.closeout,S=1234;2,S');
    expect(parseOwnFile(name, 42)).toEqual({ uid: 7, size: 1234 });
    expect(parseOwnFile('920505600.U42_7.closeout,S=1234:2,FRS', 42)).toEqual({ uid: 7, size: 1234 });
    expect(parseOwnFile('920505600.U42_7.closeout,S=1234:2,FRS', 43)).toBeNull();
    expect(parseOwnFile('920505600.U42_7.closeout,S=12345x', 42)).toBeNull();
    expect(parseOwnFile('1700000000.M1P2.host:2,S', 42)).toBeNull();
    // A message fetched again beside a changed copy of the same name gets a name of its own.
    const taken = new Set([name, name.replace('.closeout,', '.closeout-2,')]);
    const free = freeMessageFileName(name, taken);
    expect(free).toBe('920505600.U42_7.closeout-3,S=1234;2,S');
    expect(parseOwnFile(free, 42)).toEqual({ uid: 7, size: 1234 });
    expect(freeMessageFileName(name, new Set())).toBe(name);
    const longest = messageFileName(
      Date.UTC(2286, 0, 1),
      4_294_967_295,
      4_294_967_295,
      9_999_999_999,
      'DFPRST' + 'abcdefghijklmnopqrstuvwxyz',
    );
    expect(longest.length).toBeLessThanOrEqual(MESSAGE_FILE_MAX_CHARS + 1);
  });

  it('warns about a chosen folder deeper than Windows paths allow', () => {
    expect(MAIL_TARGET_MAX_CHARS).toBe(55);
    expect(mailTargetTooDeep('E:\\网易邮箱备份')).toBe(false);
    expect(mailTargetTooDeep('C:\\Users\\someone\\Documents\\' + 'x'.repeat(40))).toBe(true);
    expect(mailTargetTooDeep('/media/usb/' + 'y'.repeat(44) + '/')).toBe(false);
  });
});
