/**
 * Writes a realistic test mailbox straight into Maildir files (20k messages in seconds; IMAP APPEND
 * would take minutes). Deterministic from `seed`: the same options give the same bytes.
 *
 * Layout is Dovecot's default Maildir++: INBOX in the root, each other folder in `.<name>` with the
 * name in modified UTF-7 and `.` as the hierarchy separator on disk (`工作/项目` -> `.&XeVP3A-.&mfeTrg-`).
 * A `dovecot-uidlist` is written per folder so UIDs (1..n in generation order) and UIDVALIDITY are
 * known to the test; deleting that file makes Dovecot assign a new UIDVALIDITY.
 *
 * Messages use CRLF line ends, so the file bytes are exactly what the server sends for BODY[].
 */
import { createHash } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureSender {
  name: string;
  address: string;
}

export interface FixtureFolderSpec {
  /** UTF-8 name, `/` between levels; `INBOX` is the root Maildir. */
  name: string;
  /** Relative share of the messages; 0 makes an empty folder. */
  weight: number;
}

export interface MailFixtureOptions {
  seed?: number;
  /** Total messages over all folders. Default 200. */
  messages?: number;
  folders?: FixtureFolderSpec[];
  senders?: FixtureSender[];
  recipient?: string;
  /** One message in `largeEvery` carries an attachment of about `largeSize` bytes (0: none). Default 20. */
  largeEvery?: number;
  largeSize?: number;
  /** Approximate size of an ordinary message. Default 2000. */
  smallSize?: number;
  /** One subject in `chineseSubjectEvery` is Chinese (RFC 2047 encoded). Default 5 (0: none). */
  chineseSubjectEvery?: number;
  /** Extra header lines per message (e.g. List-Unsubscribe for discovery tests). Values are written as given. */
  headers?: (index: number, sender: FixtureSender) => Record<string, string>;
  /** Messages with exactly-sized attachments appended to INBOX (streaming tests). */
  huge?: number[];
  /** UIDVALIDITY written for every folder; default derived from the seed. */
  uidValidity?: number;
  /** Date of the first message (ms since epoch); one message per ~17 minutes after it. */
  startDate?: number;
}

export interface FixtureMessage {
  folder: string;
  uid: number;
  /** Path relative to the Maildir root. */
  file: string;
  size: number;
  sha256: string;
  /** Maildir flag letters, sorted (`FS`, `S`, ...). */
  flags: string;
  subject: string;
  from: FixtureSender;
  date: Date;
  large: boolean;
}

export interface FixtureFolder {
  name: string;
  /** Directory relative to the Maildir root (`''` for INBOX). */
  dir: string;
  uidValidity: number;
  count: number;
  bytes: number;
}

export interface MailFixtureSummary {
  folders: FixtureFolder[];
  messages: FixtureMessage[];
  totalBytes: number;
}

export const DEFAULT_FOLDERS: FixtureFolderSpec[] = [
  { name: 'INBOX', weight: 50 },
  { name: '已发送', weight: 15 },
  { name: '草稿箱', weight: 3 },
  { name: '已删除', weight: 5 },
  { name: '垃圾邮件', weight: 5 },
  { name: '订阅邮件', weight: 10 },
  { name: '工作', weight: 5 },
  { name: '工作/项目 A', weight: 5 },
  { name: 'Travel & 旅行', weight: 2 },
  { name: '空文件夹', weight: 0 },
];

export const DEFAULT_SENDERS: FixtureSender[] = [
  { name: '网易邮件中心', address: 'mail@service.netease.com' },
  { name: '招商银行信用卡', address: 'ccsvc@message.cmbchina.com' },
  { name: '京东', address: 'newsletter@jd.com' },
  { name: '支付宝', address: 'service@mail.alipay.com' },
  { name: 'GitHub', address: 'noreply@github.com' },
  { name: '12306', address: '12306@rails.com.cn' },
  { name: '王小明', address: 'xiaoming.wang@126.com' },
  { name: 'Alice Chen', address: 'alice@example.org' },
  { name: '淘宝网', address: 'taobao@service.taobao.com' },
  { name: 'Bilibili', address: 'noreply@bilibili.com' },
];

