/**
 * Which finding a message belongs to. Order matters:
 * 1. mailing-list traffic (List-Id, addressed to the list, not to the user) groups by list;
 * 2. an individual at a free-mail host groups by address (each friend is one finding);
 * 3. NetEase hosts map to the catalog's linked services (the longest sender domain wins);
 * 4. curated third parties group under their primary domain (aliases collapse);
 * 5. everything else by registrable domain (tldts knows .com.cn, .net.cn, gov.cn), so
 *    bounce.mail.jd.com and jd.com are one service.
 * Mail sent through a bulk-mail platform's shared domain (sendgrid.net, amazonses.com, ...) is
 * grouped by its Reply-To when that names a company domain: the platform is not the service.
 */
import { getDomain } from 'tldts';
import { catalogServiceById, serviceForSenderDomain } from '../catalog/services';
import { ACCOUNT_DOMAINS } from '../catalog/accounts';
import { cueBit, matchCues } from './cues';
import {
  FREE_MAIL_SERVICE_ADDRESSES,
  isBulkMailPlatformHost,
  knownSenderFor,
  type KnownSender,
} from './domain-list';
import type { Address, MessageHeaders } from './headers';
import { productForHost, productOfMessage, type NeteaseProduct } from './netease-products';

/** Public free-mail providers: a bare address there is a person, not a service. */
export const FREE_MAIL_HOSTS = new Set([
  'qq.com',
  'vip.qq.com',
  'foxmail.com',
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'live.cn',
  'msn.com',
  'yahoo.com',
  'yahoo.com.cn',
  'icloud.com',
  'me.com',
  'mac.com',
  'sina.com',
  'sina.cn',
  'sohu.com',
  '139.com',
  'wo.cn',
  'aliyun.com',
  '163.com',
  '126.com',
  'yeah.net',
  '188.com',
  // NetEase's paid VIP mailboxes: people have addresses there, and so does the VIP Mail service
  // itself (its notices come from service-like mailboxes, see NETEASE_VIP_HOSTS).
  'vip.163.com',
  'vip.126.com',
  'vip.188.com',
  'tom.com',
  '21cn.com',
  'protonmail.com',
  'proton.me',
  'gmx.de',
  'gmx.com',
  'mail.ru',
  'yandex.ru',
  'naver.com',
  'hanmail.net',
]);

/** Mail-system senders on a mail provider's own domain: bounces and the provider's notices. */
const SYSTEM_LOCALS =
  /^(?:postmaster|mailer-daemon|mail-daemon|mailerdaemon|no-?reply|service|admin|system|security|account|passport|kefu|notice|mail)$/;

/** NetEase's paid mailbox hosts: a service-like local part there is the VIP Mail product, not a person. */
const NETEASE_VIP_HOSTS = new Set(['vip.163.com', 'vip.126.com', 'vip.188.com', '188.com']);
const VIP_SERVICE_LOCALS =
  /^(?:vip\w*|service|kefu|notice|news|noreply|no-reply|postmaster|system|admin|mail|master|member|billing|pay)$/;

export type GroupKind = 'list' | 'address' | 'netease' | 'known' | 'domain';

export interface Group {
  /** Stable id of the finding: survives re-scans. */
  key: string;
  kind: GroupKind;
  /** Registrable domain (or address / list id for those kinds). */
  domain: string;
  /** Catalog service id, 'passport', or 'netease' (NetEase, service unknown); null for third parties. */
  netease: string | null;
  /** The NetEase product the mail is about (a game, a tool), when the product table names one. */
  product: NeteaseProduct | null;
  known: KnownSender | null;
}

/** Hosts repeat all through a mailbox; the public-suffix walk is done once per host. */
const REGISTRABLE_CACHE_MAX = 50_000;
const registrableCache = new Map<string, string>();

export function registrable(host: string): string {
  let d = registrableCache.get(host);
  if (d === undefined) {
    d = getDomain(host) ?? host;
    if (registrableCache.size >= REGISTRABLE_CACHE_MAX) registrableCache.clear();
    registrableCache.set(host, d);
  }
  return d;
}

function isSelf(to: readonly Address[], self: ReadonlySet<string>): boolean {
  return to.some((a) => self.has(`${a.local}@${a.host}`));
}

