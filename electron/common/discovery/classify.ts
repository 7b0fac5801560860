/**
 * From one finding's aggregate to a verdict with its reason. The order is from the strongest
 * evidence of an account (mail about the account itself) to the weakest, and every branch says why.
 */
import { catalogServiceById } from '../catalog/services';
import type { GroupState } from './aggregate';
import { hasOfficialWords, isThrowawayTld, lookalikeOf } from './brands';
import { isGovernmentHost, type DiscoveryCategory } from './domain-list';
import type { Finding, Reason, Verdict } from './types';

const CATEGORY_CUES: Array<[DiscoveryCategory, RegExp]> = [
  ['bank', /银行|信用卡|还款|对账单|理财|bank|credit card|statement/i],
  ['carrier', /话费|流量|套餐|宽带|营业厅|mobile plan|data usage/i],
  ['game', /游戏|点券|赛季|版本更新|停服|皮肤|\bgame|season|patch notes|playing/i],
  ['shopping', /订单|发货|签收|商品|购物|order|shipped|delivered|package|cart/i],
  ['social', /关注|私信|评论|动态|follow|mentioned|friend|comment/i],
  ['work', /团队|工作区|云服务器|待办|workspace|pull request|repository|build|invoice|api key/i],
];

const NETEASE_CATEGORY: Record<string, DiscoveryCategory> = {
  game: 'game',
  music: 'other',
  shop: 'shopping',
  pay: 'bank',
  storage: 'other',
};

const WEIGHT: Record<Verdict, number> = {
  suspicious: 7,
  'netease-service': 6,
  account: 5,
  unclear: 4,
  'one-off': 3,
  newsletter: 2,
  'mailing-list': 1,
  personal: 1,
  'on-behalf': 1,
  'netease-passport': 0,
};

/** Sender names of organisations whose mail is about an account even without a cue word. */
const ORGANISATION_NAME =
  /银行|信用卡中心|证券|保险|基金|社保|公积金|税务|考试院|教育考试|\bbank\b|\binsurance\b|^9[56]\d{3}$|^100(?:86|10|00)$/im;
const ORGANISATION_CATEGORIES: ReadonlySet<DiscoveryCategory> = new Set(['bank', 'carrier', 'government']);

function top(map: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of map) if (v > n) [best, n] = [k, v];
  return best;
}

function inferCategory(s: GroupState): DiscoveryCategory {
  if (s.group.known) return s.group.known.category;
  if ([...s.hosts.keys()].some(isGovernmentHost) || isGovernmentHost(s.group.domain)) return 'government';
  if (/银行|信用卡中心|\bbank\b/i.test([...s.names.keys()].join('\n'))) return 'bank';
  const text = [...s.telling, ...s.recent].map((r) => r.subject).join('\n');
  for (const [category, re] of CATEGORY_CUES) if (re.test(text)) return category;
  return 'other';
}

type Decision = { verdict: Verdict; imitates?: string } & Reason;

/**
 * Phishing and fake sign-ups, checked before anything can make the sender an account. Only
 * senders nobody vouches for: curated organisations, NetEase hosts and lists are what they say.
 */