const ZH_SUBJECTS = [
  '您的账单已出，请及时还款',
  '订单已发货：感谢您的购买',
  '会议纪要 — 第三季度项目评审',
  '【重要】账户安全提醒',
  '周末一起吃饭吗？',
  '您的火车票购票成功',
  '发票已开具，请查收附件',
  '欢迎订阅我们的每周精选',
];
const EN_SUBJECTS = [
  'Your monthly statement is ready',
  'Re: project plan for next week',
  'Security alert: new sign-in',
  'Invoice attached',
  'Weekly digest',
  'Lunch on Friday?',
];
const ZH_BODY = '这是一封用于测试的邮件，内容包含中文字符。请勿回复。网易邮箱注销前的备份测试。\r\n';
const EN_BODY =
  'This is a generated test message for the Closeout mail backup. Lorem ipsum dolor sit amet.\r\n';

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** RFC 3501 modified UTF-7 for one hierarchy level. */
export function encodeMutf7(name: string): string {
  let out = '';
  let pending = '';
  const flush = () => {
    if (!pending) return;
    const utf16 = Buffer.alloc(pending.length * 2);
    for (let i = 0; i < pending.length; i++) utf16.writeUInt16BE(pending.charCodeAt(i), i * 2);
    out += '&' + utf16.toString('base64').replace(/=+$/, '').replace(/\//g, ',') + '-';
    pending = '';
  };
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) {
      flush();
      out += ch === '&' ? '&-' : ch;
    } else {
      pending += ch;
    }
  }
  flush();
  return out;
}

export function maildirFolderDir(name: string): string {
  if (name.toUpperCase() === 'INBOX') return '';
  return '.' + name.split('/').map(encodeMutf7).join('.');
}

function encodeWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const chars = [...text];
  const words: string[] = [];
  for (let i = 0; i < chars.length; i += 12) {
    words.push(`=?UTF-8?B?${Buffer.from(chars.slice(i, i + 12).join(''), 'utf8').toString('base64')}?=`);
  }
  return words.join('\r\n ');
}

function pseudoRandomPool(seed: number, size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let off = 0, n = 0; off < size; n++) {
    off += createHash('sha512').update(`${seed}:${n}`).digest().copy(out, off);
  }
  return out;
}

function base64Lines(data: Buffer): string {
  const b64 = data.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join('\r\n');
}

function pad(text: string, size: number): string {
  if (text.length >= size) return text;
  return text.repeat(Math.ceil(size / text.length)).slice(0, size);
}

function pickFlags(folder: string, r: () => number): string {
  const f = new Set<string>();
  if (folder === '草稿箱') f.add('D');
  if (folder === '已发送' || r() < 0.8) f.add('S');
  if (r() < 0.07) f.add('F');
  if (r() < 0.1) f.add('R');
  return [...f].sort().join('');
}

