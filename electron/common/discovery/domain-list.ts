/**
 * Curated third-party senders: who they are and what kind of service, as data. Each entry names
 * the hosts it covers (a host matches when it equals one or ends with '.' + one; the longest match
 * wins) and a source: the organisation's own public website, where the sending domain is the one
 * its mail and site use. Alias domains of one organisation (facebookmail.com for Facebook) are
 * listed together so their mail collapses into one finding. Team knowledge as of 2025; a sender
 * not listed here is still found, it just gets its category from subject cues.
 */

export const DISCOVERY_CATEGORIES = [
  'bank',
  'carrier',
  'social',
  'shopping',
  'game',
  'work',
  'government',
  'other',
] as const;
export type DiscoveryCategory = (typeof DISCOVERY_CATEGORIES)[number];

/** What a platform that mails on someone else's behalf does for them. */
export type OnBehalfKind = 'e-invoice' | 'courier' | 'form' | 'e-signature';

export interface KnownSender {
  /** First entry is the finding's domain; the rest are aliases of the same organisation. */
  domains: readonly string[];
  name: { 'zh-CN': string; en: string };
  category: DiscoveryCategory;
  source: string;
  /**
   * Set for platforms whose mail is sent for a merchant or a person (an e-invoice issued for a
   * shop, a parcel, a form, a contract to sign): the platform itself holds no account of the user.
   */
  onBehalf?: OnBehalfKind;
}

const site = (origin: string) => `official website https://${origin}`;

function k(
  category: DiscoveryCategory,
  domains: string[],
  zh: string,
  en: string,
  origin = domains[0]!,
): KnownSender {
  return { domains, name: { 'zh-CN': zh, en }, category, source: site(origin) };
}

