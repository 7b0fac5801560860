/**
 * Subject cues, Chinese and English. Each family is one regular expression so a subject is tested
 * a handful of times, not once per word. Written from what services send at sign-up, sign-in,
 * billing and in marketing, not fitted to any corpus.
 */

export const CUE_FAMILIES = [
  'lifecycle',
  'signup',
  'transaction',
  'activity',
  'marketing',
  'conversation',
  'code',
  'spam',
] as const;
export type CueFamily = (typeof CUE_FAMILIES)[number];

const CUES: Record<CueFamily, RegExp> = {
  /** The account itself: creating, verifying, signing in, securing, binding. */
  lifecycle:
    /注册|欢迎加入|欢迎使用|欢迎成为|验证码|校验码|动态码|确认码|绑定|解绑|激活|密码|登录|登陆|帐号|账号|账户|帐户|实名|身份验证|验证(?:你|您)?的?邮箱|邮箱(?:地址)?验证|新设备|开通|安全中心|信息变更|资料变更|welcome to|welcome aboard|verify|verification|confirm your (?:email|account|e-mail|registration)|complete your registration|activate|password|sign[- ]?in|log[- ]?in|new device|security (?:alert|notice|code)|two-factor|2fa|one-time (?:code|password)|account (?:created|has been created|security|update|confirmation|suspended|locked|limited|on hold)|your account|invitation to join|ssh key/i,
  /** Signing up to a newsletter is not an account. */
  signup: /订阅|subscrib|newsletter|you(?:'| a)re on the list|mailing list/i,
  /** Money and orders: the service knows who pays. */
  transaction:
    /账单|对账单|订单|发货|签收|支付|付款|收据|发票|扣款|充值|还款|缴费|交易|退款|回单|凭证|出票|续费|到账|动账|账户变动|购买|报名|电子客票|(?:即将)?到期|expir(?:es|ing|ed)|准考证|录取通知|复试|成绩(?:查询|发布|单)|行程单|会员(?:开通|生效|到期)|开通会员|receipt|invoice|statement|order (?:#|confirmation|number)|your order|payment|shipped|delivered|refund|billing|renewed|purchase|transaction|registration|registered for|enrolled|enrollment|membership (?:renewed|confirmed|receipt|payment|activated|is active|expires)|your .{0,20}membership|subscription (?:paid|renewed|payment|receipt|activated|will renew)|e-?ticket|itinerary|booking confirm|admission (?:letter|decision|offer)|exam (?:registration|results?)|scores? (?:are|is) (?:now )?available/i,
  /** Personal activity inside a service: only members get these. */
  activity:
    /关注了你|评论|私信|赞了你|提到了你|@了你|回复了你|待办|简历(?:已?被|状态)|面试邀请|学习进度|(?:你|您)的本周总结|(?:你|您)有新的?消息|继续(?:观看|学习|阅读)|mentioned you|commented on|sent you a message|new notifications?|pull request|build failed|is now playing|invited you|shared .* with you|your (?:streak|lesson|course progress|class starts)|your (?:weekly|monthly) (?:summary|report|progress)|continue (?:watching|learning|reading)|lesson unlocked|viewed your profile/i,
  /** Bulk marketing and editorial mail. */
  marketing:
    /优惠|促销|特惠|特价|折扣|大促|限时|福利|活动|精选|周刊|早报|日报|晚报|新品|清仓|会员日|预售|抢购|年货|\d+% off|sale\b|deals?\b|offers?\b|newsletter|digest|weekly|daily|issue \d+|new arrivals|exclusive|last chance|you(?:'re| are) invited|this week in|year in review/i,
  /** A reply or forward: people talking to each other. */
  conversation: /^(?:re|fwd?|aw|回复|答复|转发)\s*[:：]/i,
  /** A one-time code and nothing else: what mail typed in by someone else, or phishing, looks like. */
  code: /验证码|校验码|动态码|确认码|动态密码|(?:verification|security|login|sign-in|one-time|confirmation|access|authentication|2fa) code|one-time password|\bOTP\b|is your .{0,30}code|your code is/i,
  /** Gambling, loans and prizes: what fake "registration successful" mail sells. */
  spam: /彩金|博彩|娱乐城|棋牌|百家乐|真人视讯|贷款|网贷|借款|下款|提额|额度已|中奖|红包|返利|兼职|刷单|代开发票|发票代开|送您\d+元|casino|jackpot|bonus credited|free spins|loan approved|you(?:'ve| have) won|claim your (?:prize|reward)|airdrop/i,
};

export interface CueHits {
  families: number;
  /** The matched word of the first family that matched, for the verdict's reason. */
  words: Partial<Record<CueFamily, string>>;
}

export function cueBit(family: CueFamily): number {
  return 1 << CUE_FAMILIES.indexOf(family);
}

export function matchCues(subject: string): CueHits {
  let families = 0;
  const words: CueHits['words'] = {};
  for (const family of CUE_FAMILIES) {
    const m = CUES[family].exec(subject);
    if (m) {
      families |= cueBit(family);
      words[family] = m[0].replace(/[:：\s]+$/, '');
    }
  }
  // "Welcome to our newsletter" / "欢迎订阅" is a subscription, not an account.
  if (
    families & cueBit('signup') &&
    families & cueBit('lifecycle') &&
    !/验证码|密码|password|verify|verification|sign[- ]?in|登录/i.test(subject)
  ) {
    families &= ~cueBit('lifecycle');
    delete words.lifecycle;
  }
  return { families, words };
}