export function groupOf(h: MessageHeaders, self: ReadonlySet<string>): Group | null {
  if (h.listId && !isSelf(h.to, self)) {
    const listDomain = registrable(h.listId.replace(/^[^.]*\./, ''));
    if (h.to.some((a) => registrable(a.host) === listDomain)) {
      return {
        key: `list:${h.listId}`,
        kind: 'list',
        domain: h.listId,
        netease: null,
        product: null,
        known: null,
      };
    }
  }
  const from = h.from;
  if (!from) return null;
  const host = from.host;
  const onBehalfOf = h.replyTo?.host;
  if (
    onBehalfOf &&
    isBulkMailPlatformHost(host) &&
    !isBulkMailPlatformHost(onBehalfOf) &&
    !FREE_MAIL_HOSTS.has(onBehalfOf)
  )
    return hostGroup(onBehalfOf);
  if (FREE_MAIL_HOSTS.has(host)) {
    const address = `${from.local}@${host}`;
    const organisation = FREE_MAIL_SERVICE_ADDRESSES.get(address);
    if (organisation) return knownGroup(organisation);
    if (NETEASE_VIP_HOSTS.has(host) && VIP_SERVICE_LOCALS.test(from.local))
      return productGroup(productForHost(host)!, host);
    if (!SYSTEM_LOCALS.test(from.local)) {
      if (self.has(address)) return null; // the user's own sent copies
      return {
        key: `address:${address}`,
        kind: 'address',
        domain: address,
        netease: null,
        product: null,
        known: null,
      };
    }
  }
  const group = hostGroup(host);
  // Shared NetEase hosts (service.netease.com, the passport's, a generic 163.com host) carry mail of
  // many products: each product is its own finding; only what names none stays with the host.
  if (group.kind === 'netease' && (group.netease === 'passport' || group.netease === 'netease')) {
    const product = productOfMessage({
      local: from.local,
      name: from.name,
      listId: h.listId,
      subject: h.subject,
      promotion: isPromotion(h.subject),
    });
    if (product) return productGroup(product, host);
  }
  return group;
}

const USE = cueBit('lifecycle') | cueBit('transaction') | cueBit('activity') | cueBit('code');

/** Marketing that says nothing of the user's own use. */
function isPromotion(subject: string): boolean {
  const f = matchCues(subject).families;
  return (f & cueBit('marketing')) !== 0 && (f & USE) === 0;
}

const productCache = new Map<string, Group>();

function productGroup(product: NeteaseProduct, host: string): Group {
  const hit = productCache.get(product.id);
  if (hit) return hit;
  const key = product.catalogId ? `netease:${product.catalogId}` : `netease:product.${product.id}`;
  // The product's own domain, not the first host seen, so every scan shows the same one whatever
  // order the mail arrives in (a catalog product's is the catalog's, as its host group has).
  const own = product.hosts[0] ?? catalogServiceById(product.catalogId ?? '')?.senders.domains[0] ?? host;
  const group: Group = {
    key,
    kind: 'netease',
    domain: registrable(own),
    netease: product.catalogId ?? 'netease',
    product,
    known: null,
  };
  productCache.set(product.id, group);
  return group;
}

function knownGroup(known: KnownSender): Group {
  return {
    key: `domain:${known.domains[0]}`,
    kind: 'known',
    domain: known.domains[0]!,
    netease: null,
    product: null,
    known,
  };
}

const hostCache = new Map<string, Group>();

/** A sender host's group, cached: the result depends on the host alone. */
function hostGroup(host: string): Group {
  const hit = hostCache.get(host);
  if (hit) return hit;
  const group = computeHostGroup(host);
  if (hostCache.size >= REGISTRABLE_CACHE_MAX) hostCache.clear();
  hostCache.set(host, group);
  return group;
}

function computeHostGroup(host: string): Group {
  const netease = serviceForSenderDomain(host);
  if (netease) {
    // Mail from the mailbox provider itself (163.com postmaster, 126.com notices) is the passport.
    const own =
      (ACCOUNT_DOMAINS as readonly string[]).includes(host) ||
      host === 'mail.163.com' ||
      host === 'mail.126.com';
    const id = netease === 'netease' && own ? 'passport' : netease;
    if (id === 'netease') {
      const product = productForHost(host);
      if (product) return productGroup(product, host);
    }
    const key = id === 'netease' ? `netease:${host}` : `netease:${id}`;
    return { key, kind: 'netease', domain: registrable(host), netease: id, product: null, known: null };
  }
  const known = knownSenderFor(host);
  if (known) return knownGroup(known);
  const domain = registrable(host);
  return { key: `domain:${domain}`, kind: 'domain', domain, netease: null, product: null, known: null };
}
