import type { AssetKindId } from './asset-kinds';
import { FACTS, GUIDE, type Sourced, type Text } from './types';

export type ServiceCategory = 'game' | 'music' | 'shop' | 'pay' | 'storage' | 'other';

/** Sender domains are our own knowledge of the services' sites, not from the reference files. */
const DOMAINS_SOURCE = 'service websites (team knowledge, not in the reference files)';

export interface SenderDomains extends Sourced {
  /** A sender matches when its domain equals one of these or ends with '.' + one of these. */
  domains: readonly string[];
}

export interface CatalogService extends Sourced {
  /** Stable id, referenced from plans and from mail discovery. */
  id: string;
  category: ServiceCategory;
  name: Text;
  /** What to do in this service before closing, one action per entry. */
  actions: readonly Text[];
  /** Asset kinds the user is likely to hold here. */
  assetKinds: readonly AssetKindId[];
  senders: SenderDomains;
  /** Added to every new plan as "unchecked"; the user marks it not used or deals with it. */
  defaultInPlan: boolean;
  note?: Text & Sourced;
}

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });
const game = (id: string, zh: string, en: string, domains: string[]): CatalogService => ({
  id,
  category: 'game',
  name: t(zh, en),
  actions: [
    t(
      '决定角色和道具是否放弃；能转移的先转移。',
      'Decide whether to give up the characters and items; move what can be moved.',
    ),
    t('用掉或放弃点券和充值余额。', 'Spend or give up game currency and top-up balance.'),
    t(
      '解除游戏账号与通行证的绑定（如果游戏支持）。',
      'Unbind the game account from the passport, where the game allows it.',
    ),
  ],
  assetKinds: ['game-currency', 'cash-balance', 'membership'],
  senders: { domains, source: DOMAINS_SOURCE, confidence: 'low' },
  defaultInPlan: true,
  source: `${GUIDE} §注意事项2`,
  confidence: 'medium',
});

/**
 * Other NetEase brands, so discovery files their mail under NetEase and not as third parties. That
 * they sign in with the NetEase passport is team knowledge; whether closing the passport closes
 * them too is not verified (neither reference file lists them), hence low confidence and the note.
 * Not added to new plans by default: the user adds one when discovery or memory says it is used.
 */
const UNVERIFIED_CLOSURE: Text & Sourced = {
  'zh-CN': '不确定注销网易通行证是否会一并注销此服务；请登录它自己查看，并按"仍在使用"处理。',
  en: 'Not verified whether closing the NetEase passport also closes this service; sign in to it to check, and treat it as still in use.',
  source: DOMAINS_SOURCE,
  confidence: 'low',
};
const brand = (
  id: string,
  category: ServiceCategory,
  zh: string,
  en: string,
  domains: string[],
  actions: Text[],
): CatalogService => ({
  id,
  category,
  name: t(zh, en),
  actions,
  assetKinds: category === 'shop' ? ['cash-balance'] : ['membership'],
  senders: { domains, source: DOMAINS_SOURCE, confidence: 'low' },
  defaultInPlan: false,
  note: UNVERIFIED_CLOSURE,
  source: 'NetEase brands (team knowledge, not in the reference files)',
  confidence: 'low',
});

