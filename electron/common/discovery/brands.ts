/**
 * Brands that phishing and fake sign-up mail pretend to be, with the domains each really sends
 * from, as data with sources (the brand's own website, whose mail uses the same domains). Used to
 * compare what a message claims (display name, the brand a subject opens with) with where it comes
 * from, and to spot lookalike domains (brand plus hyphen words, digits for letters, punycode and
 * confusable characters, throwaway TLDs). Team knowledge as of 2025; a brand missing here is not
 * checked, which errs toward trusting the sender, as before.
 */

export interface Brand {
  id: string;
  /** What a display name or a subject calls the brand: Chinese as substrings, Latin as whole words. */
  names: readonly string[];
  /** Registrable domains (or public suffixes such as gov.cn) whose mail may use the brand's name. */
  domains: readonly string[];
  /**
   * Latin tokens a lookalike domain borrows (`paypal` in paypal-resolution.top); only distinctive
   * ones, so a word like "chase" or "jd" does not make ordinary domains look suspicious.
   */
  tokens: readonly string[];
  source: string;
}

const site = (origin: string) => `official website https://${origin}`;

function b(id: string, names: string[], domains: string[], tokens: string[], origin = domains[0]!): Brand {
  return { id, names, domains, tokens, source: site(origin) };
}

export const BRANDS: readonly Brand[] = [
  b(
    'netease',
    [
      '网易',
      'NetEase',
      '163邮箱',
      '126邮箱',
      '163 Mail',
      '126 Mail',
      '163 VIP',
      'yeah.net邮箱',
      '网易通行证',
      // The scanned address is a NetEase mailbox: its "administrator" is NetEase.
      '邮箱管理员',
      '邮件管理员',
      '邮箱中心',
      'Mail Administrator',
      'Mailbox Administrator',
      'Email Administrator',
      'Webmail',
    ],
    [
      '163.com',
      '126.com',
      'yeah.net',
      'netease.com',
      '188.com',
      '163yun.com',
      'youdao.com',
      'lofter.com',
      'icourse163.org',
      'kaola.com',
      'kaola.com.cn',
      'netease.im',
      'neteasegames.com',
      'easebar.com',
    ],
    ['netease', '163mail', '126mail', 'mail163', 'mail126'],
    'www.163.com',
  ),
  b(
    'alipay',
    ['支付宝', 'Alipay', '蚂蚁财富', '95188'],
    ['alipay.com', 'alipay.hk', 'antgroup.com', 'alibaba.com', 'alipayobjects.com', 'mybank.cn'],
    ['alipay', 'antgroup'],
  ),
  b(
    'taobao',
    ['淘宝', '天猫', 'Taobao', 'Tmall', '阿里巴巴', 'Alibaba'],
    [
      'taobao.com',
      'tmall.com',
      'alibaba.com',
      'alipay.com',
      'aliexpress.com',
      'goofish.com',
      '1688.com',
      'aliyun.com',
      'alibabacloud.com',
    ],
    ['taobao', 'tmall', 'alibaba'],
    'www.taobao.com',
  ),
  b(
    'jd',
    ['京东', 'JD.com', '京东白条', '京东金融'],
    ['jd.com', '360buy.com', 'jd.hk', 'jdpay.com', 'jdcloud.com', 'jddglobal.com'],
    ['jingdong', '360buy'],
    'www.jd.com',
  ),
  b(
    'tencent',
    ['微信', '腾讯', 'WeChat', 'Tencent', 'QQ安全中心', 'QQ邮箱', '财付通', 'Tenpay', '微信支付'],
    [
      'qq.com',
      'tencent.com',
      'wechat.com',
      'tenpay.com',
      'qcloudmail.com',
      'tencentgames.com',
      'foxmail.com',
      'weixin.com',
      'tencentcloud.com',
      'qcloud.com',
      'wechatpay.com',
    ],
    ['wechat', 'weixin', 'tencent', 'tenpay'],
    'www.tencent.com',
  ),
  b(
    'apple',
    ['Apple', 'iCloud', 'App Store', 'Apple ID', 'Apple 账户', 'Apple 帐户', 'iTunes'],
    ['apple.com', 'icloud.com', 'icloud.com.cn', 'me.com', 'mac.com', 'apple.com.cn'],
    ['apple', 'icloud', 'itunes', 'appleid'],
    'www.apple.com',
  ),
  b(
    'microsoft',
    ['Microsoft', '微软', 'Outlook', 'Office 365', 'Microsoft 365', 'Hotmail', 'OneDrive', 'Xbox'],
    [
      'microsoft.com',
      'office.com',
      'outlook.com',
      'hotmail.com',
      'live.com',
      'live.cn',
      'msn.com',
      'xbox.com',
      'microsoftonline.com',
      'outlook.com.cn',
      'skype.com',
      'microsoftstore.com',
      'office365.com',
    ],
    ['microsoft', 'outlook', 'office365', 'hotmail', 'onedrive', 'microsoftonline'],
    'www.microsoft.com',
  ),
  b(
    'google',
    ['Google', '谷歌', 'Gmail', 'YouTube'],
    ['google.com', 'gmail.com', 'googlemail.com', 'youtube.com', 'google.cn'],
    ['google', 'gmail', 'youtube'],
    'www.google.com',
  ),
  b(
    'paypal',
    ['PayPal', '贝宝'],
    ['paypal.com', 'paypal.cn', 'paypal.com.hk', 'paypal-communication.com', 'paypal-community.com'],
    ['paypal'],
    'www.paypal.com',
  ),
  b(
    'amazon',
    ['Amazon', '亚马逊', 'AWS', 'Amazon Web Services'],
    [
      'amazon.com',
      'amazon.cn',
      'amazon.co.jp',
      'amazon.de',
      'amazon.co.uk',
      'amazonaws.com',
      'amazonaws.cn',
      'amazonpay.com',
      'primevideo.com',
      'kindle.com',
    ],
    ['amazon', 'amazonaws'],
    'www.amazon.com',
  ),
  b(
    'meta',
    ['Facebook', 'Instagram', 'WhatsApp', 'Meta'],
    ['facebook.com', 'facebookmail.com', 'instagram.com', 'whatsapp.com', 'meta.com'],
    ['facebook', 'instagram', 'whatsapp'],
    'www.meta.com',
  ),
  b('netflix', ['Netflix', '网飞'], ['netflix.com'], ['netflix'], 'www.netflix.com'),
  b(
    'steam',
    ['Steam', 'Valve'],
    ['steampowered.com', 'steamcommunity.com', 'valvesoftware.com'],
    ['steampowered', 'steamcommunity'],
    'store.steampowered.com',
  ),
  b('docusign', ['DocuSign'], ['docusign.com', 'docusign.net'], ['docusign'], 'www.docusign.com'),
  b(
    'dhl',
    ['DHL', 'FedEx', '联邦快递'],
    ['dhl.com', 'dhl.de', 'fedex.com', 'cn.dhl.com'],
    ['fedex'],
    'www.dhl.com',
  ),
  b(
    'binance',
    ['Binance', '币安', 'Coinbase'],
    ['binance.com', 'coinbase.com'],
    ['binance', 'coinbase'],
    'www.binance.com',
  ),
  b('linkedin', ['LinkedIn', '领英'], ['linkedin.com'], ['linkedin'], 'www.linkedin.com'),
  b(
    'douyin',
    ['抖音', 'TikTok', '字节跳动'],
    ['douyin.com', 'tiktok.com', 'bytedance.com', 'feishu.cn', 'larksuite.com'],
    ['douyin', 'tiktok', 'bytedance'],
    'www.douyin.com',
  ),
  b(
    'weibo',
    ['新浪微博', '微博'],
    ['weibo.com', 'weibo.cn', 'sina.com.cn', 'sina.com', 'sina.cn'],
    ['weibo'],
    'weibo.com',
  ),
  b(
    'ctrip',
    ['携程', 'Ctrip', 'Trip.com'],
    ['ctrip.com', 'trip.com', 'ctrip.cn'],
    ['ctrip'],
    'www.ctrip.com',
  ),
  b(
    'meituan',
    ['美团', '大众点评'],
    ['meituan.com', 'dianping.com'],
    ['meituan', 'dianping'],
    'www.meituan.com',
  ),
  b(
    'pdd',
    ['拼多多', 'Temu'],
    ['pinduoduo.com', 'yangkeduo.com', 'temu.com'],
    ['pinduoduo', 'yangkeduo'],
    'www.pinduoduo.com',
  ),
  b('12306', ['12306', '中国铁路'], ['12306.cn', 'rails.com.cn'], ['12306'], 'www.12306.cn'),
  b(
    'tax',
    ['国家税务总局', '个人所得税', '税务局', '电子税务局'],
    ['chinatax.gov.cn', 'gov.cn'],
    ['chinatax'],
    'www.chinatax.gov.cn',
  ),
  // Banks: the 95xxx customer-service numbers are what their mail and SMS show as the sender name.
  b(
    'cmb',
    ['招商银行', '招行', 'China Merchants Bank', '95555'],
    ['cmbchina.com', 'cmbwinglungbank.com'],
    ['cmbchina'],
    'www.cmbchina.com',
  ),
  b(
    'icbc',
    ['工商银行', '工银', 'ICBC', '95588'],
    ['icbc.com.cn', 'icbc.com', 'icbcasia.com'],
    ['icbc'],
    'www.icbc.com.cn',
  ),
  b(
    'ccb',
    ['建设银行', '建行', 'China Construction Bank', '95533'],
    ['ccb.com', 'ccb.cn'],
    ['ccbchina'],
    'www.ccb.com',
  ),
  b(
    'boc',
    ['中国银行', '中银', 'Bank of China', '95566'],
    ['boc.cn', 'bankofchina.com', 'bochk.com'],
    ['bankofchina'],
    'www.boc.cn',
  ),
  b(
    'abc',
    ['农业银行', '农行', 'Agricultural Bank of China', '95599'],
    ['abchina.com', 'abchina.com.cn'],
    ['abchina'],
    'www.abchina.com',
  ),
  b(
    'bankcomm',
    ['交通银行', '交行', 'Bank of Communications', '95559'],
    ['bankcomm.com', 'bocomcc.com'],
    ['bankcomm'],
    'www.bankcomm.com',
  ),
  b(
    'spdb',
    ['浦发银行', 'SPD Bank', '95528'],
    ['spdb.com.cn', 'spdbccc.com.cn'],
    ['spdbccc'],
    'www.spdb.com.cn',
  ),
  b('cib', ['兴业银行', 'Industrial Bank', '95561'], ['cib.com.cn'], [], 'www.cib.com.cn'),
  b(
    'citic',
    ['中信银行', 'China CITIC Bank', '95558'],
    ['citicbank.com', 'citiccard.com', 'citic.com'],
    ['citicbank', 'citiccard'],
    'www.citicbank.com',
  ),
  b('ceb', ['光大银行', 'China Everbright Bank', '95595'], ['cebbank.com'], ['cebbank'], 'www.cebbank.com'),
  b('cmbc', ['民生银行', 'China Minsheng Bank', '95568'], ['cmbc.com.cn'], [], 'www.cmbc.com.cn'),
  b(
    'pingan',
    ['平安银行', '中国平安', 'Ping An', '95511'],
    ['pingan.com', 'pingan.com.cn'],
    ['pingan'],
    'www.pingan.com',
  ),
  b('psbc', ['邮储银行', '邮政储蓄银行', 'Postal Savings Bank', '95580'], ['psbc.com'], [], 'www.psbc.com'),
  b(
    'cgb',
    ['广发银行', 'China Guangfa Bank', '95508'],
    ['cgbchina.com.cn'],
    ['cgbchina'],
    'www.cgbchina.com.cn',
  ),
  b('hxb', ['华夏银行', 'Hua Xia Bank', '95577'], ['hxb.com.cn'], [], 'www.hxb.com.cn'),
  b(
    'unionpay',
    ['银联', '云闪付', 'UnionPay', '95516'],
    ['unionpay.com', 'cup.com.cn', '95516.com', 'unionpayintl.com'],
    ['unionpay'],
    'www.unionpay.com',
  ),
  b(
    'hsbc',
    ['HSBC', '汇丰'],
    ['hsbc.com', 'hsbc.com.hk', 'hsbc.com.cn', 'hsbc.co.uk'],
    ['hsbc'],
    'www.hsbc.com',
  ),
  b(
    'citi',
    ['Citibank', '花旗'],
    ['citi.com', 'citibank.com', 'citibank.com.cn'],
    ['citibank'],
    'www.citi.com',
  ),
  // Carriers: each runs a mail service of its own (139.com, 189.cn, wo.cn), which its bills use.
  b(
    'cmcc',
    ['中国移动', 'China Mobile', '10086'],
    ['10086.cn', 'chinamobile.com', '139.com'],
    ['chinamobile', '10086'],
    'www.10086.cn',
  ),
  b(
    'ct',
    ['中国电信', 'China Telecom', '10000号'],
    ['189.cn', 'chinatelecom.com.cn', '21cn.com', 'chinatelecom.cn'],
    ['chinatelecom'],
    'www.189.cn',
  ),
  b(
    'cu',
    ['中国联通', 'China Unicom', '10010'],
    ['10010.com', 'chinaunicom.cn', 'chinaunicom.com', 'wo.cn', 'wo.com.cn'],
    ['chinaunicom', '10010'],
    'www.10010.com',
  ),
];