export async function writeMailFixture(
  root: string,
  options: MailFixtureOptions = {},
): Promise<MailFixtureSummary> {
  const seed = options.seed ?? 1;
  const total = options.messages ?? 200;
  const folders = options.folders ?? DEFAULT_FOLDERS;
  const senders = options.senders ?? DEFAULT_SENDERS;
  const recipient = options.recipient ?? 'closeout@163.com';
  const largeEvery = options.largeEvery ?? 20;
  const largeSize = options.largeSize ?? 200_000;
  const smallSize = options.smallSize ?? 2000;
  const zhEvery = options.chineseSubjectEvery ?? 5;
  const uidValidity = options.uidValidity ?? 1_600_000_000 + (seed % 100_000);
  const start = options.startDate ?? Date.UTC(2023, 0, 1);
  const r = rng(seed);
  const pool = pseudoRandomPool(
    seed,
    Math.ceil(Math.max(largeSize * 1.25, ...(options.huge ?? [0]), 1)) + 65_536,
  );

  const totalWeight = folders.reduce((s, f) => s + f.weight, 0) || 1;
  const state = folders.map((f) => ({
    spec: f,
    dir: maildirFolderDir(f.name),
    names: [] as string[],
    bytes: 0,
  }));
  for (const s of state) {
    const abs = join(root, s.dir);
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(abs, sub), { recursive: true });
    if (s.dir) writeFileSync(join(abs, 'maildirfolder'), '');
  }

  const messages: FixtureMessage[] = [];
  const write = (index: number, folderIdx: number, attachment: number) => {
    const folder = state[folderIdx]!;
    const sender = senders[Math.floor(r() * senders.length)] ?? senders[0]!;
    const zh = zhEvery > 0 && index % zhEvery === 0;
    const subjects = zh ? ZH_SUBJECTS : EN_SUBJECTS;
    const subject = `${subjects[Math.floor(r() * subjects.length)]} #${index}`;
    const date = new Date(start + index * 1_017_000);
    const sent = folder.spec.name === '已发送' || folder.spec.name === '草稿箱';
    const fromHeader = sent ? recipient : `${encodeWords(sender.name)} <${sender.address}>`;
    const toHeader = sent ? `${encodeWords(sender.name)} <${sender.address}>` : recipient;
    const extra = options.headers?.(index, sender) ?? {};
    const head = [
      `Return-Path: <${sent ? recipient : sender.address}>`,
      `Received: from mx.fixture.test (mx.fixture.test [127.0.0.1]) by imap.163.com; ${date.toUTCString()}`,
      `Message-ID: <${seed}.${index}@fixture.closeout.test>`,
      `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
      `From: ${fromHeader}`,
      `To: ${toHeader}`,
      `Subject: ${encodeWords(subject)}`,
      ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`),
      'MIME-Version: 1.0',
    ];
    const text = pad(zh ? ZH_BODY : EN_BODY, Math.max(200, Math.floor(smallSize * (0.6 + r() * 0.6)) - 600));
    let body: string;
    if (attachment > 0) {
      const boundary = `=_closeout_${seed}_${index}`;
      const off = Math.floor(r() * (pool.length - attachment));
      head.push(`Content-Type: multipart/mixed; boundary="${boundary}"`);
      body = [
        `--${boundary}`,
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        text,
        `--${boundary}`,
        'Content-Type: application/octet-stream',
        "Content-Disposition: attachment; filename*=UTF-8''%E9%99%84%E4%BB%B6" + `-${index}.bin`,
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(pool.subarray(off, off + attachment)),
        `--${boundary}--`,
        '',
      ].join('\r\n');
    } else {
      head.push('Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit');
      body = text;
    }
    const data = Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'utf8');
    const flags = pickFlags(folder.spec.name, r);
    const base = `${Math.floor(date.getTime() / 1000)}.M${index}P${seed}.fixture,S=${data.length},W=${data.length}`;
    const rel = join(folder.dir, 'cur', `${base}:2,${flags}`);
    const abs = join(root, rel);
    writeFileSync(abs, data);
    // Dovecot takes INTERNALDATE from the file's mtime.
    utimesSync(abs, date, date);
    folder.names.push(base);
    folder.bytes += data.length;
    messages.push({
      folder: folder.spec.name,
      uid: folder.names.length,
      file: rel,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      flags,
      subject,
      from: sent ? { name: '', address: recipient } : sender,
      date,
      large: attachment > 0,
    });
  };

  for (let i = 0; i < total; i++) {
    let pick = r() * totalWeight;
    let idx = state.findIndex((s) => (pick -= s.spec.weight) < 0);
    if (idx < 0) idx = state.findLastIndex((s) => s.spec.weight > 0);
    const large = largeEvery > 0 && i % largeEvery === largeEvery - 1;
    write(i, idx, large ? Math.floor(largeSize * (0.8 + r() * 0.4)) : 0);
  }
  const inbox = Math.max(
    0,
    state.findIndex((s) => s.dir === ''),
  );
  (options.huge ?? []).forEach((size, k) => write(total + k, inbox, size));

  for (const s of state) {
    const lines = [`3 V${uidValidity} N${s.names.length + 1}`, ...s.names.map((n, i) => `${i + 1} :${n}`)];
    writeFileSync(join(root, s.dir, 'dovecot-uidlist'), lines.join('\n') + '\n');
  }

  return {
    folders: state.map((s) => ({
      name: s.spec.name,
      dir: s.dir,
      uidValidity,
      count: s.names.length,
      bytes: s.bytes,
    })),
    messages,
    totalBytes: messages.reduce((n, m) => n + m.size, 0),
  };
}