export const services: readonly CatalogService[] = [
  game('game.mhxy', '梦幻西游', 'Fantasy Westward Journey (梦幻西游)', ['xyq.163.com', 'my.163.com']),
  game('game.yys', '阴阳师', 'Onmyoji (阴阳师)', ['yys.163.com']),
  game('game.dhxy', '大话西游', 'Westward Journey Online (大话西游)', ['xy2.163.com', 'dhxy.163.com']),
  {
    id: 'game',
    category: 'game',
    name: t('其他网易游戏', 'Other NetEase games'),
    actions: [
      t(
        '列出你玩过的其他网易游戏，逐个处理。',
        'List any other NetEase games you played and deal with each one.',
      ),
    ],
    assetKinds: ['game-currency', 'cash-balance'],
    senders: {
      domains: ['game.163.com', 'gamebase.163.com', 'nie.163.com', 'update.netease.com'],
      source: DOMAINS_SOURCE,
      confidence: 'low',
    },
    defaultInPlan: false,
    source: `${GUIDE} §注意事项2`,
    confidence: 'medium',
  },
  {
    id: 'music',
    category: 'music',
    name: t('网易云音乐', 'NetEase Cloud Music'),
    actions: [
      t('导出或截图收藏的歌单。', 'Export or screenshot your playlists.'),
      t('会员权益和云贝余额用完或放弃。', 'Use up or give up membership and balance.'),
      t(
        '如果还想继续用云音乐，先把登录方式换成手机号或其他账号。',
        'To keep using Cloud Music, switch its sign-in to a phone number or another account first.',
      ),
    ],
    assetKinds: ['membership', 'cash-balance', 'points'],
    senders: { domains: ['music.163.com'], source: DOMAINS_SOURCE, confidence: 'medium' },
    defaultInPlan: true,
    source: `${GUIDE} §注意事项2`,
    confidence: 'medium',
  },
  {
    id: 'yanxuan',
    category: 'shop',
    name: t('网易严选', 'NetEase Yanxuan'),
    actions: [
      t('等所有订单完成，没有进行中的退款。', 'Wait until every order is complete and no refund is pending.'),
      t('用掉或放弃余额和优惠券。', 'Spend or give up balance and coupons.'),
      t('需要的话保存订单记录和收货地址。', 'Save order records and addresses if you need them.'),
    ],
    assetKinds: ['cash-balance', 'coupon', 'points', 'membership'],
    senders: { domains: ['you.163.com'], source: DOMAINS_SOURCE, confidence: 'medium' },
    defaultInPlan: true,
    source: `${GUIDE} §注意事项2`,
    confidence: 'medium',
  },
  {
    id: 'kaola',
    category: 'shop',
    name: t('考拉海购', 'Kaola'),
    actions: [
      t(
        '单独登录考拉检查订单、余额和优惠券；它可能已不再随网易通行证注销。',
        'Sign in to Kaola separately and check orders, balance and coupons; it may no longer close with the NetEase passport.',
      ),
    ],
    assetKinds: ['cash-balance', 'coupon'],
    senders: { domains: ['kaola.com', 'kaola.com.cn'], source: DOMAINS_SOURCE, confidence: 'low' },
    defaultInPlan: true,
    note: {
      'zh-CN': '考拉海购已于 2019 年 9 月出售给阿里巴巴，账号可能已不属于网易关联服务。',
      en: 'Kaola was sold to Alibaba in September 2019; the account may no longer be a NetEase linked service.',
      source: `${FACTS} high`,
      confidence: 'high',
    },
    source: `${GUIDE} §注意事项2 · ${FACTS} high`,
    confidence: 'high',
  },
  {
    id: 'pay',
    category: 'pay',
    name: t('网易支付 / 网易宝', 'NetEase Pay (网易宝)'),
    actions: [
      t('把余额提现到银行卡。', 'Withdraw the balance to a bank card.'),
      t('解绑所有银行卡，然后关闭支付账户。', 'Unbind every bank card, then close the payment account.'),
    ],
    assetKinds: ['cash-balance', 'coupon'],
    senders: { domains: ['epay.163.com', 'pay.163.com'], source: DOMAINS_SOURCE, confidence: 'medium' },
    defaultInPlan: true,
    source: `${GUIDE} §注意事项2, 3 · ${FACTS} low`,
    confidence: 'medium',
  },
  {
    id: 'netdisk',
    category: 'storage',
    name: t('网易网盘', 'NetEase netdisk'),
    actions: [t('把所有文件下载到本机并核对。', 'Download every file to this computer and check it.')],
    assetKinds: ['membership'],
    senders: { domains: ['pan.163.com'], source: DOMAINS_SOURCE, confidence: 'low' },
    defaultInPlan: true,
    source: `${GUIDE} §注意事项1`,
    confidence: 'medium',
  },
  brand(
    'youdao',
    'storage',
    '网易有道（有道云笔记、有道词典）',
    'NetEase Youdao (Youdao Cloud Note, Youdao Dictionary)',
    ['youdao.com'],
    [
      t('导出云笔记和收藏的单词本。', 'Export your cloud notes and word lists.'),
      t('会员权益用完或放弃。', 'Use up or give up membership benefits.'),
    ],
  ),
  brand(
    '163yun',
    'storage',
    '网易云（网易数帆）',
    'NetEase Cloud (163yun)',
    ['163yun.com'],
    [t('迁走或下载云上的数据，结清账单。', 'Move or download data kept in the cloud and settle the bills.')],
  ),
  brand(
    'lofter',
    'other',
    'LOFTER（乐乎）',
    'LOFTER',
    ['lofter.com'],
    [t('保存自己发布的图文。', 'Save the posts and pictures you published.')],
  ),
  brand(
    'open-course',
    'other',
    '网易公开课',
    'NetEase Open Courses (网易公开课)',
    ['open.163.com'],
    [
      t(
        '记下收藏的课程；会员权益用完或放弃。',
        'Note the courses you saved; use up or give up membership benefits.',
      ),
    ],
  ),
  brand(
    'study',
    'other',
    '网易云课堂',
    'NetEase Cloud Classroom (网易云课堂)',
    ['study.163.com'],
    [
      t(
        '确认已购课程能否换到别的账号，保存证书。',
        'Check whether bought courses can move to another account; save certificates.',
      ),
    ],
  ),
  brand(
    'icourse',
    'other',
    '中国大学MOOC',
    'icourse163 (中国大学MOOC)',
    ['icourse163.org'],
    [t('保存课程证书和成绩。', 'Save course certificates and grades.')],
  ),
  brand(
    'news',
    'other',
    '网易新闻',
    'NetEase News (网易新闻)',
    ['news.163.com'],
    [
      t(
        '如果还想继续用，先把登录方式换成手机号。',
        'To keep using it, switch its sign-in to a phone number first.',
      ),
    ],
  ),
  brand(
    'buff',
    'shop',
    '网易BUFF',
    'NetEase BUFF',
    ['buff.163.com'],
    [
      t(
        '等交易完成，提现余额，取回库存饰品。',
        'Wait for trades to finish, withdraw the balance and take back stored items.',
      ),
    ],
  ),
];

