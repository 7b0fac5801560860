/**
 * NetEase products whose mail arrives from shared NetEase hosts (service.netease.com, the passport
 * hosts, game.163.com) or from hosts of their own the catalog does not list. Each product is one
 * finding: a game, a tool or a paid mailbox the user holds through the passport and loses with it.
 * A product the catalog knows links to that catalog service; the others become a custom NetEase
 * service in the plan, labelled with this entry's confidence.
 *
 * How a message names its product, most specific first: its own host, the From local part (the
 * shared hosts send each product from its own mailbox, xyq@service.netease.com), the List-Id, the
 * display name, then the subject (【梦幻西游】...). Names and hosts as on each product's official
 * site (team knowledge, not in the reference files): hence low confidence.
 */
import type { Confidence, Text } from '../catalog/types';

export interface NeteaseProduct {
  id: string;
  /** The catalog service this product is, when the catalog has it. */
  catalogId: string | null;
  name: Text;
  /** Substrings of a display name or subject that name the product (Chinese, or Latin words). */
  names: readonly string[];
  /** From local parts on the shared NetEase hosts. */
  locals: readonly string[];
  /** Hosts of the product's own (a sender matches the host or a subdomain of it). */
  hosts: readonly string[];
  /** Discovery's category for a product outside the catalog (a catalog product has the catalog's). */
  category: 'game' | 'other';
  source: string;
  confidence: Confidence;
}

const SOURCE = 'NetEase product websites (team knowledge, not in the reference files)';

function p(
  id: string,
  catalogId: string | null,
  zh: string,
  en: string,
  names: string[],
  locals: string[],
  hosts: string[],
  category: 'game' | 'other' = 'other',
): NeteaseProduct {
  return {
    id,
    catalogId,
    name: { 'zh-CN': zh, en },
    names,
    locals,
    hosts,
    category,
    source: SOURCE,
    confidence: 'low',
  };
}

export const NETEASE_PRODUCTS: readonly NeteaseProduct[] = [
  p('mhxy', 'game.mhxy', '梦幻西游', 'Fantasy Westward Journey', ['梦幻西游'], ['xyq', 'mhxy'], []),
  p('yys', 'game.yys', '阴阳师', 'Onmyoji', ['阴阳师', 'Onmyoji'], ['yys', 'onmyoji'], []),
  p('dhxy', 'game.dhxy', '大话西游', 'Westward Journey Online', ['大话西游'], ['xy2', 'dhxy'], []),
  p('nsh', null, '逆水寒', 'Justice Online (逆水寒)', ['逆水寒'], ['nsh'], ['nsh.163.com'], 'game'),
  p(
    'id5',
    null,
    '第五人格',
    'Identity V (第五人格)',
    ['第五人格', 'Identity V'],
    ['id5', 'dwrg'],
    ['id5.163.com'],
    'game',
  ),
  p(
    'eggy',
    null,
    '蛋仔派对',
    'Eggy Party (蛋仔派对)',
    ['蛋仔派对', 'Eggy Party'],
    ['party', 'eggy', 'dzpd'],
    ['party.163.com'],
    'game',
  ),
  p(
    'cloudgame',
    null,
    '网易云游戏',
    'NetEase Cloud Gaming',
    ['网易云游戏', '云游戏'],
    ['cg', 'cloudgame'],
    ['cg.163.com'],
    'game',
  ),
  p('cbg', null, '藏宝阁', 'Cangbaoge (藏宝阁) trading', ['藏宝阁'], ['cbg'], ['cbg.163.com'], 'game'),
  p(
    'uu',
    null,
    'UU加速器',
    'UU Booster (UU加速器)',
    ['UU加速器', 'UU 加速器', '网易UU', 'UU Booster'],
    ['uu', 'uuboost'],
    ['uu.163.com'],
  ),
  p('mumu', null, 'MuMu模拟器', 'MuMu Player', ['MuMu'], ['mumu'], ['mumu.163.com']),
  p('mkey', null, '网易将军令', 'NetEase Mobile Key (将军令)', ['将军令'], ['mkey', 'jjl'], ['mkey.163.com']),
  p(
    'mailmaster',
    null,
    '网易邮箱大师',
    'NetEase Mail Master',
    ['邮箱大师', 'Mail Master'],
    ['mailmaster', 'dashi'],
    ['dashi.163.com'],
  ),
  p(
    'qnm',
    null,
    '倩女幽魂',
    'Qiannü Youhun',
    ['倩女幽魂'],
    ['qnm', 'qn'],
    ['qnm.163.com', 'qn.163.com'],
    'game',
  ),
  p(
    'naraka',
    null,
    '永劫无间',
    'NARAKA: BLADEPOINT',
    ['永劫无间', 'NARAKA'],
    ['naraka', 'yjwj'],
    ['yjwj.163.com'],
    'game',
  ),
  p(
    'stzb',
    null,
    '率土之滨',
    'Infinity Kingdom (率土之滨)',
    ['率土之滨'],
    ['stzb'],
    ['stzb.163.com'],
    'game',
  ),
  p('mrzh', null, '明日之后', 'LifeAfter', ['明日之后', 'LifeAfter'], ['mrzh'], ['mrzh.163.com'], 'game'),
  p('hyxd', null, '荒野行动', 'Knives Out', ['荒野行动', 'Knives Out'], ['hyxd'], ['hyxd.163.com'], 'game'),
  p('tx3', null, '天下3', 'Tianxia III', ['天下3', '天下叁'], ['tx3'], ['tx3.163.com'], 'game'),
  p('netdisk', 'netdisk', '网易网盘', 'NetEase netdisk', ['网易网盘'], ['pan', 'netdisk'], []),
  p(
    'music',
    'music',
    '网易云音乐',
    'NetEase Cloud Music',
    ['网易云音乐', '云音乐'],
    ['music', 'cloudmusic'],
    [],
  ),
  p('yanxuan', 'yanxuan', '网易严选', 'NetEase Yanxuan', ['网易严选'], ['yanxuan'], []),
  p('pay', 'pay', '网易支付 / 网易宝', 'NetEase Pay', ['网易支付', '网易宝'], ['epay'], []),
  p(
    'vipmail',
    null,
    '网易VIP邮箱',
    'NetEase VIP Mail',
    ['VIP邮箱', 'VIP 邮箱', '163 VIP', '126 VIP', 'VIP Mail'],
    ['vip', 'vipmail', 'vipservice'],
    ['vip.163.com', 'vip.126.com', 'vip.188.com', '188.com'],
  ),
];