/**
 * TLDs that cost next to nothing and are over-represented in phishing and spam, from the Spamhaus
 * Project's "most abused TLDs" statistics (https://www.spamhaus.org/reputation-statistics/) and
 * Interisle Consulting's Phishing Landscape reports (https://interisle.net/). Not a verdict alone:
 * only together with a brand, an account or code cue.
 */
export const THROWAWAY_TLDS = new Set([
  'top',
  'xyz',
  'icu',
  'cyou',
  'buzz',
  'club',
  'online',
  'site',
  'work',
  'click',
  'link',
  'rest',
  'monster',
  'sbs',
  'cfd',
  'tk',
  'ml',
  'ga',
  'cf',
  'gq',
  'loan',
  'win',
  'bid',
  'lol',
  'quest',
  'bond',
  'best',
  'fun',
  'space',
  'website',
  'cam',
  'zip',
  'mov',
  'gdn',
  'men',
  'date',
  'racing',
  'review',
  'download',
  'country',
  'stream',
  'kim',
  'ltd',
  'pw',
  'su',
  'cc',
]);

/** Words a lookalike domain adds to a brand to sound official. */
const OFFICIAL_WORDS =
  /(?:^|[-.])(?:secure|security|safe|verify|verification|login|signin|account|accounts|update|support|service|services|resolution|center|centre|help|upgrade|id|auth|alert|notice|billing|pay|wallet|kefu|anquan|online|official|vip|cn)(?:$|[-.\d])/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regular expression for all names; the brand is found from the matched name. */