/** Senders from the passport itself (security notices, closure confirmations), not a linked service. */
export const passportSenders: SenderDomains = {
  domains: ['reg.163.com', 'id.163.com', 'passport.163.com', 'service.netease.com'],
  source: DOMAINS_SOURCE,
  confidence: 'low',
};

/** Broad NetEase domains: a sender here is NetEase, but which service is unknown. */
export const netEaseSenders: SenderDomains = {
  domains: ['163.com', '126.com', 'yeah.net', 'netease.com', '188.com'],
  source: DOMAINS_SOURCE,
  confidence: 'medium',
};

function matches(domain: string, candidate: string): boolean {
  return domain === candidate || domain.endsWith(`.${candidate}`);
}

/**
 * Maps a sender's domain to a catalog service id, 'passport', 'netease' (NetEase, service
 * unknown) or null. The longest matching domain wins, so xyq.163.com is a game, not generic 163.com.
 */
export function serviceForSenderDomain(senderDomain: string): string | null {
  const domain = senderDomain.trim().toLowerCase().replace(/\.$/, '');
  let best: { id: string; length: number } | null = null;
  const consider = (id: string, list: readonly string[]): void => {
    for (const d of list) {
      if (matches(domain, d) && (!best || d.length > best.length)) best = { id, length: d.length };
    }
  };
  for (const s of services) consider(s.id, s.senders.domains);
  consider('passport', passportSenders.domains);
  consider('netease', netEaseSenders.domains);
  return (best as { id: string } | null)?.id ?? null;
}

export function catalogServiceById(id: string): CatalogService | undefined {
  return services.find((s) => s.id === id);
}