export const KNOWN_SENDERS: readonly KnownSender[] = [
  // Banks and payment
  k('bank', ['cmbchina.com'], '招商银行', 'China Merchants Bank', 'www.cmbchina.com'),
  k('bank', ['icbc.com.cn'], '中国工商银行', 'ICBC', 'www.icbc.com.cn'),
  k('bank', ['ccb.com'], '中国建设银行', 'China Construction Bank', 'www.ccb.com'),
  k('bank', ['bankofchina.com', 'boc.cn'], '中国银行', 'Bank of China', 'www.boc.cn'),
  k('bank', ['abchina.com'], '中国农业银行', 'Agricultural Bank of China', 'www.abchina.com'),
  k('bank', ['bankcomm.com'], '交通银行', 'Bank of Communications', 'www.bankcomm.com'),
  k('bank', ['spdb.com.cn', 'spdbccc.com.cn'], '浦发银行', 'SPD Bank', 'www.spdb.com.cn'),
  k('bank', ['cib.com.cn'], '兴业银行', 'Industrial Bank', 'www.cib.com.cn'),
  k(
    'bank',
    ['citicbank.com', 'citiccard.com', 'citic.com'],
    '中信银行',
    'China CITIC Bank',
    'www.citicbank.com',
  ),
  k('bank', ['cebbank.com'], '中国光大银行', 'China Everbright Bank', 'www.cebbank.com'),
  k('bank', ['cmbc.com.cn'], '中国民生银行', 'China Minsheng Bank', 'www.cmbc.com.cn'),
  k('bank', ['pingan.com', 'pingan.com.cn'], '平安银行', 'Ping An Bank', 'bank.pingan.com'),
  k('bank', ['psbc.com'], '中国邮政储蓄银行', 'Postal Savings Bank of China', 'www.psbc.com'),
  k('bank', ['hxb.com.cn'], '华夏银行', 'Hua Xia Bank', 'www.hxb.com.cn'),
  k('bank', ['cgbchina.com.cn'], '广发银行', 'China Guangfa Bank', 'www.cgbchina.com.cn'),
  k('bank', ['bankofbeijing.com.cn'], '北京银行', 'Bank of Beijing', 'www.bankofbeijing.com.cn'),
  k('bank', ['webank.com'], '微众银行', 'WeBank', 'www.webank.com'),
  k('bank', ['alipay.com', 'antgroup.com'], '支付宝', 'Alipay', 'www.alipay.com'),
  k('bank', ['unionpay.com', 'cup.com.cn', '95516.com'], '中国银联 / 云闪付', 'UnionPay', 'www.unionpay.com'),
  k('bank', ['tenpay.com'], '财付通', 'Tenpay', 'www.tenpay.com'),
  k('bank', ['hsbc.com.hk', 'hsbc.com.cn', 'hsbc.com'], '汇丰银行', 'HSBC', 'www.hsbc.com.hk'),
  k('bank', ['paypal.com'], 'PayPal', 'PayPal', 'www.paypal.com'),
  k('bank', ['wise.com', 'transferwise.com'], 'Wise', 'Wise', 'wise.com'),
  k('bank', ['chase.com'], '大通银行', 'Chase', 'www.chase.com'),
  k('bank', ['citi.com', 'citibank.com', 'citibank.com.cn'], '花旗银行', 'Citibank', 'www.citi.com'),
  k('bank', ['stripe.com'], 'Stripe', 'Stripe', 'stripe.com'),
  // Carriers
  k('carrier', ['10086.cn', 'chinamobile.com'], '中国移动', 'China Mobile', 'www.10086.cn'),
  k('carrier', ['189.cn', 'chinatelecom.com.cn'], '中国电信', 'China Telecom', 'www.189.cn'),
  k(
    'carrier',
    ['10010.com', 'chinaunicom.cn', 'chinaunicom.com'],
    '中国联通',
    'China Unicom',
    'www.10010.com',
  ),
  k('carrier', ['10099.com.cn'], '中国广电', 'China Broadnet', 'www.10099.com.cn'),
  k('carrier', ['hkcsl.com'], 'csl', 'csl (HKT)', 'www.hkcsl.com'),
  // Social
  k('social', ['weibo.com', 'weibo.cn', 'sina.com.cn'], '微博', 'Weibo', 'weibo.com'),
  k('social', ['douban.com'], '豆瓣', 'Douban', 'www.douban.com'),
  k('social', ['zhihu.com'], '知乎', 'Zhihu', 'www.zhihu.com'),
  k('social', ['bilibili.com'], '哔哩哔哩', 'bilibili', 'www.bilibili.com'),
  k('social', ['xiaohongshu.com'], '小红书', 'Xiaohongshu', 'www.xiaohongshu.com'),
  k('social', ['douyin.com'], '抖音', 'Douyin', 'www.douyin.com'),
  k('social', ['kuaishou.com'], '快手', 'Kuaishou', 'www.kuaishou.com'),
  k('social', ['baidu.com'], '百度', 'Baidu', 'www.baidu.com'),
  k(
    'social',
    ['tencent.com', 'aq.qq.com', 'weixin.qq.com', 'wechat.com'],
    '腾讯',
    'Tencent',
    'www.tencent.com',
  ),
  k('social', ['hupu.com'], '虎扑', 'Hupu', 'www.hupu.com'),
  k('social', ['v2ex.com'], 'V2EX', 'V2EX', 'www.v2ex.com'),
  k('social', ['tianya.cn'], '天涯社区', 'Tianya', 'www.tianya.cn'),
  k('social', ['facebook.com', 'facebookmail.com'], 'Facebook', 'Facebook', 'www.facebook.com'),
  k('social', ['instagram.com'], 'Instagram', 'Instagram', 'www.instagram.com'),
  k('social', ['x.com', 'twitter.com'], 'X (Twitter)', 'X (Twitter)', 'x.com'),
  k('social', ['linkedin.com'], '领英', 'LinkedIn', 'www.linkedin.com'),
  k('social', ['reddit.com', 'redditmail.com'], 'Reddit', 'Reddit', 'www.reddit.com'),
  k('social', ['discord.com', 'discordapp.com'], 'Discord', 'Discord', 'discord.com'),
  k('social', ['telegram.org'], 'Telegram', 'Telegram', 'telegram.org'),
  k('social', ['quora.com'], 'Quora', 'Quora', 'www.quora.com'),
  k('social', ['pinterest.com'], 'Pinterest', 'Pinterest', 'www.pinterest.com'),
  k('social', ['tumblr.com'], 'Tumblr', 'Tumblr', 'www.tumblr.com'),
  k('social', ['strava.com'], 'Strava', 'Strava', 'www.strava.com'),
  // Shopping, travel, local services, media subscriptions
  k('shopping', ['jd.com', '360buy.com'], '京东', 'JD.com', 'www.jd.com'),
  k('shopping', ['taobao.com'], '淘宝', 'Taobao', 'www.taobao.com'),
  k('shopping', ['tmall.com'], '天猫', 'Tmall', 'www.tmall.com'),
  k('shopping', ['pinduoduo.com'], '拼多多', 'Pinduoduo', 'www.pinduoduo.com'),
  k('shopping', ['suning.com'], '苏宁易购', 'Suning', 'www.suning.com'),
  k('shopping', ['vip.com', 'vipshop.com'], '唯品会', 'Vipshop', 'www.vip.com'),
  k('shopping', ['dangdang.com'], '当当', 'Dangdang', 'www.dangdang.com'),
  k('shopping', ['meituan.com'], '美团', 'Meituan', 'www.meituan.com'),
  k('shopping', ['ele.me'], '饿了么', 'Ele.me', 'www.ele.me'),
  k('shopping', ['ctrip.com'], '携程', 'Ctrip', 'www.ctrip.com'),
  k('shopping', ['trip.com'], 'Trip.com', 'Trip.com', 'www.trip.com'),
  k('shopping', ['qunar.com'], '去哪儿', 'Qunar', 'www.qunar.com'),
  k('shopping', ['dianping.com'], '大众点评', 'Dianping', 'www.dianping.com'),
  k('shopping', ['goofish.com'], '闲鱼', 'Xianyu', 'www.goofish.com'),
  k('shopping', ['smzdm.com'], '什么值得买', 'SMZDM', 'www.smzdm.com'),
  k('shopping', ['xiaomi.com', 'mi.com'], '小米', 'Xiaomi', 'www.mi.com'),
  k('shopping', ['vmall.com'], '华为商城', 'Huawei Vmall', 'www.vmall.com'),
  k('shopping', ['didiglobal.com', 'xiaojukeji.com'], '滴滴出行', 'DiDi', 'www.didiglobal.com'),
  k('shopping', ['fliggy.com'], '飞猪', 'Fliggy', 'www.fliggy.com'),
  k(
    'shopping',
    ['amazon.com', 'amazon.cn', 'amazon.co.jp', 'amazon.de'],
    '亚马逊',
    'Amazon',
    'www.amazon.com',
  ),
  k('shopping', ['apple.com', 'icloud.com.cn'], 'Apple', 'Apple', 'www.apple.com'),
  k('shopping', ['ebay.com'], 'eBay', 'eBay', 'www.ebay.com'),
  k('shopping', ['aliexpress.com'], '速卖通', 'AliExpress', 'www.aliexpress.com'),
  k('shopping', ['airbnb.com'], '爱彼迎', 'Airbnb', 'www.airbnb.com'),
  k('shopping', ['booking.com'], '缤客', 'Booking.com', 'www.booking.com'),
  k('shopping', ['ikea.cn', 'ikea.com'], '宜家', 'IKEA', 'www.ikea.cn'),
  k('shopping', ['netflix.com'], 'Netflix', 'Netflix', 'www.netflix.com'),
  k('shopping', ['spotify.com'], 'Spotify', 'Spotify', 'www.spotify.com'),
  k('shopping', ['iqiyi.com'], '爱奇艺', 'iQIYI', 'www.iqiyi.com'),
  k('shopping', ['youku.com'], '优酷', 'Youku', 'www.youku.com'),
  k('shopping', ['sf-express.com'], '顺丰速运', 'SF Express', 'www.sf-express.com'),
  k('shopping', ['cainiao.com'], '菜鸟', 'Cainiao', 'www.cainiao.com'),
  // Games (third-party; NetEase's own games come from the catalog)
  k('game', ['steampowered.com', 'steamcommunity.com'], 'Steam', 'Steam', 'store.steampowered.com'),
  k('game', ['epicgames.com'], 'Epic Games', 'Epic Games', 'www.epicgames.com'),
  k('game', ['battle.net', 'blizzard.com'], '暴雪战网', 'Battle.net', 'www.blizzard.com'),
  k('game', ['mihoyo.com'], '米哈游', 'miHoYo', 'www.mihoyo.com'),
  k('game', ['hoyoverse.com'], 'HoYoverse', 'HoYoverse', 'www.hoyoverse.com'),
  k('game', ['nintendo.com', 'nintendo.net'], '任天堂', 'Nintendo', 'www.nintendo.com'),
  k(
    'game',
    ['playstation.com', 'sonyentertainmentnetwork.com'],
    'PlayStation',
    'PlayStation',
    'www.playstation.com',
  ),
  k('game', ['ea.com'], 'EA', 'Electronic Arts', 'www.ea.com'),
  k('game', ['ubisoft.com'], '育碧', 'Ubisoft', 'www.ubisoft.com'),
  k('game', ['riotgames.com'], 'Riot Games', 'Riot Games', 'www.riotgames.com'),
  k('game', ['4399.com'], '4399游戏', '4399 Games', 'www.4399.com'),
  k('game', ['tencentgames.com'], '腾讯游戏', 'Tencent Games', 'game.qq.com'),
  k('game', ['wanmei.com'], '完美世界', 'Perfect World', 'www.wanmei.com'),
  k('game', ['sdo.com'], '盛趣游戏', 'Shengqu Games', 'www.sdo.com'),
  k('game', ['gog.com'], 'GOG.com', 'GOG.com', 'www.gog.com'),
  k('game', ['xbox.com'], 'Xbox', 'Xbox', 'www.xbox.com'),
  // Work tools, cloud, developer services
  k('work', ['github.com'], 'GitHub', 'GitHub', 'github.com'),
  k('work', ['gitlab.com'], 'GitLab', 'GitLab', 'gitlab.com'),
  k('work', ['gitee.com'], 'Gitee', 'Gitee', 'gitee.com'),
  k('work', ['atlassian.com', 'atlassian.net'], 'Atlassian', 'Atlassian', 'www.atlassian.com'),
  k('work', ['slack.com'], 'Slack', 'Slack', 'slack.com'),
  k('work', ['notion.so'], 'Notion', 'Notion', 'www.notion.so'),
  k('work', ['dingtalk.com'], '钉钉', 'DingTalk', 'www.dingtalk.com'),
  k('work', ['feishu.cn', 'larksuite.com'], '飞书', 'Feishu / Lark', 'www.feishu.cn'),
  k('work', ['zoom.us'], 'Zoom', 'Zoom', 'zoom.us'),
  k('work', ['microsoft.com', 'office.com', 'outlook.com.cn'], '微软', 'Microsoft', 'www.microsoft.com'),
  k('work', ['google.com'], '谷歌', 'Google', 'www.google.com'),
  k('work', ['dropbox.com', 'dropboxmail.com'], 'Dropbox', 'Dropbox', 'www.dropbox.com'),
  k('work', ['aliyun.com', 'alibabacloud.com'], '阿里云', 'Alibaba Cloud', 'www.aliyun.com'),
  k(
    'work',
    ['cloud.tencent.com', 'meeting.tencent.com', 'qcloudmail.com'],
    '腾讯云 / 腾讯会议',
    'Tencent Cloud / Meeting',
    'cloud.tencent.com',
  ),
  k('work', ['huaweicloud.com'], '华为云', 'Huawei Cloud', 'www.huaweicloud.com'),
  k('work', ['jetbrains.com'], 'JetBrains', 'JetBrains', 'www.jetbrains.com'),
  k('work', ['figma.com'], 'Figma', 'Figma', 'www.figma.com'),
  k('work', ['trello.com'], 'Trello', 'Trello', 'trello.com'),
  k('work', ['asana.com'], 'Asana', 'Asana', 'asana.com'),
  k('work', ['teambition.com'], 'Teambition', 'Teambition', 'www.teambition.com'),
  k('work', ['wps.cn', 'kdocs.cn'], 'WPS', 'WPS', 'www.wps.cn'),
  k('work', ['yuque.com'], '语雀', 'Yuque', 'www.yuque.com'),
  k('work', ['csdn.net'], 'CSDN', 'CSDN', 'www.csdn.net'),
  k('work', ['leetcode.cn', 'leetcode.com'], '力扣', 'LeetCode', 'leetcode.cn'),
  k('work', ['npmjs.com'], 'npm', 'npm', 'www.npmjs.com'),
  k('work', ['docker.com'], 'Docker', 'Docker', 'www.docker.com'),
  k('work', ['amazonaws.com', 'aws.amazon.com'], '亚马逊云科技', 'Amazon Web Services', 'aws.amazon.com'),
  k('work', ['cnblogs.com'], '博客园', 'cnblogs', 'www.cnblogs.com'),
  k('work', ['digitalocean.com'], 'DigitalOcean', 'DigitalOcean', 'www.digitalocean.com'),
  k('work', ['cloudflare.com'], 'Cloudflare', 'Cloudflare', 'www.cloudflare.com'),
  k('work', ['openai.com'], 'OpenAI', 'OpenAI', 'openai.com'),
  k('work', ['zhaopin.com'], '智联招聘', 'Zhaopin', 'www.zhaopin.com'),
  k('work', ['zhipin.com'], 'BOSS直聘', 'BOSS Zhipin', 'www.zhipin.com'),
  k('work', ['liepin.com'], '猎聘', 'Liepin', 'www.liepin.com'),
  // Government and public services (gov.cn, gov.hk and .gov are also recognised by suffix)
  k('government', ['12306.cn', 'rails.com.cn'], '中国铁路12306', 'China Railway 12306', 'www.12306.cn'),
  k(
    'government',
    ['chinatax.gov.cn'],
    '国家税务总局',
    'State Taxation Administration',
    'www.chinatax.gov.cn',
  ),
  k(
    'government',
    ['gjzwfw.gov.cn'],
    '国家政务服务平台',
    'National Government Service Platform',
    'gjzwfw.www.gov.cn',
  ),
  k(
    'government',
    ['chsi.com.cn'],
    '学信网',
    'CHSI (China Higher Education Student Information)',
    'www.chsi.com.cn',
  ),
  k('government', ['122.gov.cn'], '交管12123', 'Traffic Management 12123', 'www.122.gov.cn'),
  k('government', ['12333.gov.cn'], '人社12333', 'Social Security 12333', 'si.12333.gov.cn'),
  k(
    'government',
    ['neea.edu.cn', 'neea.cn'],
    '中国教育考试网',
    'National Education Examinations Authority',
    'www.neea.edu.cn',
  ),
  // Exams and education bodies: a registration there is an account tied to the address.
  k('government', ['cpta.com.cn'], '中国人事考试网', 'China Personnel Examination', 'www.cpta.com.cn'),
  k('government', ['chinaielts.org'], '雅思考试（中国）', 'IELTS China', 'www.chinaielts.org'),
  k('government', ['ets.org'], 'ETS（托福、GRE）', 'ETS (TOEFL, GRE)', 'www.ets.org'),
  k(
    'government',
    ['britishcouncil.org', 'britishcouncil.cn'],
    '英国文化教育协会',
    'British Council',
    'www.britishcouncil.cn',
  ),
  k('government', ['cscse.edu.cn'], '教育部留学服务中心', 'CSCSE (study abroad service)', 'www.cscse.edu.cn'),
  k('government', ['cicpa.org.cn'], '中国注册会计师协会', 'CICPA', 'www.cicpa.org.cn'),
  k('government', ['accaglobal.com'], 'ACCA', 'ACCA', 'www.accaglobal.com'),
  k('government', ['cfainstitute.org'], 'CFA 协会', 'CFA Institute', 'www.cfainstitute.org'),
  k('government', ['21wecan.com'], '中国卫生人才网', 'China Health Talent', 'www.21wecan.com'),
  k('government', ['cltt.org'], '国家普通话水平测试', 'Putonghua Proficiency Test', 'www.cltt.org'),
  k(
    'government',
    ['ncss.cn'],
    '国家大学生就业服务平台',
    'National University Student Employment Service',
    'www.ncss.cn',
  ),
];