function suspicion(s: GroupState): Decision | null {
  const g = s.group;
  if (g.kind !== 'domain' && g.kind !== 'address') return null;
  const e = s.evidence;
  const m = e.messages;
  const w = s.words;
  const host = top(s.hosts) ?? g.domain;
  const domain = g.kind === 'address' ? host : g.domain;
  const claimed = top(s.brandClaims);
  const brand = claimed ? s.brands.get(claimed) : undefined;
  let claims = 0;
  for (const n of s.brandClaims.values()) claims += n;
  // Most of its mail claims the brand: a shop whose one receipt reads "Apple Pay 支付成功" is not.
  if (brand && claims * 2 >= m) {
    return {
      verdict: 'suspicious',
      key: 'brandMismatch',
      params: { brand: brand.names[0]!, domain },
      imitates: brand.id,
    };
  }
  if (g.kind === 'domain') {
    const look = lookalikeOf(host, g.domain);
    if (
      look &&
      (s.brands.has(look.brand.id) ||
        look.how !== 'words' ||
        isThrowawayTld(g.domain) ||
        hasOfficialWords(g.domain))
    ) {
      return {
        verdict: 'suspicious',
        key: 'lookalike',
        params: { brand: look.brand.names[0]!, domain },
        imitates: look.brand.id,
      };
    }
    if (isThrowawayTld(g.domain) && e.lifecycle + e.code > 0 && e.activity === 0) {
      return {
        verdict: 'suspicious',
        key: 'throwaway',
        params: { domain, cue: w.lifecycle ?? w.code ?? '' },
      };
    }
  }
  // "Registration successful" selling gambling or loans in most of its mail, or never sent to you
  // but bcc'd (To an alias of the user's would be "not to self" too, so that alone is not enough).
  const selling = s.fakeSignups > 0 && s.fakeSignups * 2 >= m;
  const unaddressed =
    g.kind === 'domain' && e.lifecycle > 0 && e.toSelf === 0 && s.bcc > 0 && e.transaction === 0;
  if (e.activity === 0 && (selling || unaddressed))
    return { verdict: 'suspicious', key: 'fakeRegistration', params: { cue: w.lifecycle ?? '' } };
  // Codes and nothing else, a few or a burst: someone typed the address. A passwordless app sends
  // codes too, but for months.
  const burst = s.first !== null && s.last !== null && s.last - s.first <= 7 * 86_400_000;
  // From a person's address, only automated-looking codes: a friend asking "收到验证码了吗" is a friend.
  const automated = g.kind === 'domain' || (s.numberedCodes === m && e.conversation === 0);
  if ((m <= 3 || burst) && e.code === m && automated && !isGovernmentHost(host))
    return { verdict: 'suspicious', key: 'codeOnly', params: { count: m } };
  return null;
}

function decideThirdParty(s: GroupState): Decision {
  const e = s.evidence;
  const m = e.messages;
  const w = s.words;
  const known = s.group.known !== null || [...s.hosts.keys()].some(isGovernmentHost);
  const platform = s.group.known?.onBehalf;
  // A platform's own account (signing up to the e-invoice site itself) names no merchant.
  if (platform && !(e.lifecycle > 0 && s.merchants.size === 0)) {
    const merchant = top(s.merchants);
    return merchant
      ? { verdict: 'on-behalf', key: 'onBehalf', params: { merchant } }
      : { verdict: 'on-behalf', key: 'onBehalfUnnamed', params: {} };
  }
  if (e.lifecycle > 0)
    return { verdict: 'account', key: 'accountCue', params: { cue: w.lifecycle ?? '', count: e.lifecycle } };
  if (e.activity > 0)
    return { verdict: 'account', key: 'activity', params: { cue: w.activity ?? '', count: e.activity } };
  if (e.transaction > 0 && (m >= 2 || known)) {
    return {
      verdict: 'account',
      key: 'transactions',
      params: { cue: w.transaction ?? '', count: e.transaction },
    };
  }
  // Banks, carriers, government and exam bodies write only to people they hold an account for.
  const organisation =
    (s.group.known !== null && ORGANISATION_CATEGORIES.has(s.group.known.category)) ||
    [...s.hosts.keys()].some(isGovernmentHost) ||
    (s.group.kind === 'domain' && ORGANISATION_NAME.test([...s.names.keys()].join('\n')));
  if (organisation && e.conversation === 0 && (known || e.toSelf > 0))
    return { verdict: 'account', key: 'knownOrganisation', params: { messages: m } };
  if (e.transaction > 0)
    return { verdict: 'one-off', key: 'singleReceipt', params: { cue: w.transaction ?? '' } };
  if (e.conversation > 0 && e.bulk === 0)
    return { verdict: 'personal', key: 'conversation', params: { count: e.conversation } };
  if (e.bulk * 2 >= m && m > 0) {
    return w.signup
      ? {
          verdict: 'newsletter',
          key: 'newsletterSignup',
          params: { cue: w.signup, count: e.bulk, messages: m },
        }
      : { verdict: 'newsletter', key: 'newsletter', params: { count: e.bulk, messages: m } };
  }
  if (known && m >= 2) return { verdict: 'account', key: 'knownService', params: { messages: m } };
  if (m === 1) return { verdict: 'one-off', key: 'oneOff', params: {} };
  if (e.marketing * 2 >= m)
    return { verdict: 'newsletter', key: 'newsletter', params: { count: e.bulk, messages: m } };
  return { verdict: 'unclear', key: 'unclear', params: { messages: m } };
}

