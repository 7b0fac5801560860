/**
 * Who a platform's message was sent for: the merchant that issued an e-invoice, the shop whose
 * parcel a courier carries, the company that sent a contract to sign or made a form. Read from the
 * display name ("Li Wei via DocuSign") and the subject (【某某公司】电子发票, 您的京东包裹已发货),
 * the way these platforms word them. Null when the mail does not say.
 */
import type { KnownSender } from './domain-list';

const GENERIC =
  /^(?:电子|增值税|普通|专用|数电|全电)?发票$|^(?:电子)?发票(?:通知|提醒|开具|交付)$|^(?:快递|物流|包裹|签收|派送|通知|提醒|系统|表单|问卷|合同|签署|文件|invoice|receipt|notice|notification|document)$/i;

const SUBJECT_PATTERNS: readonly RegExp[] = [
  // 您收到一张【上海某某有限公司】开具的电子发票 / 【京东】电子发票
  /【([^】]{2,40})】/,
  // 上海某某有限公司为您开具的电子发票 / 来自某某的电子发票
  /(?:来自|由)?([\u4e00-\u9fa5A-Za-z0-9（）()·&\-.]{2,40}?)(?:为您|向您|给您)?开具的(?:电子|增值税电子普通|数电)?发票/,
  /来自([^，,。:：\s]{2,40}?)的(?:电子)?(?:发票|包裹|快递|合同|文件)/,
  // 某某公司邀请您签署《租赁合同》 / 某某请您填写
  /^([^\s，,：:【】《]{2,40}?)(?:邀请您|请您|向您发起|发起的?)(?:签署|填写|签约)/,
  // 您的京东包裹已发货
  /您的([\u4e00-\u9fa5A-Za-z0-9]{2,12}?)(?:包裹|快递|订单)/,
  // Invoice from Acme Ltd / Your Acme order has shipped / Acme sent you a document to sign
  /\b(?:invoice|receipt) from ([^#\-–(|]{2,40}?)(?:\s*[#\-–(|]|$)/i,
  /^([^:]{2,40}?) (?:sent you|has sent you|needs your signature|requests your signature)/i,
  /\byour ([A-Z][\w&.' -]{1,30}?) (?:order|package|parcel|shipment)\b/,
];

function clean(s: string): string | null {
  const t = s
    .trim()
    .replace(/^["'“”「」]+|["'“”「」]+$/g, '')
    .trim();
  return t.length >= 2 && !GENERIC.test(t) ? t.slice(0, 60) : null;
}

export function merchantOf(subject: string, displayName: string, platform: KnownSender): string | null {
  const via = /^(.+?)\s+(?:via|通过|代)\s+/i.exec(displayName);
  const own = [platform.name['zh-CN'], platform.name.en].map((n) => n.toLowerCase());
  const notPlatform = (m: string | null) =>
    m && !own.some((n) => m.toLowerCase().includes(n) || n.includes(m.toLowerCase())) ? m : null;
  if (via) {
    const m = notPlatform(clean(via[1]!));
    if (m) return m;
  }
  for (const re of SUBJECT_PATTERNS) {
    const hit = re.exec(subject);
    const m = hit ? notPlatform(clean(hit[1]!)) : null;
    if (m) return m;
  }
  return null;
}