/**
 * Platforms that mail for someone else. Their own mail (a sign-up to the platform) is still read
 * as an account; mail that names a merchant is filed under this verdict and names the merchant.
 */
function ob(
  kind: OnBehalfKind,
  domains: string[],
  zh: string,
  en: string,
  origin = domains[0]!,
): KnownSender {
  return { ...k(kind === 'courier' ? 'shopping' : 'other', domains, zh, en, origin), onBehalf: kind };
}

export const ON_BEHALF_SENDERS: readonly KnownSender[] = [
  // E-invoice service providers (电子发票服务平台) that issue and mail invoices for merchants.
  ob('e-invoice', ['nuonuo.com', 'jss.com.cn'], '诺诺发票', 'Nuonuo e-invoice', 'www.nuonuo.com'),
  ob('e-invoice', ['baiwang.com', 'bwjf.cn'], '百望云', 'Baiwang e-invoice', 'www.baiwang.com'),
  ob(
    'e-invoice',
    ['aisino.com', 'aisinogz.com', '51fapiao.cn'],
    '航天信息',
    'Aisino e-invoice',
    'www.aisino.com',
  ),
  ob('e-invoice', ['vpiaotong.com', 'piaotong.cn'], '票通', 'Piaotong e-invoice', 'www.vpiaotong.com'),
  ob('e-invoice', ['ele-cloud.com'], '航信云发票', 'Ele-cloud e-invoice', 'www.ele-cloud.com'),
  ob('e-invoice', ['fapiao.com', 'dzfp.net'], '电子发票平台', 'E-invoice platform', 'www.fapiao.com'),
  // Couriers that mail tracking notices for the shop that shipped (no account of the recipient).
  ob('courier', ['yto.net.cn'], '圆通速递', 'YTO Express', 'www.yto.net.cn'),
  ob('courier', ['zto.com'], '中通快递', 'ZTO Express', 'www.zto.com'),
  ob('courier', ['sto.cn'], '申通快递', 'STO Express', 'www.sto.cn'),
  ob('courier', ['yundaex.com'], '韵达快递', 'Yunda Express', 'www.yundaex.com'),
  ob('courier', ['ems.com.cn', '11183.com.cn'], '中国邮政EMS', 'China Post EMS', 'www.ems.com.cn'),
  ob('courier', ['jtexpress.cn', 'jtexpress.com'], '极兔速递', 'J&T Express', 'www.jtexpress.cn'),
  ob('courier', ['deppon.com'], '德邦快递', 'Deppon', 'www.deppon.com'),
  ob('courier', ['kuaidi100.com'], '快递100', 'Kuaidi100', 'www.kuaidi100.com'),
  ob('courier', ['17track.net'], '17TRACK', '17TRACK', 'www.17track.net'),
  // Forms and surveys: the receipt of a form someone else made.
  ob('form', ['wjx.cn', 'wjx.top'], '问卷星', 'Wenjuanxing', 'www.wjx.cn'),
  ob('form', ['jinshuju.net', 'jinshuju.com'], '金数据', 'Jinshuju', 'jinshuju.net'),
  ob('form', ['mikecrm.com'], '麦客表单', 'Mikecrm', 'www.mikecrm.com'),
  ob('form', ['typeform.com'], 'Typeform', 'Typeform', 'www.typeform.com'),
  ob('form', ['jotform.com'], 'Jotform', 'Jotform', 'www.jotform.com'),
  ob('form', ['surveymonkey.com'], 'SurveyMonkey', 'SurveyMonkey', 'www.surveymonkey.com'),
  ob('form', ['tally.so'], 'Tally', 'Tally', 'tally.so'),
  // Electronic signature: a contract sent by a company or a landlord.
  ob('e-signature', ['esign.cn', 'tsign.cn'], 'e签宝', 'eSign', 'www.esign.cn'),
  ob('e-signature', ['fadada.com'], '法大大', 'Fadada', 'www.fadada.com'),
  ob('e-signature', ['qiyuesuo.com'], '契约锁', 'Qiyuesuo', 'www.qiyuesuo.com'),
  ob('e-signature', ['bestsign.cn', 'bestsign.info'], '上上签', 'BestSign', 'www.bestsign.cn'),
  ob('e-signature', ['docusign.net', 'docusign.com'], 'DocuSign', 'DocuSign', 'www.docusign.com'),
  ob(
    'e-signature',
    ['echosign.com', 'adobesign.com'],
    'Adobe Acrobat Sign',
    'Adobe Acrobat Sign',
    'www.adobe.com/sign',
  ),
  ob('e-signature', ['hellosign.com'], 'Dropbox Sign', 'Dropbox Sign', 'sign.dropbox.com'),
];

