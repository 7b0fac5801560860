import { describe, expect, it } from 'vitest';
import { DiscoveryAggregator } from '../../../electron/common/discovery/aggregate';
import { KNOWN_SENDERS } from '../../../electron/common/discovery/domain-list';
import { catalogServiceById } from '../../../electron/common/catalog/services';

const ME = 'me@163.com';
const block = (from: string, subject = 'hello', extra = '') =>
  `From: ${from}\r\nTo: ${ME}\r\nSubject: ${subject}\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\n${extra}`;

function keyOf(from: string, extra = '', to = ME): string | null {
  const agg = new DiscoveryAggregator([ME]);
  return agg.keyOf(block(from, 'x', extra).replace(`To: ${ME}`, `To: ${to}`));
}

describe('grouping by registrable domain', () => {
  it('collapses subdomains and bounce hosts, and knows multi-label public suffixes', () => {
    expect(keyOf('a@bounce.mail.example.com')).toBe('domain:example.com');
    expect(keyOf('a@news.shop.example.com.cn')).toBe('domain:example.com.cn');
    expect(keyOf('a@mail.corp.example.net.cn')).toBe('domain:example.net.cn');
    expect(keyOf('a@etax.chinatax.gov.cn')).toBe('domain:chinatax.gov.cn');
    expect(keyOf('a@bounces.example.co.uk')).toBe('domain:example.co.uk');
  });

  it('collapses alias domains of one organisation from the curated list', () => {
    expect(keyOf('security@facebookmail.com')).toBe('domain:facebook.com');
    expect(keyOf('x@boc.cn')).toBe(keyOf('y@bankofchina.com'));
    expect(keyOf('n@notice.aliyun.com')).toBe('domain:aliyun.com');
    expect(keyOf('someone@aliyun.com')).toBe('address:someone@aliyun.com');
  });

  it('maps NetEase senders to catalog services and the mailbox itself to the passport', () => {
    expect(keyOf('noreply@music.163.com')).toBe('netease:music');
    expect(keyOf('service@mail.you.163.com')).toBe('netease:yanxuan');
    expect(keyOf('service@xyq.163.com')).toBe('netease:game.mhxy');
    expect(keyOf('service@epay.163.com')).toBe('netease:pay');
    expect(keyOf('service@kaola.com')).toBe('netease:kaola');
    expect(keyOf('postmaster@163.com')).toBe('netease:passport');
    expect(keyOf('passport@service.netease.com')).toBe('netease:passport');
    expect(keyOf('x@ds.163.com')).toBe('netease:ds.163.com');
    for (const id of ['music', 'yanxuan', 'game.mhxy', 'pay', 'kaola'])
      expect(catalogServiceById(id)).toBeDefined();
  });

  it('files other NetEase brands under NetEase, marked unverified, not as third parties', () => {
    const brands: Array<[string, string]> = [
      ['service@note.youdao.com', 'youdao'],
      ['noreply@lofter.com', 'lofter'],
      ['notice@163yun.com', '163yun'],
      ['service@open.163.com', 'open-course'],
      ['news@news.163.com', 'news'],
      ['service@study.163.com', 'study'],
      ['noreply@mail.icourse163.org', 'icourse'],
      ['noreply@buff.163.com', 'buff'],
    ];
    for (const [from, id] of brands) {
      expect(keyOf(from), from).toBe(`netease:${id}`);
      const entry = catalogServiceById(id)!;
      expect(entry, id).toMatchObject({ confidence: 'low', defaultInPlan: false });
      expect(entry.note?.en, id).toMatch(/not verified/i);
      expect(entry.note?.['zh-CN'], id).toMatch(/不确定/);
    }
    const agg = new DiscoveryAggregator([ME]);
    agg.addHeaderBlock(block('"有道云笔记" <service@note.youdao.com>', '有道云笔记：您的会员即将到期'));
    agg.addHeaderBlock(block('"有道云笔记" <service@note.youdao.com>', '有道云笔记：本周精选'));
    expect(agg.findings()[0]).toMatchObject({
      id: 'netease:youdao',
      verdict: 'netease-service',
      catalogServiceId: 'youdao',
      suggest: 'service',
    });
  });

  it('groups mail sent through a bulk-mail platform by the company in Reply-To', () => {
    const replyTo = (addr: string) => `Reply-To: "Acme" <${addr}>\r\n`;
    expect(keyOf('no-reply@sendgrid.net', replyTo('support@acme-saas.io'))).toBe('domain:acme-saas.io');
    expect(keyOf('bounce@mail115.suw121.mcdlv.net', replyTo('hello@news.acme.com.cn'))).toBe(
      'domain:acme.com.cn',
    );
    expect(keyOf('noreply@us-west-2.amazonses.com', replyTo('help@jd.com'))).toBe('domain:jd.com');
    // A NetEase service sending through a platform is still the NetEase service.
    expect(keyOf('noreply@sendgrid.net', replyTo('service@music.163.com'))).toBe('netease:music');
    // Without a company behind it the platform stays the sender: no Reply-To, a person's free-mail
    // address, or another platform.
    expect(keyOf('no-reply@sendgrid.net')).toBe('domain:sendgrid.net');
    expect(keyOf('no-reply@sendgrid.net', replyTo('shopowner@qq.com'))).toBe('domain:sendgrid.net');
    expect(keyOf('no-reply@sendgrid.net', replyTo('x@mcsv.net'))).toBe('domain:sendgrid.net');
    // A company's own mail keeps its From domain whatever Reply-To says.
    expect(keyOf('no-reply@jd.com', replyTo('help@acme-saas.io'))).toBe('domain:jd.com');

    const agg = new DiscoveryAggregator([ME]);
    for (const [company, subject] of [
      ['acme-saas.io', 'Welcome to Acme'],
      ['acme-saas.io', 'Your Acme invoice'],
      ['other-shop.cn', '您的订单已发货'],
    ] as const)
      agg.addHeaderBlock(block('"Notifier" <no-reply@sendgrid.net>', subject, replyTo(`support@${company}`)));
    expect(agg.findings().map((f) => [f.id, f.verdict, f.evidence.messages])).toEqual([
      ['domain:acme-saas.io', 'account', 2],
      ['domain:other-shop.cn', 'one-off', 1],
    ]);
  });

  it('treats an individual at a free-mail host as a person, one finding per address', () => {
    expect(keyOf('li.na@163.com')).toBe('address:li.na@163.com');
    expect(keyOf('12345@qq.com')).toBe('address:12345@qq.com');
    expect(keyOf('friend@gmail.com')).not.toBe(keyOf('other@gmail.com'));
    expect(keyOf(`${ME}`)).toBeNull(); // the user's own messages
  });

  it('groups list traffic by list id when it is addressed to the list, not to the user', () => {
    const list = 'List-Id: Dev <dev.kafka.apache.org>\r\n';
    expect(keyOf('alice@gmail.com', list, 'dev@kafka.apache.org')).toBe('list:dev.kafka.apache.org');
    // A newsletter sent to the user through an ESP list id stays with its sender.
    expect(keyOf('news@brand.example.com', 'List-Id: <abc.list-id.mcsv.net>\r\n')).toBe('domain:example.com');
  });

  it('every curated entry has a category, both names and a source', () => {
    const seen = new Set<string>();
    for (const s of KNOWN_SENDERS) {
      expect(s.source).toMatch(/^official website https:\/\/\S+$/);
      expect(s.name['zh-CN'].length).toBeGreaterThan(0);
      expect(s.name.en.length).toBeGreaterThan(0);
      for (const d of s.domains) {
        expect(seen.has(d), d).toBe(false);
        seen.add(d);
      }
    }
  });
});