// --- Closeout backups with hard cases (the mail archive, issue 18) ---

/** A 96x32 blue PNG, the inline (cid:) image of the HTML hard case. */
export const FIXTURE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAAAgCAIAAABiouoDAAAARElEQVR42u3QQQkAAAgEsMtjRIOaxwb+hcESLNXDIQoECRIkSJAgQYIQJEiQIEGCBAlCkCBBggQJEiQIQYIECRIk6K8FVWq5AC27h8YAAAAASUVORK5CYII=',
  'base64',
);

/** The hard cases, by what a test looks for. Texts are what a correct reader shows. */
export const HARD_CASES = {
  gbk: {
    subject: '发票通知（GBK 编码）',
    fromName: '王经理',
    bodyPhrase: '关于合同续签的安排',
    attachmentName: '报价单.xlsx',
  },
  html: {
    subject: 'Newsletter with pictures 图文月刊',
    bodyPhrase: 'Quarterly highlights',
    remoteImage: 'https://tracker.example.com/pixel.gif?id=42',
  },
  rfc2231: {
    subject: 'Contract scan attached',
    attachmentName: '合同扫描件 2024.pdf',
    attachmentSize: 30_000,
  },
  mboxQuoting: {
    subject: 'From lines inside the body',
  },
  broken: {
    /** Not a mail message at all: no header the parser can find. */
    bytes: Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x10, 0x0d, 0x0a, 0x0d, 0x0a, 0x42, 0x41, 0x44]),
  },
} as const;

const crlf = (lines: string[]) => lines.join('\r\n');