/**
 * Organisations that send from a public mail service's domain: China Mobile's bills come from
 * 10086@139.com, its own mail service, which is also free mail for people. Only these addresses
 * are the organisation; every other address there stays a person.
 */
export const FREE_MAIL_SERVICE_ADDRESSES: ReadonlyMap<string, KnownSender> = new Map([
  ['10086@139.com', KNOWN_SENDERS.find((x) => x.domains.includes('10086.cn'))!],
  ['service@139.com', KNOWN_SENDERS.find((x) => x.domains.includes('10086.cn'))!],
  ['10010@wo.cn', KNOWN_SENDERS.find((x) => x.domains.includes('10010.com'))!],
  ['10000@21cn.com', KNOWN_SENDERS.find((x) => x.domains.includes('189.cn'))!],
]);

const GOVERNMENT_SUFFIXES = ['gov.cn', 'gov.hk', 'gov.mo', 'gov.tw', 'gov', 'gov.uk', 'gov.sg'];

function matches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

const byDomain = new Map(
  [...KNOWN_SENDERS, ...ON_BEHALF_SENDERS].flatMap((s) => s.domains.map((d) => [d, s] as const)),
);

/**
 * The curated entry for a sending host; the longest listed domain wins (cloud.tencent.com before
 * tencent.com). Walks the host's suffixes: a few map lookups per message, not one per entry.
 */
