import { describe, expect, it } from 'vitest';
import {
  decodeHeaderBytes,
  decodeWords,
  parseAddressList,
  readMessageHeaders,
} from '../../../electron/common/discovery/headers';

describe('discovery header parsing', () => {
  it('decodes RFC 2047 words in UTF-8 and GB2312/GBK, base64 and quoted-printable, joined across folds', () => {
    expect(decodeWords('=?UTF-8?B?5qyi6L+O5rOo5YaM?=')).toBe('欢迎注册');
    expect(decodeWords('=?utf-8?Q?Re=3A_=E4=BD=A0=E5=A5=BD?=')).toBe('Re: 你好');
    // 招商银行 in GB2312, split over two encoded words separated by folding whitespace.
    expect(decodeWords('=?GB2312?B?1dDJzA==?=\r\n =?GB2312?B?0vjQ0A==?=')).toBe('招商银行');
    expect(decodeWords('plain text')).toBe('plain text');
    expect(decodeWords('=?x-unknown?B?AAAA?=')).toBe('=?x-unknown?B?AAAA?=');
  });

  it('reads raw 8-bit headers as UTF-8, or as GB18030 when they are not valid UTF-8', () => {
    expect(decodeHeaderBytes(new TextEncoder().encode('Subject: 账单'))).toBe('Subject: 账单');
    expect(decodeHeaderBytes(new Uint8Array([0xd5, 0xcb, 0xb5, 0xa5]))).toBe('账单');
  });

  it('unfolds, takes the fields it needs and parses addresses with quoted and encoded names', () => {
    const h = readMessageHeaders(
      [
        'Received: from x',
        'From: "=?UTF-8?B?5Lqs5Lic?=" <Customer_Service@Bounce.Mail.JD.com>',
        'To: "Zhang, Wei" <closeout.user@163.com>, other@example.org',
        'List-Unsubscribe: <https://jd.com/u>,',
        '\t<mailto:u@jd.com>',
        'List-Id: Deals <deals.jd.com>',
        'Subject: Your order',
        ' #123 has shipped',
        'Date: Tue, 27 Aug 2019 09:58:58 +0800 (CST)',
        '',
        'Subject: body lines are never headers',
      ].join('\r\n'),
    );
    expect(h.from).toEqual({ local: 'customer_service', host: 'bounce.mail.jd.com', name: '京东' });
    expect(h.to.map((a) => `${a.local}@${a.host}`)).toEqual(['closeout.user@163.com', 'other@example.org']);
    expect(h.listUnsubscribe).toBe(true);
    expect(h.listId).toBe('deals.jd.com');
    expect(h.subject).toBe('Your order #123 has shipped');
    expect(h.date).toBe(Date.UTC(2019, 7, 27, 1, 58, 58));
  });

  it('survives missing and malformed fields', () => {
    const h = readMessageHeaders('From: nobody\r\nDate: not a date\r\n');
    expect(h.from).toBeNull();
    expect(h.date).toBeNull();
    expect(h.subject).toBe('');
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([]);
  });
});
