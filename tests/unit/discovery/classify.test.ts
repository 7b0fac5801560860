import { describe, expect, it } from 'vitest';
import { DiscoveryAggregator } from '../../../electron/common/discovery/aggregate';
import type { Finding } from '../../../electron/common/discovery/types';

const ME = 'me@126.com';
let n = 0;
function msg(
  from: string,
  subject: string,
  opts: { list?: boolean; to?: string; day?: number } = {},
): string {
  n++;
  const date = new Date(Date.UTC(2020, 0, 1) + (opts.day ?? n) * 86_400_000).toUTCString();
  return [
    `From: ${from}`,
    `To: ${opts.to ?? ME}`,
    `Subject: ${subject}`,
    `Date: ${date}`,
    ...(opts.list ? ['List-Unsubscribe: <https://example.com/u>'] : []),
  ].join('\r\n');
}

function scan(blocks: string[]): Map<string, Finding> {
  const agg = new DiscoveryAggregator([ME]);
  for (const b of blocks) agg.addHeaderBlock(b);
  return new Map(agg.findings().map((f) => [f.id, f]));
}

describe('verdicts', () => {
  it('an unknown site with a sign-up mail is an account, with the cue and count as reason', () => {
    const f = scan([
      msg('hello@tinyapp.io', 'Welcome to TinyApp'),
      msg('hello@tinyapp.io', 'Your weekly summary'),
    ]).get('domain:tinyapp.io')!;
    expect(f).toMatchObject({
      verdict: 'account',
      hasAccount: true,
      suggest: 'site',
      reason: { key: 'accountCue', params: { count: 1 } },
    });
    expect(f.reason).toEqual({ key: 'accountCue', params: { cue: 'Welcome to', count: 1 } });
  });

  it('Chinese cues count: 验证码, 绑定, 账单, 密码重置', () => {
    for (const subject of ['【某站】验证码 123456', '邮箱绑定成功', '您的12月账单', '密码重置申请']) {
      const f = scan([msg('noreply@some-site.cn', subject), msg('noreply@some-site.cn', '本周精选')]).get(
        'domain:some-site.cn',
      )!;
      expect(f.hasAccount, subject).toBe(true);
    }
  });

  it('bulk mail with only marketing subjects is a newsletter, even when one says welcome to the newsletter', () => {
    const f = scan([
      msg('news@weekly.example.org', 'Welcome to the Example newsletter', { list: true }),
      msg('news@weekly.example.org', 'Example Weekly #12', { list: true }),
      msg('news@weekly.example.org', 'This week in AI', { list: true }),
    ]).get('domain:example.org')!;
    expect(f).toMatchObject({
      verdict: 'newsletter',
      hasAccount: false,
      reason: { key: 'newsletterSignup' },
    });
  });

  it('replies from a company domain are personal mail; a single message is a one-off', () => {
    const m = scan([
      msg('wang@acme-design.cn', 'Re: 项目周报'),
      msg('wang@acme-design.cn', '回复: 报价单'),
      msg('info@expo-hall.cn', '邀请函'),
    ]);
    expect(m.get('domain:acme-design.cn')).toMatchObject({
      verdict: 'personal',
      hasAccount: false,
      suggest: null,
    });
    expect(m.get('domain:expo-hall.cn')).toMatchObject({ verdict: 'one-off', hasAccount: false });
  });

  it('a single receipt from an unknown shop may be a guest purchase; two are an account', () => {
    const one = scan([msg('orders@florist.example', 'Your receipt #1')]).get('domain:florist.example')!;
    expect(one).toMatchObject({ verdict: 'one-off', reason: { key: 'singleReceipt' } });
    const two = scan([
      msg('orders@florist.example', 'Your receipt #1'),
      msg('orders@florist.example', 'Order confirmation #2'),
    ]).get('domain:florist.example')!;
    expect(two).toMatchObject({ verdict: 'account', reason: { key: 'transactions', params: { count: 2 } } });
  });

  it('a known bank writing to the user without cues is still an account, categorised from the list', () => {
    const f = scan([
      msg('svc@message.cmbchina.com', '服务协议更新'),
      msg('svc@cmbchina.com', '系统升级公告'),
    ]).get('domain:cmbchina.com')!;
    expect(f).toMatchObject({
      verdict: 'account',
      category: 'bank',
      reason: { key: 'knownOrganisation' },
      knownName: { 'zh-CN': '招商银行' },
    });
    // Banks, carriers and public bodies write only to their customers: one notice is enough.
    expect(scan([msg('service@ccb.com', '关于调整服务时间的公告')]).get('domain:ccb.com')).toMatchObject({
      verdict: 'account',
      reason: { key: 'knownOrganisation' },
    });
  });

  it('NetEase services come with their catalog id and are suggested as services; the mailbox itself is not', () => {
    const m = scan([
      msg('noreply@music.163.com', '每日推荐'),
      msg('postmaster@163.com', 'Undelivered Mail Returned to Sender'),
      msg('li@163.com', '周末一起吃饭吗'),
    ]);
    expect(m.get('netease:music')).toMatchObject({
      verdict: 'netease-service',
      catalogServiceId: 'music',
      suggest: 'service',
      hasAccount: true,
    });
    expect(m.get('netease:passport')).toMatchObject({
      verdict: 'netease-passport',
      suggest: null,
      hasAccount: false,
    });
    expect(m.get('address:li@163.com')).toMatchObject({
      verdict: 'personal',
      reason: { key: 'freeMailPerson' },
    });
  });

  it('government hosts are categorised by suffix', () => {
    const f = scan([
      msg('no-reply@zwfw.some-city.gov.cn', '办件进度通知：已受理'),
      msg('no-reply@zwfw.some-city.gov.cn', '用户注册成功'),
    ]).get('domain:some-city.gov.cn')!;
    expect(f).toMatchObject({ category: 'government', hasAccount: true });
  });

  it('keeps first/last seen, bounded samples and ranks accounts above newsletters and people', () => {
    const blocks: string[] = [];
    for (let i = 0; i < 5000; i++)
      blocks.push(
        msg('noreply@big.example.com', i % 100 === 0 ? `Verify sign-in ${i}` : `Notice ${i}`, { day: i }),
      );
    blocks.push(msg('news@letters.example.net', 'Weekly digest', { list: true }));
    blocks.push(msg('pal@gmail.com', 'Re: hi'));
    const agg = new DiscoveryAggregator([ME]);
    for (const b of blocks) agg.addHeaderBlock(b);
    const list = agg.findings();
    expect(list.map((f) => f.verdict)).toEqual(['account', 'newsletter', 'personal']);
    const big = list[0]!;
    expect(big.evidence).toMatchObject({ messages: 5000, lifecycle: 50, toSelf: 5000 });
    expect(big.sampleSubjects.length).toBeLessThanOrEqual(5);
    expect(big.sampleSubjects[0]).toBe('Verify sign-in 0');
    expect(big.firstSeen).toBe(new Date(Date.UTC(2020, 0, 1)).toISOString());
    expect(big.lastSeen).toBe(new Date(Date.UTC(2020, 0, 1) + 4999 * 86_400_000).toISOString());
    expect(big.hosts).toEqual(['big.example.com']);
  });
});