export function knownSenderFor(host: string): KnownSender | null {
  let at = -1;
  do {
    const hit = byDomain.get(host.slice(at + 1));
    if (hit) return hit;
    at = host.indexOf('.', at + 1);
  } while (at >= 0);
  return null;
}

export function isGovernmentHost(host: string): boolean {
  return GOVERNMENT_SUFFIXES.some((s) => matches(host, s));
}

/**
 * Bulk-mail platforms that send on other companies' behalf from their own domains (a shared
 * sending domain when the customer set up no custom one). Mail from these hosts says nothing about
 * who the service is; its Reply-To usually does. Each is the platform's documented shared or
 * default sending domain, from its own site.
 */
export const BULK_MAIL_PLATFORMS: ReadonlyArray<{ domains: readonly string[]; source: string }> = [
  { domains: ['sendgrid.net'], source: site('sendgrid.com') },
  { domains: ['mcsv.net', 'mcdlv.net', 'rsgsv.net', 'mailchimpapp.net'], source: site('mailchimp.com') },
  { domains: ['mandrillapp.com'], source: site('mandrillapp.com') },
  { domains: ['amazonses.com'], source: site('aws.amazon.com/ses') },
  { domains: ['mailgun.org', 'mailgun.net'], source: site('www.mailgun.com') },
  { domains: ['sparkpostmail.com'], source: site('www.sparkpost.com') },
  { domains: ['mtasv.net'], source: site('postmarkapp.com') },
  { domains: ['exacttarget.com'], source: site('www.salesforce.com/marketing') },
  { domains: ['mktomail.com'], source: site('business.adobe.com/products/marketo') },
  { domains: ['hubspotemail.net'], source: site('www.hubspot.com') },
  { domains: ['customeriomail.com'], source: site('customer.io') },
  { domains: ['sendcloud.net', 'sendcloud.org'], source: site('www.sendcloud.net') },
];

const bulkPlatformDomains = new Set(BULK_MAIL_PLATFORMS.flatMap((p) => p.domains));

/** Whether a sending host belongs to a bulk-mail platform rather than to the service itself. */
export function isBulkMailPlatformHost(host: string): boolean {
  let at = -1;
  do {
    if (bulkPlatformDomains.has(host.slice(at + 1))) return true;
    at = host.indexOf('.', at + 1);
  } while (at >= 0);
  return false;
}
