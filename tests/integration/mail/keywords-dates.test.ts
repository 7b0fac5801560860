/**
 * What the mailbox knows beyond the bytes (issue 13): IMAP keywords (`$Important`, `$Label1`,
 * custom tags) and INTERNALDATE. The backup keeps keywords as letters in the file name listed in
 * `dovecot-keywords` and in the manifest, and INTERNALDATE as the file's mtime as well as in the
 * name. Read back by a second Dovecot started over the backup itself
 * (`maildir:…/Maildir:UTF-8`): the same flags, keywords and received dates, 1999 and 2031.
 *
 * The source mailbox is written as Maildir files (Dovecot takes INTERNALDATE from the mtime):
 * Dovecot's APPEND replaces a received date in the future with the time of the APPEND.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, openSession } from '../../../electron/main/mail/connection';
import { runExport } from '../../../electron/main/mail/exporter';
import { readManifest } from '../../../electron/main/mail/manifest';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../../support/dovecot';
import { maildirFolderDir } from '../../support/mail-fixture';
import { appInfo, exportRequest, tlsSpec } from './helpers';

const hasDovecot = dovecotAvailable();

const MESSAGES = [
  {
    folder: 'INBOX',
    subject: 'from 1999',
    date: new Date('1999-03-04T05:06:07Z'),
    flags: ['\\Seen', '$Important', '$Label1'],
  },
  { folder: 'INBOX', subject: 'from 2031', date: new Date('2031-07-08T09:10:11Z'), flags: ['ProjectX'] },
  { folder: 'INBOX', subject: 'plain', date: new Date('2015-01-02T03:04:05Z'), flags: ['\\Flagged'] },
  {
    folder: '工作',
    subject: 'work',
    date: new Date('2020-02-29T12:00:00Z'),
    flags: ['$Label1', '\\Answered'],
  },
];

function message(subject: string, date: Date): string {
  return [
    'From: Someone <someone@example.org>',
    'To: closeout@163.com',
    `Subject: ${subject}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${subject.replace(/\s/g, '-')}@keywords.test>`,
    '',
    `Body of ${subject}`,
    '',
  ].join('\r\n');
}

interface Seen {
  subject: string;
  flags: string[];
  date: number;
}

async function readBack(s: DovecotServer, folder: string): Promise<Seen[]> {
  const client = await openSession(tlsSpec(s), appInfo);
  try {
    await client.mailboxOpen(folder, { readOnly: true });
    const out: Seen[] = [];
    for await (const m of client.fetch('1:*', { envelope: true, flags: true, internalDate: true })) {
      out.push({
        subject: m.envelope?.subject ?? '',
        flags: [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort(),
        date: new Date(m.internalDate!).getTime(),
      });
    }
    return out.sort((a, b) => a.subject.localeCompare(b.subject));
  } finally {
    await closeSession(client);
  }
}

const SYSTEM_LETTERS: Record<string, string> = { '\\Seen': 'S', '\\Flagged': 'F', '\\Answered': 'R' };

/** The source mailbox as Dovecot keeps it: one file per message, keywords in `dovecot-keywords`. */
async function writeSource(root: string): Promise<void> {
  for (const folder of ['INBOX', '工作']) {
    const dir = join(root, maildirFolderDir(folder));
    for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(dir, sub), { recursive: true });
    if (folder !== 'INBOX') await writeFile(join(dir, 'maildirfolder'), '');
    const keywords: string[] = [];
    for (const [i, m] of MESSAGES.filter((x) => x.folder === folder).entries()) {
      let letters = '';
      for (const f of m.flags) {
        if (SYSTEM_LETTERS[f]) letters += SYSTEM_LETTERS[f];
        else {
          if (!keywords.includes(f)) keywords.push(f);
          letters += String.fromCharCode(97 + keywords.indexOf(f));
        }
      }
      const file = join(
        dir,
        'cur',
        `${Math.floor(m.date.getTime() / 1000)}.M${i}P1.source:2,${[...letters].sort().join('')}`,
      );
      await writeFile(file, message(m.subject, m.date));
      await utimes(file, m.date, m.date);
    }
    await writeFile(join(dir, 'dovecot-keywords'), keywords.map((k, i) => `${i} ${k}\n`).join(''));
  }
}

