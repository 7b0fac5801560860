/**
 * The archive core against real files: a Closeout backup with generated mail and the hard cases
 * (GBK, RFC 2047/2231 names, cid images, a broken file), indexed by the real worker.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../electron/common/contract';
import type { ArchiveStatus } from '../../../electron/common/contract/archive';
import type { Result } from '../../../electron/common/result';
import type { DesktopAdapter } from '../../../electron/main/adapters/types';
import { createArchiveService } from '../../../electron/main/archive/archive-service';
import { CACHE_DIR } from '../../../electron/main/archive/cache';
import { flagsOf } from '../../../electron/main/archive/flags';
import type { ServiceContext } from '../../../electron/main/services/context';
import { mboxForm, readMboxWithPython } from '../../support/mbox-read';
import {
  DEFAULT_SENDERS,
  HARD_CASES,
  writeCloseoutBackupFixture,
  type CloseoutBackupFixture,
} from '../../support/mail-fixture';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

interface Harness {
  service: ReturnType<typeof createArchiveService>;
  events: { event: EventName; payload: unknown }[];
  saved: { name: string; data: Uint8Array }[];
}

function makeService(): Harness {
  const events: Harness['events'] = [];
  const saved: Harness['saved'] = [];
  const ctx = {
    dataDir: '',
    clock: { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) },
    appInfo: { name: 'Closeout', version: 'test', platform: 'linux', runtime: 'harness' },
    store: {} as ServiceContext['store'],
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload }),
  } as unknown as ServiceContext;
  const desktop: DesktopAdapter = {
    chooseFolder: async () => null,
    openPath: async () => {},
    saveFile: async ({ defaultName }, data) => {
      saved.push({ name: defaultName, data });
      return `/saved/${defaultName}`;
    },
    printToPdf: async () => new Uint8Array(),
  };
  // Which folders may be opened or exported into is main's decision (open-restricted.test.ts,
  // export-restricted.test.ts in this folder).
  return {
    service: createArchiveService(ctx, { desktop, mayOpen: async () => true, mayExportTo: async () => true }),
    events,
    saved,
  };
}

async function openReady(h: Harness, dir: string): Promise<ArchiveStatus> {
  value(await h.service.handlers['archive:open']({ dir }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const s = value(await h.service.handlers['archive:status']());
    if (s && s.state !== 'indexing') return s;
    if (Date.now() > deadline) throw new Error('indexing did not finish');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let work: string;
let fixture: CloseoutBackupFixture;
let h: Harness;
let status: ArchiveStatus;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'closeout-archive-'));
  fixture = await writeCloseoutBackupFixture(join(work, 'backup'), {
    messages: 300,
    seed: 3,
    largeEvery: 25,
    largeSize: 50_000,
  });
  h = makeService();
  status = await openReady(h, fixture.root);
});

afterAll(async () => {
  h?.service.close?.();
  await rm(work, { recursive: true, force: true });
});

function search(text: string, extra: Record<string, unknown> = {}) {
  return h.service.handlers['archive:search']({ query: { text, ...extra }, limit: 500 }) as Promise<
    Result<{
      searchId: string;
      total: number;
      rows: {
        id: number;
        subject: string;
        folder: number;
        date: number;
        attachments: number;
        fromName: string;
        broken: boolean;
      }[];
    }>
  >;
}

describe('opening a backup', () => {
  it('lists every folder with its true name and counts, and every message', async () => {
    expect(status.state).toBe('ready');
    expect(status.address).toBe('closeout@163.com');
    expect(status.messages).toBe(fixture.messages.length);
    for (const f of fixture.folders) {
      const info = status.folders.find((x) => x.name === f.name);
      expect(info, f.name).toBeDefined();
      expect(info!.messages).toBe(f.count);
      const unread = fixture.messages.filter((m) => m.folder === f.name && !m.flags.includes('S')).length;
      expect(info!.unread).toBe(unread);
    }
    expect(status.broken).toBe(1);
  });

  it('refuses a folder that is not a Closeout backup with its own code', async () => {
    const other = await mkdtemp(join(work, 'plain-'));
    // Handlers throw AppFailure; the dispatcher turns it into {ok:false} with the same code.
    const codeOf = (dir: string) =>
      Promise.resolve()
        .then(() => h.service.handlers['archive:open']({ dir }))
        .then(
          (r) => (r.ok ? 'opened' : r.error.code),
          (e: { code?: string }) => e.code,
        );
    expect(await codeOf(other)).toBe('archive.not-a-backup');
    expect(await codeOf(join(work, 'nope'))).toBe('archive.folder-missing');
    await writeFile(join(other, 'closeout-backup.json'), '{"format": 1, "folders": "no"}');
    expect(await codeOf(other)).toBe('archive.damaged');
    // The open archive is untouched by a failed open.
    expect(value(await h.service.handlers['archive:status']())?.dir).toBe(fixture.root);
  });
});

describe('search', () => {
  it('sorts by date, newest first', async () => {
    const all = value(await search(''));
    expect(all.total).toBe(fixture.messages.length);
    const dates = all.rows.map((r) => r.date);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('finds Chinese words segmented by Intl.Segmenter, and parts of words', async () => {
    const expected = fixture.messages.filter((m) => m.subject.includes('火车票')).length;
    expect(expected).toBeGreaterThan(0);
    expect(value(await search('火车票', { field: 'subject' })).total).toBe(expected);
    // A word inside a longer one ("票" in "火车票", "购票") is found as well.
    expect(value(await search('票', { field: 'subject' })).total).toBeGreaterThanOrEqual(expected);
    const gbk = value(await search('合同续签'));
    expect(gbk.rows.map((r) => r.subject)).toContain(HARD_CASES.gbk.subject);
  });

  it('finds English words, all words required, by field', async () => {
    const statement = fixture.messages.filter((m) => m.subject.startsWith('Your monthly statement')).length;
    expect(value(await search('monthly statement', { field: 'subject' })).total).toBe(statement);
    expect(value(await search('monthly nonexistentword')).total).toBe(0);
    const github = fixture.messages.filter((m) => m.from.address === 'noreply@github.com').length;
    expect(value(await search('github', { field: 'from' })).total).toBe(github);
    expect(value(await search('bob@example.net', { field: 'to' })).rows.map((r) => r.subject)).toEqual([
      HARD_CASES.rfc2231.subject,
    ]);
    expect(value(await search('quarterly', { field: 'body' })).rows.map((r) => r.subject)).toEqual([
      HARD_CASES.html.subject,
    ]);
  });

  it('filters by folder, date range and attachment', async () => {
    const sent = status.folders.find((f) => f.name === '已发送')!;
    expect(value(await search('', { folders: [sent.id] })).total).toBe(sent.messages);
    const from = Date.UTC(2024, 5, 4);
    const to = Date.UTC(2024, 5, 8);
    expect(
      value(await search('', { from, to }))
        .rows.map((r) => r.subject)
        .sort(),
    ).toEqual([HARD_CASES.html.subject, HARD_CASES.rfc2231.subject].sort());
    const withAttachments = value(await search('', { hasAttachment: true }));
    expect(withAttachments.rows.every((r) => r.attachments > 0)).toBe(true);
    expect(withAttachments.total).toBe(fixture.messages.filter((m) => m.large).length + 2);
  });

  it('pages through a result', async () => {
    const all = value(await search(''));
    const page = value(
      await h.service.handlers['archive:rows']({ searchId: all.searchId, offset: 100, limit: 50 }),
    );
    expect(page.map((r) => r.id)).toEqual(all.rows.slice(100, 150).map((r) => r.id));
  });
});

async function idOf(subject: string): Promise<number> {
  const row = value(await search('')).rows.find((r) => r.subject === subject);
  if (!row) throw new Error(`no message ${subject}`);
  return row.id;
}

describe('reading', () => {
  it('decodes a GBK body, RFC 2047 GBK names and an RFC 2047 GB2312 file name', async () => {
    const m = value(await h.service.handlers['archive:message']({ id: await idOf(HARD_CASES.gbk.subject) }));
    expect(m.from[0]?.name).toBe(HARD_CASES.gbk.fromName);
    expect(m.text).toContain(HARD_CASES.gbk.bodyPhrase);
    expect(m.attachments.map((a) => a.filename)).toEqual([HARD_CASES.gbk.attachmentName]);
  });

  it('turns cid: images into data: URLs and keeps the HTML for the renderer to sanitize', async () => {
    const m = value(await h.service.handlers['archive:message']({ id: await idOf(HARD_CASES.html.subject) }));
    expect(m.html).toContain('data:image/png;base64,');
    expect(m.html).not.toContain('cid:');
    // The inline image is shown, not listed as an attachment.
    expect(m.attachments).toEqual([]);
  });

  it('decodes an RFC 2231 continued file name and saves the attachment through the dialog', async () => {
    const id = await idOf(HARD_CASES.rfc2231.subject);
    const m = value(await h.service.handlers['archive:message']({ id }));
    expect(m.attachments).toEqual([
      {
        index: 0,
        filename: HARD_CASES.rfc2231.attachmentName,
        mimeType: 'application/pdf',
        size: HARD_CASES.rfc2231.attachmentSize,
      },
    ]);
    const saved = value(await h.service.handlers['archive:save-attachment']({ id, index: 0 }));
    expect(saved.path).toBe(`/saved/${HARD_CASES.rfc2231.attachmentName}`);
    expect(h.saved.at(-1)?.data.byteLength).toBe(HARD_CASES.rfc2231.attachmentSize);
  });

  it('lists a broken message with its raw headers and saves it unchanged', async () => {
    const row = value(await search('')).rows.find((r) => r.broken)!;
    const m = value(await h.service.handlers['archive:message']({ id: row.id }));
    expect(m.broken).toBe(true);
    expect(m.rawHeaders).not.toBeNull();
    value(await h.service.handlers['archive:save-message']({ id: row.id }));
    expect(Buffer.from(h.saved.at(-1)!.data).equals(HARD_CASES.broken.bytes)).toBe(true);
  });
});

async function exportAndWait(
  format: 'mbox' | 'eml',
  scope: Parameters<Harness['service']['handlers']['archive:export']>[0]['scope'],
  target: string,
) {
  const { jobId } = value(await h.service.handlers['archive:export']({ scope, format, targetDir: target }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const done = h.events.find(
      (e) => e.event === 'archive:export-finished' && (e.payload as { jobId: string }).jobId === jobId,
    );
    if (done) return done.payload as EventPayload<'archive:export-finished'>;
    if (Date.now() > deadline) throw new Error('export did not finish');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('export', () => {
  it("writes everything as mboxrd that Python's mailbox module reads back byte for byte", async () => {
    const target = await mkdtemp(join(work, 'mbox-'));
    const finished = await exportAndWait('mbox', { kind: 'all' }, target);
    expect(finished.outcome).toBe('completed');
    const files = (await readdir(finished.path!)).filter((f) => f.endsWith('.mbox'));
    expect(files.length).toBe(fixture.folders.filter((f) => f.count > 0).length);
    const exported = [...readMboxWithPython(files.map((f) => join(finished.path!, f))).values()].flat();
    expect(exported.length).toBe(fixture.messages.length);
    const originals = await Promise.all(fixture.messages.map((m) => readFile(join(fixture.maildir, m.file))));
    // mbox ends each message with a line break: one that had none gets exactly one "\n" added.
    const expected = new Set(originals.map((b) => mboxForm(b).toString('hex')));
    for (const e of exported) expect(expected.has(e.toString('hex'))).toBe(true);
    expect(new Set(exported.map((e) => e.toString('hex'))).size).toBe(expected.size);
    // The body's "From " lines were quoted in the file (mboxrd), so no reader splits there.
    const inbox = await readFile(join(finished.path!, 'INBOX.mbox'), 'utf8');
    expect(inbox).toContain('\n>From the desk of Alice:');
    expect(inbox).toContain('\n>>From a quoted line');
    expect(inbox).toContain('\n>>>From a twice quoted line');
  });

  it('writes a search result as .eml files equal to the Maildir files', async () => {
    const target = await mkdtemp(join(work, 'eml-'));
    const result = value(await search('火车票'));
    const finished = await exportAndWait('eml', { kind: 'search', searchId: result.searchId }, target);
    expect(finished.outcome).toBe('completed');
    expect(finished.messages).toBe(result.total);
    const written: Buffer[] = [];
    for (const dir of await readdir(finished.path!)) {
      for (const f of await readdir(join(finished.path!, dir)))
        written.push(await readFile(join(finished.path!, dir, f)));
    }
    expect(written.length).toBe(result.total);
    const originals = new Set(
      (
        await Promise.all(
          fixture.messages
            .filter((m) => m.subject.includes('火车票'))
            .map((m) => readFile(join(fixture.maildir, m.file))),
        )
      ).map((b) => b.toString('hex')),
    );
    for (const w of written) expect(originals.has(w.toString('hex'))).toBe(true);
  });

  it('cancels, leaving nothing half-written', async () => {
    const target = await mkdtemp(join(work, 'cancel-'));
    const { jobId } = value(
      await h.service.handlers['archive:export']({
        scope: { kind: 'all' },
        format: 'eml',
        targetDir: target,
      }),
    );
    expect(value(await h.service.handlers['archive:cancel-export']()).cancelling).toBe(true);
    for (
      let i = 0;
      i < 500 &&
      !h.events.some(
        (e) => e.event === 'archive:export-finished' && (e.payload as { jobId: string }).jobId === jobId,
      );
      i++
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const finished = h.events.find(
      (e) => e.event === 'archive:export-finished' && (e.payload as { jobId: string }).jobId === jobId,
    )!.payload as EventPayload<'archive:export-finished'>;
    expect(finished.outcome).toBe('cancelled');
    expect(await readdir(target)).toEqual([]);
  });
});

describe('from the archive into the plan', () => {
  it('lists the people written to from Sent', async () => {
    const people = value(await h.service.handlers['archive:correspondents']());
    // The fixture's Sent messages go to people from its senders list, never to the address itself.
    const known = new Set(DEFAULT_SENDERS.map((s) => s.address));
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p) => known.has(p.address))).toBe(true);
    const sentCount = fixture.messages.filter((m) => m.folder === '已发送').length;
    expect(people.reduce((n, p) => n + p.messages, 0)).toBe(sentCount);
    expect(people.find((p) => p.address === 'xiaoming.wang@126.com')?.name ?? '王小明').toBe('王小明');
  });
});

describe('a 30 MiB attachment', () => {
  it('stays in main: the renderer gets its name and size, "save as" gets every byte', async () => {
    const huge = 30 * 1024 * 1024;
    const big = await writeCloseoutBackupFixture(join(work, 'huge'), {
      messages: 3,
      seed: 9,
      huge: [huge],
      hardCases: false,
    });
    const hh = makeService();
    await openReady(hh, big.root);
    const all = value(
      await hh.service.handlers['archive:search']({ query: { hasAttachment: true }, limit: 10 }),
    );
    const id = all.rows.find((r) => r.size > huge)!.id;
    const m = value(await hh.service.handlers['archive:message']({ id }));
    expect(m.attachments.map((a) => a.size)).toEqual([huge]);
    // What crosses the bridge for this message is a few KiB, not the attachment.
    expect(JSON.stringify(m).length).toBeLessThan(64 * 1024);
    value(await hh.service.handlers['archive:save-attachment']({ id, index: 0 }));
    expect(hh.saved.at(-1)!.data.byteLength).toBe(huge);
    hh.service.close?.();
  });
});

describe('cache and rebuild', () => {
  it('reopens from the cache, and rebuilds when the backup grew', async () => {
    const again = makeService();
    const cached = await openReady(again, fixture.root);
    expect(cached.fromCache).toBe(true);
    expect(cached.messages).toBe(status.messages);
    await writeFile(
      join(fixture.maildir, 'cur', `1719830000.Hnew.closeout,S=60:2,S`),
      'From: New <new@example.com>\r\nSubject: Arrived later\r\n\r\nhello\r\n',
    );
    const grown = await openReady(again, fixture.root);
    expect(grown.fromCache).toBe(false);
    expect(grown.messages).toBe(status.messages + 1);
    again.service.close?.();
  });

  it('shows a cached list before its words are read, and indexes again when they cannot be', async () => {
    const first = makeService();
    const built = await openReady(first, fixture.root);
    // A word search waits for the words (and for the cache to be rewritten when only times changed).
    value(await first.service.handlers['archive:search']({ query: { text: '火车票' }, limit: 5 }));
    first.service.close?.();
    const file = join(fixture.root, CACHE_DIR, 'index-v3.bin');
    const bytes = await readFile(file);
    // Damage the words (the part after the list): the list still reads, the words do not.
    const listEnd = 8 + bytes.readUInt32LE(0);
    bytes.fill(0x55, listEnd + 16, bytes.length);
    await writeFile(file, bytes);
    const again = makeService();
    value(await again.service.handlers['archive:open']({ dir: fixture.root }));
    const deadline = Date.now() + 60_000;
    const states = () =>
      again.events
        .filter((e) => e.event === 'archive:changed')
        .map((e) => e.payload as ArchiveStatus)
        .filter((p) => p.state !== 'indexing' || p.progress === null)
        .map((p) => `${p.state}${p.state === 'ready' ? (p.fromCache ? ' cached' : ' built') : ''}`);
    while (!states().includes('ready built')) {
      if (Date.now() > deadline) throw new Error(`no rebuild: ${states().join(', ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // First the cached list, then (its words unreadable) a new index.
    expect(states()).toEqual(['ready cached', 'indexing', 'ready built']);
    const after = value(
      await again.service.handlers['archive:search']({ query: { text: '火车票' }, limit: 5 }),
    );
    expect(after.total).toBeGreaterThan(0);
    expect(value(await again.service.handlers['archive:status']())!.messages).toBe(built.messages);
    again.service.close?.();
  });
});

describe('flags from file names', () => {
  it('reads the flags after the last :2, ;2, or !2,', async () => {
    expect(flagsOf('1.U1_2.closeout,S=10:2,FS')).toEqual({
      seen: true,
      flagged: true,
      answered: false,
      draft: false,
    });
    expect(flagsOf('1.U1_2.closeout,S=10;2,RS')).toEqual({
      seen: true,
      flagged: false,
      answered: true,
      draft: false,
    });
    expect(flagsOf('1.U1_2:2,S.closeout,S=10!2,')).toEqual({
      seen: false,
      flagged: false,
      answered: false,
      draft: false,
    });
    expect(flagsOf('no-info')).toEqual({ seen: false, flagged: false, answered: false, draft: false });
  });
});
