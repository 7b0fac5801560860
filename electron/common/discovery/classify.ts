/**
 * From one finding's aggregate to a verdict with its reason. The order is from the strongest
 * evidence of an account (mail about the account itself) to the weakest, and every branch says why.
 */
import { catalogServiceById } from '../catalog/services';
import type { GroupState } from './aggregate';
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
  'netease-service': 6,
  account: 5,
  unclear: 4,
  'one-off': 3,
  newsletter: 2,
  'mailing-list': 1,
  personal: 1,
  'netease-passport': 0,
};

function top(map: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of map) if (v > n) [best, n] = [k, v];
  return best;
}

function inferCategory(s: GroupState): DiscoveryCategory {
  if (s.group.known) return s.group.known.category;
  if ([...s.hosts.keys()].some(isGovernmentHost) || isGovernmentHost(s.group.domain)) return 'government';
  const text = [...s.telling, ...s.recent].map((r) => r.subject).join('\n');
  for (const [category, re] of CATEGORY_CUES) if (re.test(text)) return category;
  return 'other';
}

type Decision = { verdict: Verdict } & Reason;

function decideThirdParty(s: GroupState): Decision {
  const e = s.evidence;
  const m = e.messages;
  const w = s.words;
  const known = s.group.known !== null || [...s.hosts.keys()].some(isGovernmentHost);
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
  const category = catalog ? (NETEASE_CATEGORY[catalog.category] ?? 'other') : inferCategory(s);
  const hasAccount = d.verdict === 'account' || d.verdict === 'netease-service';
  const suggest: Finding['suggest'] =
    d.verdict === 'netease-service'
      ? 'service'
      : d.verdict === 'netease-passport' || d.verdict === 'personal' || d.verdict === 'mailing-list'
        ? null
        : 'site';
  const telling = [...s.telling]
    .sort((a, b) => a.at - b.at || a.subject.localeCompare(b.subject))
    .map((r) => r.subject);
  const recent = [...s.recent]
    .sort((a, b) => b.at - a.at || a.subject.localeCompare(b.subject))
    .map((r) => r.subject);
  const samples = [...new Set([...telling, ...recent])].slice(0, 5);
  const { verdict: _verdict, ...reason } = d;
  return {
    id: g.key,
    kind: g.kind,
    domain: g.domain,
    name: top(s.names) ?? g.domain,
    knownName: catalog ? { ...catalog.name } : g.known ? { ...g.known.name } : null,
    catalogServiceId: catalog ? catalog.id : null,
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