describe.skipIf(!hasDovecot)('keywords and received dates', () => {
  let s: DovecotServer;
  let reader: DovecotServer | undefined;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'closeout-keywords-'));
    await writeSource(join(dir, 'source'));
    s = await startDovecot({
      users: [{ user: 'closeout@163.com', password: 'test-auth-code', seedMaildir: join(dir, 'source') }],
    });
    await runExport(exportRequest(s, join(dir, 'backup')));
  });
  afterAll(async () => {
    await reader?.stop();
    await s?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes INTERNALDATE as each file’s mtime and in its name (1999 and 2031)', async () => {
    const files = await readdir(join(dir, 'backup', 'Maildir', 'cur'));
    expect(files).toHaveLength(3);
    for (const want of MESSAGES.filter((m) => m.folder === 'INBOX')) {
      const secs = Math.floor(want.date.getTime() / 1000);
      const name = files.find((f) => f.startsWith(`${secs}.`));
      expect(name, want.subject).toBeDefined();
      expect((await stat(join(dir, 'backup', 'Maildir', 'cur', name!))).mtime.getTime()).toBe(
        want.date.getTime(),
      );
    }
  });

  it('keeps keywords as dovecot-keywords letters in the file name and in the manifest', async () => {
    const list = await readFile(join(dir, 'backup', 'Maildir', 'dovecot-keywords'), 'utf8');
    const letters = new Map(
      list
        .trim()
        .split('\n')
        .map((l) => [l.split(' ')[1]!, String.fromCharCode(97 + Number(l.split(' ')[0]))]),
    );
    expect([...letters.keys()].sort()).toEqual(['$Important', '$Label1', 'ProjectX']);
    const files = await readdir(join(dir, 'backup', 'Maildir', 'cur'));
    const of1999 = files.find((f) => f.startsWith(`${Math.floor(MESSAGES[0]!.date.getTime() / 1000)}.`))!;
    expect(of1999.slice(of1999.indexOf(':2,') + 3)).toBe(
      'S' + [letters.get('$Important'), letters.get('$Label1')].sort().join(''),
    );
    const manifests = await readdir(join(dir, 'backup', 'manifests'));
    const inbox = await readManifest(
      join(
        dir,
        'backup',
        'manifests',
        manifests.find((m) => m.startsWith('INBOX.'))!,
      ),
    );
    expect([...inbox.values()].map((r) => r.keywords ?? []).sort()).toEqual([
      [],
      ['$Important', '$Label1'],
      ['ProjectX'],
    ]);
    expect([...inbox.values()].map((r) => r.internalDate).sort()).toEqual(
      MESSAGES.filter((m) => m.folder === 'INBOX')
        .map((m) => m.date.toISOString())
        .sort(),
    );
    // A subfolder has its own list.
    expect(await readFile(join(dir, 'backup', 'Maildir', '.工作', 'dovecot-keywords'), 'utf8')).toBe(
      '0 $Label1\n',
    );
  });

  it('Dovecot started over the backup reads the same flags, keywords and received dates', async () => {
    reader = await startDovecot({
      users: [
        { user: 'reader@example.org', password: 'read-back', seedMaildir: join(dir, 'backup', 'Maildir') },
      ],
      mailLocation: 'maildir:~/Maildir:UTF-8',
    });
    for (const folder of ['INBOX', '工作']) {
      const want = MESSAGES.filter((m) => m.folder === folder)
        .map((m) => ({ subject: m.subject, flags: [...m.flags].sort(), date: m.date.getTime() }))
        .sort((a, b) => a.subject.localeCompare(b.subject));
      expect(await readBack(reader, folder)).toEqual(want);
    }
  });
});
