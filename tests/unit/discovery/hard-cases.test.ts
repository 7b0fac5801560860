/**
 * Issue 16: phishing and fake sign-ups are flagged and never offered as sites, NetEase products
 * are their own findings, carriers and banks are found on free-mail and unlisted domains, and
 * platforms that mail for merchants say so.
 */
import { describe, expect, it } from 'vitest';
import { DiscoveryAggregator } from '../../../electron/common/discovery/aggregate';
import {
  BRANDS,
  brandNamedIn,
  brandOpening,
  decodePunycode,
  isBrandDomain,
  lookalikeOf,
} from '../../../electron/common/discovery/brands';
import { ON_BEHALF_SENDERS } from '../../../electron/common/discovery/domain-list';
import { merchantOf } from '../../../electron/common/discovery/on-behalf';
import { NETEASE_PRODUCTS } from '../../../electron/common/discovery/netease-products';
import type { Finding } from '../../../electron/common/discovery/types';

const ME = 'me@163.com';
let n = 0;
function msg(
  from: string,
  subject: string,
  opts: { list?: boolean; listId?: string; to?: string; at?: number } = {},
): string {
  n++;
  const date = new Date(opts.at ?? Date.UTC(2020, 0, 1) + n * 3 * 86_400_000).toUTCString();
  return [
    `From: ${from}`,
    `To: ${opts.to ?? ME}`,
    `Subject: ${subject}`,
    `Date: ${date}`,
    ...(opts.list ? ['List-Unsubscribe: <https://example.com/u>'] : []),
    ...(opts.listId ? [`List-Id: <${opts.listId}>`] : []),
  ].join('\r\n');
}

function scan(blocks: string[]): Map<string, Finding> {
  const agg = new DiscoveryAggregator([ME]);
  for (const b of blocks) agg.addHeaderBlock(b);
  return new Map(agg.findings().map((f) => [f.id, f]));
}