const nameToBrand = new Map<string, Brand>();
for (const brand of BRANDS) for (const n of brand.names) nameToBrand.set(n.toLowerCase(), brand);
const NAMES = [...nameToBrand.keys()].sort((x, y) => y.length - x.length);
const latin = (n: string) => /^[\x20-\x7e]+$/.test(n);
const ALTERNATIVES = NAMES.map((n) =>
  latin(n) ? `(?<![A-Za-z0-9])${escape(n)}(?![A-Za-z0-9])` : escape(n),
).join('|');
const NAME_RE = new RegExp(ALTERNATIVES, 'i');
/** The brand a subject opens with, as a sender does when it signs its mail: 【支付宝】, "PayPal:", "Apple ID ...". */
const OPENING_RE = new RegExp(`^\\s*[【\\[「(（"“]?\\s*(?:${ALTERNATIVES})`, 'i');

export function brandNamedIn(text: string): Brand | null {
  const m = NAME_RE.exec(text);
  return m ? (nameToBrand.get(m[0].toLowerCase()) ?? null) : null;
}

/** The brand a subject opens with (not one it mentions in passing, such as "signed in with WeChat"). */
export function brandOpening(subject: string): Brand | null {
  const m = OPENING_RE.exec(subject);
  return m ? brandNamedIn(m[0]) : null;
}