const byLocal = new Map(NETEASE_PRODUCTS.flatMap((x) => x.locals.map((l) => [l, x] as const)));
const byHost = new Map(NETEASE_PRODUCTS.flatMap((x) => x.hosts.map((h) => [h, x] as const)));
const latin = (n: string) => /^[\x20-\x7e]+$/.test(n);
const nameEntries = NETEASE_PRODUCTS.flatMap((x) => x.names.map((n) => [n, x] as const)).sort(
  (a, b) => b[0].length - a[0].length,
);
const NAME_RE = new RegExp(
  nameEntries
    .map(([n]) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .map((n) => (latin(n) ? `(?<![A-Za-z0-9])${n}(?![A-Za-z0-9])` : n))
    .join('|'),
  'i',
);
const byName = new Map(nameEntries.map(([n, x]) => [n.toLowerCase(), x] as const));

/** The product with its own host `host` (or a parent of it), or null. */
export function productForHost(host: string): NeteaseProduct | null {
  let at = -1;
  do {
    const hit = byHost.get(host.slice(at + 1));
    if (hit) return hit;
    at = host.indexOf('.', at + 1);
  } while (at >= 0);
  return null;
}

export function productNamedIn(text: string): NeteaseProduct | null {
  const m = NAME_RE.exec(text);
  return m ? (byName.get(m[0].toLowerCase()) ?? null) : null;
}

/**
 * The product a message from a shared NetEase host is about: From local part, List-Id, display
 * name, subject, in that order. Null: mail of the passport (or NetEase) itself.
 */
export function productOfMessage(m: {
  local: string;
  name: string;
  listId: string | null;
  subject: string;
  /** The subject only advertises (NetEase cross-promotes its products): it says nothing of use. */
  promotion: boolean;
}): NeteaseProduct | null {
  const local = byLocal.get(m.local.replace(/[-_.]?(?:noreply|no-reply|service|notice)$/, ''));
  if (local) return local;
  if (m.listId) {
    for (const label of m.listId.split('.')) {
      const hit = byLocal.get(label);
      if (hit) return hit;
    }
  }
  return productNamedIn(m.name) ?? (m.promotion ? null : productNamedIn(m.subject));
}