/** The raw bytes of each hard case, CRLF line ends as a server sends them. */
export function hardCaseMessages(
  recipient = 'closeout@163.com',
): { name: keyof typeof HARD_CASES; date: Date; data: Buffer; flags: string }[] {
  const gbk = (hex: string) => Buffer.from(hex, 'hex');
  const b64 = (b: Buffer) => b.toString('base64');
  const date = (d: number) => new Date(Date.UTC(2024, 5, d, 8, 30));

  const gbkMessage = Buffer.concat([
    Buffer.from(
      crlf([
        `Date: ${date(3).toUTCString().replace('GMT', '+0000')}`,
        `From: =?GBK?B?${b64(gbk('cdf5beadc0ed'))}?= <wang.manager@example.cn>`,
        `To: ${recipient}`,
        `Subject: =?GBK?B?${b64(gbk('b7a2c6b1cda8d6aaa3a847424b20b1e0c2eba3a9'))}?=`,
        'Message-ID: <gbk.1@fixture.closeout.test>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="gbk-boundary"',
        '',
        '--gbk-boundary',
        'Content-Type: text/plain; charset=GBK',
        'Content-Transfer-Encoding: 8bit',
        '',
        '',
      ]),
    ),
    gbk(
      'c4fabac3a3acd5e2cac7d2bbb7e22047424b20b1e0c2ebb5c4d3cabcfea3acb9d8d3dabacfcdacd0f8c7a9b5c4b0b2c5c5a1a30d0ac7ebd4dad6dccee5d6aec7b0bbd8b8b4a1a30d0a',
    ),
    Buffer.from(
      crlf([
        '--gbk-boundary',
        `Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name="=?GB2312?B?${b64(gbk('b1a8bcdbb5a52e786c7378'))}?="`,
        'Content-Disposition: attachment',
        'Content-Transfer-Encoding: base64',
        '',
        b64(Buffer.from('PK fixture spreadsheet bytes')),
        '--gbk-boundary--',
        '',
      ]),
    ),
  ]);

  const htmlMessage = Buffer.from(
    crlf([
      `Date: ${date(5).toUTCString().replace('GMT', '+0000')}`,
      'From: Alice Chen <alice@example.org>',
      `To: ${recipient}`,
      `Subject: =?UTF-8?B?${b64(Buffer.from(HARD_CASES.html.subject))}?=`,
      'Message-ID: <html.1@fixture.closeout.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="rel-boundary"',
      '',
      '--rel-boundary',
      'Content-Type: text/html; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      '<html><head><style>h1{color:#2a7ad6}</style><script>document.title="pwned"</script></head><body>',
      `<h1>${HARD_CASES.html.bodyPhrase}</h1><p>本季度<b>要点</b>如下。</p>`,
      '<p><img alt="logo" src="cid:logo@closeout.test"></p>',
      `<p><img alt="tracker" src="${HARD_CASES.html.remoteImage}" width="1" height="1"></p>`,
      '<p style="background:url(https://tracker.example.com/bg.png)"><a href="https://example.com/unsubscribe" onclick="alert(1)">Unsubscribe</a></p>',
      '<iframe src="https://example.com/frame"></iframe>',
      '</body></html>',
      '--rel-boundary',
      'Content-Type: image/png',
      'Content-ID: <logo@closeout.test>',
      'Content-Disposition: inline; filename="logo.png"',
      'Content-Transfer-Encoding: base64',
      '',
      b64(FIXTURE_PNG),
      '--rel-boundary--',
      '',
    ]),
  );

  const pdf = Buffer.alloc(HARD_CASES.rfc2231.attachmentSize, 0x25);
  Buffer.from('%PDF-1.4 fixture\n').copy(pdf);
  const encodedName = encodeURIComponent(HARD_CASES.rfc2231.attachmentName);
  const half = encodedName.indexOf('%20');
  const rfc2231Message = Buffer.from(
    crlf([
      `Date: ${date(7).toUTCString().replace('GMT', '+0000')}`,
      'From: Legal Team <legal@example.net>',
      `To: ${recipient}`,
      `Cc: Bob <bob@example.net>`,
      `Subject: ${HARD_CASES.rfc2231.subject}`,
      'Message-ID: <rfc2231.1@fixture.closeout.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="mix-boundary"',
      '',
      '--mix-boundary',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'Please find the signed contract attached. 请查收附件。',
      '--mix-boundary',
      'Content-Type: application/pdf',
      'Content-Disposition: attachment;',
      ` filename*0*=UTF-8''${encodedName.slice(0, half)};`,
      ` filename*1*=${encodedName.slice(half)}`,
      'Content-Transfer-Encoding: base64',
      '',
      ...(b64(pdf).match(/.{1,76}/g) ?? []),
      '--mix-boundary--',
      '',
    ]),
  );

  const mboxMessage = Buffer.from(
    crlf([
      `Date: ${date(9).toUTCString().replace('GMT', '+0000')}`,
      'From: Alice Chen <alice@example.org>',
      `To: ${recipient}`,
      `Subject: ${HARD_CASES.mboxQuoting.subject}`,
      'Message-ID: <mbox.1@fixture.closeout.test>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'From the desk of Alice:',
      '>From a quoted line',
      '>>From a twice quoted line',
      'From',
      'the end',
    ]),
  );

  return [
    { name: 'gbk', date: date(3), data: gbkMessage, flags: '' },
    { name: 'html', date: date(5), data: htmlMessage, flags: 'FS' },
    { name: 'rfc2231', date: date(7), data: rfc2231Message, flags: 'S' },
    { name: 'mboxQuoting', date: date(9), data: mboxMessage, flags: 'S' },
    { name: 'broken', date: date(11), data: Buffer.from(HARD_CASES.broken.bytes), flags: 'S' },
  ];
}

export interface CloseoutBackupFixture extends MailFixtureSummary {
  root: string;
  maildir: string;
  /** Path (relative to the Maildir root) of each hard case in INBOX. */
  hardCases: Record<keyof typeof HARD_CASES, string>;
}

/**
 * A Closeout backup folder as the mail backup writes it: `Maildir/` (the generated messages plus
 * the hard cases in INBOX), `manifests/` and `closeout-backup.json` mapping each server folder to
 * its directory. `separator` is the flag separator in file names (`:` POSIX, `;` Windows, `!`).
 */
export async function writeCloseoutBackupFixture(
  root: string,
  options: MailFixtureOptions & { address?: string; separator?: ':' | ';' | '!'; hardCases?: boolean } = {},
): Promise<CloseoutBackupFixture> {
  const address = options.address ?? options.recipient ?? 'closeout@163.com';
  const maildir = join(root, 'Maildir');
  const summary = await writeMailFixture(maildir, { ...options, recipient: address });
  const { renameSync, rmSync } = await import('node:fs');
  const sep = options.separator ?? ':';
  if (sep !== ':') {
    for (const m of summary.messages) {
      const renamed = m.file.replace(/:2,([A-Z]*)$/, `${sep}2,$1`);
      renameSync(join(maildir, m.file), join(maildir, renamed));
      m.file = renamed;
    }
  }
  const hardCases = {} as Record<keyof typeof HARD_CASES, string>;
  if (options.hardCases !== false) {
    const inbox = summary.folders.find((f) => f.dir === '')!;
    hardCaseMessages(address).forEach((c, i) => {
      const rel = join(
        'cur',
        `${Math.floor(c.date.getTime() / 1000)}.Hhard${i}.closeout,S=${c.data.length}${sep}2,${c.flags}`,
      );
      writeFileSync(join(maildir, rel), c.data);
      hardCases[c.name] = rel;
      inbox.count++;
      inbox.bytes += c.data.length;
      summary.messages.push({
        folder: 'INBOX',
        uid: inbox.count,
        file: rel,
        size: c.data.length,
        sha256: createHash('sha256').update(c.data).digest('hex'),
        flags: c.flags,
        subject: c.name === 'broken' ? '' : (HARD_CASES[c.name] as { subject: string }).subject,
        from: { name: '', address: '' },
        date: c.date,
        large: false,
      });
    });
    summary.totalBytes = summary.messages.reduce((n, m) => n + m.size, 0);
  }
  for (const f of summary.folders) rmSync(join(maildir, f.dir, 'dovecot-uidlist'), { force: true });
  mkdirSync(join(root, 'manifests'), { recursive: true });
  const now = new Date(Date.UTC(2024, 6, 1)).toISOString();
  const state = {
    format: 1,
    address,
    server: 'imap.163.com:993',
    createdAt: now,
    updatedAt: now,
    complete: true,
    folders: summary.folders.map((f) => ({
      path: f.name,
      name: f.name,
      uidValidity: f.uidValidity,
      dir: f.dir,
      manifest: `${(f.dir || 'INBOX').replace(/^\./, '')}.${f.uidValidity}.jsonl`,
      current: true,
      completedUidNext: f.count + 1,
      completedMessages: f.count,
      completedBytes: f.bytes,
    })),
    lastVerification: null,
  };
  for (const f of summary.folders) {
    const lines = summary.messages
      .filter((m) => m.folder === f.name)
      .map((m) =>
        JSON.stringify({
          folder: f.name,
          uidValidity: f.uidValidity,
          uid: m.uid,
          size: m.size,
          sha256: m.sha256,
          flags: m.flags,
          file: m.file,
        }),
      );
    writeFileSync(
      join(root, 'manifests', state.folders.find((s) => s.name === f.name)!.manifest),
      lines.map((l) => l + '\n').join(''),
    );
  }
  writeFileSync(join(root, 'closeout-backup.json'), JSON.stringify(state, null, 2) + '\n');
  return { ...summary, root, maildir, hardCases };
}