function endsWith(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The label before the public suffix: `paypal` for paypal.co.uk. */
function mainLabel(registrable: string): string {
  const i = registrable.indexOf('.');
  return i < 0 ? registrable : registrable.slice(0, i);
}

function tld(registrable: string): string {
  return registrable.slice(registrable.lastIndexOf('.') + 1);
}

export function isThrowawayTld(registrable: string): boolean {
  return THROWAWAY_TLDS.has(tld(registrable));
}

/**
 * Whether mail from `host` (registrable domain `registrable`) may use the brand's name: one of its
 * domains, or a country domain of its own name (paypal.de, amazon.fr), unless on a throwaway TLD.
 */
export function isBrandDomain(brand: Brand, host: string, registrable: string): boolean {
  if (brand.domains.some((d) => endsWith(host, d) || endsWith(registrable, d))) return true;
  return brand.tokens.includes(mainLabel(registrable)) && !isThrowawayTld(registrable);
}

// ---- lookalikes ----------------------------------------------------------------------------------

/** Characters that render like Latin letters (Cyrillic, Greek, full-width), mapped to the letter. */
const CONFUSABLE: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ј: 'j',
  ӏ: 'l',
  ԁ: 'd',
  ԛ: 'q',
  ѕ: 's',
  ԝ: 'w',
  ɡ: 'g',
  α: 'a',
  ο: 'o',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  ι: 'i',
  κ: 'k',
  ı: 'i',
  ł: 'l',
};
/** Digits and letter pairs that pass for letters at a glance. */
const DIGIT_AS_LETTER: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
};