describe('brand data', () => {
  it('has a source and at least one domain for every brand, Chinese and global', () => {
    expect(BRANDS.length).toBeGreaterThanOrEqual(30);
    for (const b of BRANDS) {
      expect(b.source, b.id).toMatch(/^official website https:\/\//);
      expect(b.domains.length, b.id).toBeGreaterThan(0);
    }
    for (const id of ['netease', 'alipay', 'tencent', 'cmb', 'icbc', 'cmcc', 'paypal', 'apple', 'microsoft'])
      expect(BRANDS.map((b) => b.id)).toContain(id);
    for (const p of ON_BEHALF_SENDERS) expect(p.source).toMatch(/^official website/);
    for (const p of NETEASE_PRODUCTS) expect(p.source).toBeTruthy();
  });

  it('reads a brand from a display name as a whole word, and from the opening of a subject only', () => {
    expect(brandNamedIn('PayPal Service')?.id).toBe('paypal');
    expect(brandNamedIn('招商银行信用卡中心')?.id).toBe('cmb');
    expect(brandNamedIn('95588')?.id).toBe('icbc');
    expect(brandNamedIn('Applebee Grill')).toBeNull();
    expect(brandOpening('【支付宝】您的账户存在异常')?.id).toBe('alipay');
    expect(brandOpening('您已通过微信登录知乎')).toBeNull();
  });

  it('knows where a brand really sends from, including its own name under another country TLD', () => {
    const paypal = BRANDS.find((b) => b.id === 'paypal')!;
    expect(isBrandDomain(paypal, 'e.paypal.com', 'paypal.com')).toBe(true);
    expect(isBrandDomain(paypal, 'paypal.de', 'paypal.de')).toBe(true);
    expect(isBrandDomain(paypal, 'paypal.top', 'paypal.top')).toBe(false);
    const cmcc = BRANDS.find((b) => b.id === 'cmcc')!;
    expect(isBrandDomain(cmcc, '139.com', '139.com')).toBe(true);
  });

  it('spots lookalike domains: words, digits for letters, punycode and confusables', () => {
    expect(lookalikeOf('paypal-resolution.top', 'paypal-resolution.top')).toMatchObject({
      brand: { id: 'paypal' },
      how: 'words',
    });
    expect(lookalikeOf('app1e-id.com', 'app1e-id.com')).toMatchObject({
      brand: { id: 'apple' },
      how: 'digits',
    });
    expect(lookalikeOf('rnicrosoft.com', 'rnicrosoft.com')).toMatchObject({ brand: { id: 'microsoft' } });
    expect(decodePunycode('xn--pypal-4ve')).toBe('pаypal');
    expect(lookalikeOf('xn--pypal-4ve.com', 'xn--pypal-4ve.com')).toMatchObject({
      brand: { id: 'paypal' },
      how: 'characters',
    });
    expect(lookalikeOf('paypal.com', 'paypal.com')).toBeNull();
    // A short brand token must start a word of the domain: these are not Apple.
    expect(lookalikeOf('pineapple-shop.cn', 'pineapple-shop.cn')).toBeNull();
    expect(lookalikeOf('huaweicloud.com', 'huaweicloud.com')).toBeNull();
    expect(lookalikeOf('neteasegames.com', 'neteasegames.com')).toBeNull();
    expect(lookalikeOf('tinyapp.io', 'tinyapp.io')).toBeNull();
  });
});

describe('suspicious senders', () => {
  it('a brand display name on an unrelated domain is suspicious, not an account, and offers nothing to add', () => {
    const f = scan([
      msg('"支付宝安全中心" <security@pay-notice.cn>', '您的账户存在异常登录，请立即验证'),
      msg('"支付宝安全中心" <security@pay-notice.cn>', '账户冻结通知'),
    ]).get('domain:pay-notice.cn')!;
    expect(f).toMatchObject({
      verdict: 'suspicious',
      hasAccount: false,
      suggest: null,
      imitates: 'alipay',
      reason: { key: 'brandMismatch', params: { brand: '支付宝', domain: 'pay-notice.cn' } },
    });
  });

  it('the same display name from the brand itself is the account it says', () => {
    const f = scan([msg('"支付宝" <service@mail.alipay.com>', '您的账户存在异常登录')]).get(
      'domain:alipay.com',
    )!;
    expect(f).toMatchObject({ verdict: 'account', imitates: null });
  });

  it('a lookalike domain with an official-sounding word or a throwaway TLD is suspicious even with a plain name', () => {
    const m = scan([
      msg('Service <notice@alipay-security.cn>', '请更新您的资料'),
      msg('Team <hi@winner-wallet.top>', 'Welcome! Confirm your account'),
    ]);
    expect(m.get('domain:alipay-security.cn')).toMatchObject({
      verdict: 'suspicious',
      reason: { key: 'lookalike' },
    });
    expect(m.get('domain:winner-wallet.top')).toMatchObject({
      verdict: 'suspicious',
      reason: { key: 'throwaway' },
    });
  });

  it('"registration successful" that sells gambling or loans, or was never sent to the user, is a fake sign-up', () => {
    const m = scan([
      msg('"皇冠" <vip@lucky-club.com>', '恭喜您注册成功，首存送您888元彩金'),
      msg('"商城" <hello@somewhere-shop.cn>', '注册成功通知', { to: 'undisclosed-recipients:;' }),
    ]);
    expect(m.get('domain:lucky-club.com')).toMatchObject({
      verdict: 'suspicious',
      reason: { key: 'fakeRegistration' },
    });
    expect(m.get('domain:somewhere-shop.cn')).toMatchObject({
      verdict: 'suspicious',
      reason: { key: 'fakeRegistration' },
    });
  });

  it('a welcome mail to another address of the user (an alias forwarding here) is not taken for a fake', () => {
    const f = scan([msg('hello@plant-app.io', 'Welcome to Plantly', { to: 'me.alias@126.com' })]).get(
      'domain:plant-app.io',
    )!;
    expect(f.verdict).toBe('account');
  });

  it('codes and nothing else: a few, or a burst, are suspicious; a passwordless app over months is an account', () => {
    const t0 = Date.UTC(2024, 5, 1);
    const burst = [0, 1, 2, 3, 4].map((i) =>
      msg('noreply@try-game.cn', `验证码 ${100000 + i}`, { at: t0 + i * 3600_000 }),
    );
    const months = [0, 1, 2, 3, 4].map((i) =>
      msg('login@notes-app.io', `Your login code is ${200000 + i}`, { at: t0 + i * 40 * 86_400_000 }),
    );
    const m = scan([...burst, ...months]);
    expect(m.get('domain:try-game.cn')).toMatchObject({ verdict: 'suspicious', reason: { key: 'codeOnly' } });
    expect(m.get('domain:notes-app.io')).toMatchObject({ verdict: 'account' });
  });

  it('a friend called Apple writing about the weekend is a person; a stranger on free mail claiming a carrier is not', () => {
    const m = scan([
      msg('"Apple Chen" <apple.chen@gmail.com>', 'Lunch on Friday?'),
      msg('"中国移动" <yd10086kefu@163.com>', '您的积分即将清零，请登录兑换'),
    ]);
    expect(m.get('address:apple.chen@gmail.com')).toMatchObject({ verdict: 'personal' });
    expect(m.get('address:yd10086kefu@163.com')).toMatchObject({ verdict: 'suspicious', imitates: 'cmcc' });
  });

  it('a friend asking about a code is a friend; an automated code from a stranger is not', () => {
    const m = scan([
      msg('"小张" <zhang.san@qq.com>', '你收到验证码了吗'),
      msg('"客服" <2974412033@qq.com>', '验证码 482913，请勿泄露'),
    ]);
    expect(m.get('address:zhang.san@qq.com')?.verdict).toBe('personal');
    expect(m.get('address:2974412033@qq.com')).toMatchObject({
      verdict: 'suspicious',
      reason: { key: 'codeOnly' },
    });
  });

  it('a shop whose one receipt says "Apple Pay" is still the shop', () => {
    const f = scan([
      msg('"咖啡盒子" <orders@coffee-box.cn>', '欢迎注册咖啡盒子'),
      msg('"咖啡盒子" <orders@coffee-box.cn>', '您的订单已发货'),
      msg('"咖啡盒子" <orders@coffee-box.cn>', 'Apple Pay 支付成功'),
    ]).get('domain:coffee-box.cn')!;
    expect(f.verdict).toBe('account');
  });
});

describe('NetEase products', () => {
  it('splits service.netease.com by local part, List-Id, display name and subject; the passport keeps its own mail', () => {
    const m = scan([
      msg('"网易游戏" <nsh@service.netease.com>', '版本更新公告'),
      msg('"网易游戏" <noreply@service.netease.com>', '本周乐园地图推荐', {
        listId: 'party.service.netease.com',
      }),
      msg('"阴阳师" <service@service.netease.com>', '式神平衡性调整公告'),
      msg('"网易游戏" <gamenotice@service.netease.com>', '【第五人格】新赛季开启'),
      msg('"网易通行证" <passport@service.netease.com>', '网易通行证：登录保护验证码'),
    ]);
    expect(m.get('netease:product.nsh')).toMatchObject({
      verdict: 'netease-service',
      suggest: 'service',
      catalogServiceId: null,
      knownName: { 'zh-CN': '逆水寒' },
      confidence: 'low',
      category: 'game',
    });
    expect(m.get('netease:product.eggy')?.verdict).toBe('netease-service');
    expect(m.get('netease:game.yys')).toMatchObject({ catalogServiceId: 'game.yys', suggest: 'service' });
    expect(m.get('netease:product.id5')?.verdict).toBe('netease-service');
    expect(m.get('netease:passport')).toMatchObject({
      verdict: 'netease-passport',
      evidence: { messages: 1 },
    });
  });

  it("NetEase's promotion of a product the user may never have used stays with the sending host", () => {
    const m = scan([msg('"网易邮箱" <service@service.netease.com>', '限时福利：下载网易邮箱大师，精选好礼')]);
    expect(m.has('netease:product.mailmaster')).toBe(false);
  });

  it('products with hosts of their own, and VIP Mail, are products too; a friend with a VIP address is a person', () => {
    const m = scan([
      msg('"网易藏宝阁" <cbg@cbg.163.com>', '订单支付成功'),
      msg('"网易VIP邮箱" <vipservice@vip.163.com>', 'VIP邮箱续费成功'),
      msg('"老李" <laoli@vip.163.com>', '周末一起吃饭吗'),
    ]);
    expect(m.get('netease:product.cbg')?.verdict).toBe('netease-service');
    expect(m.get('netease:product.vipmail')?.verdict).toBe('netease-service');
    expect(m.get('address:laoli@vip.163.com')?.verdict).toBe('personal');
  });
});

describe('organisations and platforms', () => {
  it('China Mobile on 139.com is China Mobile, other 139.com addresses are people', () => {
    const m = scan([
      msg('"中国移动" <10086@139.com>', '2024年5月话费账单'),
      msg('"小王" <wang@139.com>', '周末见'),
    ]);
    expect(m.get('domain:10086.cn')).toMatchObject({ verdict: 'account', category: 'carrier' });
    expect(m.get('address:wang@139.com')?.verdict).toBe('personal');
  });

  it('a bank notice without cue words, from a 95xxx sender name or an unlisted bank, is an account', () => {
    const m = scan([
      msg('95559 <service@bocomcc.com>', '关于调整信用卡服务费的公告'),
      msg('"宁波银行" <ebank@nbcb.com.cn>', '关于系统升级的公告'),
    ]);
    expect(m.get('domain:bocomcc.com')).toMatchObject({
      verdict: 'account',
      reason: { key: 'knownOrganisation' },
    });
    expect(m.get('domain:nbcb.com.cn')).toMatchObject({ verdict: 'account', category: 'bank' });
  });

  it('broader cues in both languages make an account', () => {
    for (const subject of [
      'Registration Confirmation',
      '课程购买成功',
      '验证你的邮箱',
      '电子客票行程单',
      'Your membership receipt',
      'Your subscription renewed',
    ]) {
      const f = scan([msg('hi@some-service.io', subject), msg('hi@some-service.io', 'News from us')]).get(
        'domain:some-service.io',
      )!;
      expect(f.hasAccount, subject).toBe(true);
    }
  });

  it('a List-Unsubscribe sender that also sends transactional mail is an account', () => {
    const f = scan([
      msg('hello@lingo-app.com', 'Your Super subscription renewed', { list: true }),
      msg('hello@lingo-app.com', 'New courses this week', { list: true }),
      msg('hello@lingo-app.com', 'Last chance: 40% off', { list: true }),
    ]).get('domain:lingo-app.com')!;
    expect(f.verdict).toBe('account');
  });

  it('e-invoice, courier and e-signature platforms get their own verdict naming the merchant, and offer nothing to add', () => {
    const m = scan([
      msg('"诺诺发票" <invoice@nuonuo.com>', '您收到一张【上海盒马网络科技有限公司】开具的电子发票'),
      msg('"圆通速递" <service@yto.net.cn>', '您的京东包裹已发货'),
      msg('"Jane Smith via DocuSign" <dse@docusign.net>', 'Please DocuSign: Offer Letter.pdf'),
      msg('"中通快递" <service@zto.com>', '您的快递已到驿站'),
    ]);
    expect(m.get('domain:nuonuo.com')).toMatchObject({
      verdict: 'on-behalf',
      hasAccount: false,
      suggest: null,
      onBehalfOf: ['上海盒马网络科技有限公司'],
      reason: { key: 'onBehalf', params: { merchant: '上海盒马网络科技有限公司' } },
    });
    expect(m.get('domain:yto.net.cn')?.onBehalfOf).toEqual(['京东']);
    expect(m.get('domain:docusign.net')?.onBehalfOf).toEqual(['Jane Smith']);
    expect(m.get('domain:zto.com')).toMatchObject({
      verdict: 'on-behalf',
      reason: { key: 'onBehalfUnnamed' },
    });
  });

  it('reads the merchant the way the platforms word it', () => {
    const baiwang = ON_BEHALF_SENDERS.find((p) => p.domains.includes('baiwang.com'))!;
    expect(merchantOf('北京三快科技有限公司为您开具的电子发票', '百望云', baiwang)).toBe(
      '北京三快科技有限公司',
    );
    expect(merchantOf('电子发票通知', '百望云', baiwang)).toBeNull();
    expect(merchantOf('【百望云】电子发票', '百望云', baiwang)).toBeNull();
  });
});