function decide(s: GroupState): Decision {
  const g = s.group;
  const suspicious = suspicion(s);
  if (suspicious) return suspicious;
  if (g.product && !g.product.catalogId) {
    return {
      verdict: 'netease-service',
      key: 'neteaseProduct',
      params: { service: g.product.name['zh-CN'], messages: s.evidence.messages },
    };
  }
  switch (g.kind) {
    case 'list':
      return {
        verdict: 'mailing-list',
        key: 'mailingList',
        params: { list: g.domain, messages: s.evidence.messages },
      };
    case 'address':
      return { verdict: 'personal', key: 'freeMailPerson', params: { address: g.domain } };
    case 'netease': {
      if (g.netease === 'passport')
        return { verdict: 'netease-passport', key: 'neteasePassport', params: {} };
      if (g.netease && g.netease !== 'netease') {
        return {
          verdict: 'netease-service',
          key: 'neteaseService',
          params: { service: g.netease, messages: s.evidence.messages },
        };
      }
      const host = top(s.hosts) ?? g.domain;
      const e = s.evidence;
      if (e.lifecycle + e.transaction + e.activity > 0)
        return { verdict: 'netease-service', key: 'neteaseOther', params: { host } };
      const third = decideThirdParty(s);
      return third.verdict === 'account'
        ? { verdict: 'netease-service', key: 'neteaseOther', params: { host } }
        : third;
    }
    default:
      return decideThirdParty(s);
  }
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function classify(s: GroupState): Finding {
  const d = decide(s);
  const g = s.group;
  const catalog =
    g.netease && g.netease !== 'netease' && g.netease !== 'passport'
      ? catalogServiceById(g.netease)
      : undefined;
  const product = g.product && !g.product.catalogId ? g.product : null;
  const category = catalog
    ? (NETEASE_CATEGORY[catalog.category] ?? 'other')
    : product
      ? product.category
      : inferCategory(s);
  const hasAccount = d.verdict === 'account' || d.verdict === 'netease-service';
  const suggest: Finding['suggest'] =
    d.verdict === 'netease-service'
      ? 'service'
      : d.verdict === 'netease-passport' ||
          d.verdict === 'personal' ||
          d.verdict === 'mailing-list' ||
          d.verdict === 'suspicious' ||
          d.verdict === 'on-behalf'
        ? null
        : 'site';
  const telling = [...s.telling]
    .sort((a, b) => a.at - b.at || a.subject.localeCompare(b.subject))
    .map((r) => r.subject);
  const recent = [...s.recent]
    .sort((a, b) => b.at - a.at || a.subject.localeCompare(b.subject))
    .map((r) => r.subject);
  const samples = [...new Set([...telling, ...recent])].slice(0, 5);
  const { verdict: _verdict, imitates, ...reason } = d;
  const merchants = [...s.merchants].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    id: g.key,
    kind: g.kind,
    domain: g.domain,
    name: top(s.names) ?? g.domain,
    knownName: catalog
      ? { ...catalog.name }
      : product
        ? { ...product.name }
        : g.known
          ? { ...g.known.name }
          : null,
    catalogServiceId: catalog ? catalog.id : null,
    // A catalog product carries the catalog's own confidence; only a custom one needs this.
    confidence: product ? product.confidence : null,
    onBehalfOf: d.verdict === 'on-behalf' ? merchants.map(([m]) => m) : [],
    imitates: imitates ?? null,
    category,
    verdict: d.verdict,
    hasAccount,
    reason: reason as Reason,
    evidence: { ...s.evidence },
    firstSeen: iso(s.first),
    lastSeen: iso(s.last),
    sampleSubjects: samples,
    hosts: [...s.hosts.keys()],
    suggest,
    rank: WEIGHT[d.verdict] * 1e7 + Math.min(s.evidence.messages, 9_999_999),
  };
}