/** RFC 3492 decoding of one `xn--` label; null when it is not valid punycode. */
export function decodePunycode(label: string): string | null {
  if (!label.startsWith('xn--')) return label;
  const input = label.slice(4);
  const base = 36;
  const [tMin, tMax, skew, damp] = [1, 26, 38, 700];
  const cut = input.lastIndexOf('-');
  const out = cut > 0 ? [...input.slice(0, cut)] : [];
  let i = 0;
  let n = 128;
  let bias = 72;
  const adapt = (delta: number, points: number, first: boolean): number => {
    delta = first ? Math.floor(delta / damp) : delta >> 1;
    delta += Math.floor(delta / points);
    let k = 0;
    while (delta > ((base - tMin) * tMax) >> 1) {
      delta = Math.floor(delta / (base - tMin));
      k += base;
    }
    return k + Math.floor(((base - tMin + 1) * delta) / (delta + skew));
  };
  for (let pos = cut > 0 ? cut + 1 : 0; pos < input.length;) {
    const old = i;
    let w = 1;
    for (let k = base; ; k += base) {
      if (pos >= input.length) return null;
      const c = input.charCodeAt(pos++);
      const digit = c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : base;
      if (digit >= base) return null;
      i += digit * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (digit < t) break;
      w *= base - t;
      if (w > 1e9) return null;
    }
    bias = adapt(i - old, out.length + 1, old === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff) return null;
    out.splice(i++, 0, String.fromCodePoint(n));
  }
  return out.join('');
}

/** A label as it reads: punycode decoded, confusables mapped, "rn" read as "m". */
function skeleton(label: string): { text: string; disguised: boolean } {
  const decoded = label
    .split('.')
    .map((l) => decodePunycode(l) ?? l)
    .join('.');
  let text = '';
  let disguised = decoded !== label;
  for (const ch of decoded.normalize('NFKC').toLowerCase()) {
    const mapped = CONFUSABLE[ch];
    if (mapped) disguised = true;
    text += mapped ?? ch;
  }
  return { text, disguised };
}

const tokenStarts = new Map<string, RegExp>();

/**
 * Whether a domain label holds a brand token. A short token must start a word of the label
 * (apple-id, secure-icloud, 163mail), or pineapple and huaweicloud would pass for Apple.
 */
function holds(label: string, token: string): boolean {
  if (token.length > 6) return label.includes(token);
  let re = tokenStarts.get(token);
  if (!re) tokenStarts.set(token, (re = new RegExp(`(?:^|[-.])${token}`)));
  return re.test(label);
}

export interface Lookalike {
  brand: Brand;
  /** How the domain borrows the brand: hyphen or extra words, digits for letters, or IDN characters. */
  how: 'words' | 'digits' | 'characters';
}

/**
 * The brand a registrable domain imitates, or null. The domain is read as a person would read it
 * (decoded punycode, confusables, digits as letters) and holds a brand token without being one of
 * the brand's domains.
 */
export function lookalikeOf(host: string, registrable: string): Lookalike | null {
  const label = registrable.slice(0, registrable.length - tld(registrable).length - 1) || registrable;
  const { text, disguised } = skeleton(label);
  const asLetters = text
    .replace(/[0-9]/g, (d) => DIGIT_AS_LETTER[d] ?? d)
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w');
  for (const brand of BRANDS) {
    if (isBrandDomain(brand, host, registrable)) continue;
    for (const token of brand.tokens) {
      if (holds(text, token)) return { brand, how: disguised ? 'characters' : 'words' };
      if (/[a-z]/.test(token) && !/[0-9]/.test(token) && holds(asLetters, token))
        return { brand, how: 'digits' };
    }
  }
  return null;
}

/** Whether a domain dresses itself up with official-sounding words (secure-, -verify, -kefu). */
export function hasOfficialWords(registrable: string): boolean {
  return OFFICIAL_WORDS.test(registrable.slice(0, registrable.length - tld(registrable).length - 1));
}
