/**
 * A mail's HTML made safe to show: DOMPurify removes scripts, event handlers, forms, frames and
 * the like; every URL that would fetch something (http:, https:, protocol-relative, file:, ...) is
 * removed, so remote images (tracking pixels) stay blocked. Only data: images (the message's own
 * inline cid: parts, which main turned into data: URLs) remain. The result goes into an iframe's
 * srcdoc with `sandbox=""` (no scripts, no same-origin) and its own CSP as a second wall.
 */
import DOMPurify from 'dompurify';

export const MAIL_FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

const URL_ATTRIBUTES = [
  'src',
  'srcset',
  'background',
  'poster',
  'lowsrc',
  'dynsrc',
  'data',
  'action',
  'formaction',
  'xlink:href',
];

export interface SanitizedMail {
  html: string;
  /** Remote images and other resources that were taken out. */
  blocked: number;
}

/** url(...) in CSS that would load something: removed unless it is a data: URL. */
function stripCssUrls(css: string, count: () => void): string {
  return css
    .replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (whole, _q: string, url: string) => {
      if (/^data:/i.test(url.trim())) return whole;
      count();
      return 'none';
    })
    .replace(/@import[^;]*;?/gi, () => {
      count();
      return '';
    });
}

/**
 * Drops `on…=` attributes from start tags before the HTML reaches any DOM parser. Not a security
 * measure (DOMPurify and the frame's sandbox and CSP are): Chromium checks inline handlers against
 * the page's CSP as soon as it parses them, even in an inert DOMParser document, and logs a
 * violation for each one a newsletter carries. Quoted values are skipped whole, so a `>` inside
 * one does not end the tag.
 */
export function dropInlineHandlers(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= html.length) break;
    if (!/[a-zA-Z]/.test(html[lt + 1]!)) {
      out += html.slice(i, lt + 1);
      i = lt + 1;
      continue;
    }
    out += html.slice(i, lt);
    let j = lt + 1;
    while (j < html.length && /[^\s/>]/.test(html[j]!)) j++;
    let tag = html.slice(lt, j);
    // Attributes up to the end of the tag.
    for (;;) {
      const ws = /^[\s/]*/.exec(html.slice(j, j + 256))![0];
      j += ws.length;
      if (j >= html.length || html[j] === '>') {
        tag += ws;
        break;
      }
      const name = /^[^\s/>=]+/.exec(html.slice(j))?.[0] ?? html[j]!;
      let k = j + name.length;
      const eq = /^\s*=\s*/.exec(html.slice(k, k + 256));
      let value = '';
      if (eq) {
        k += eq[0].length;
        const q = html[k];
        if (q === '"' || q === "'") {
          const close = html.indexOf(q, k + 1);
          const end = close < 0 ? html.length : close + 1;
          value = html.slice(k, end);
          k = end;
        } else {
          value = /^[^\s>]*/.exec(html.slice(k))![0];
          k += value.length;
        }
      }
      if (!/^on/i.test(name)) tag += ws + name + (eq ? '=' + value : '');
      j = k;
    }
    out += tag + (html[j] === '>' ? '>' : '');
    i = j + 1;
  }
  return out + html.slice(i);
}

/** null where DOMPurify cannot work (it would hand the input back unchanged): show the text part instead. */
export function sanitizeMailHtml(html: string): SanitizedMail | null {
  let blocked = 0;
  const count = () => {
    blocked++;
  };
  const purify = DOMPurify(window);
  if (!purify.isSupported) return null;
  purify.addHook('afterSanitizeAttributes', (node) => {
    for (const attr of URL_ATTRIBUTES) {
      const value = node.getAttribute(attr);
      if (value === null) continue;
      if (attr === 'src' && /^data:image\//i.test(value.trim())) continue;
      node.removeAttribute(attr);
      count();
    }
    const style = node.getAttribute('style');
    if (style) node.setAttribute('style', stripCssUrls(style, count));
    if (node.tagName === 'A') {
      // A sandboxed frame may still navigate itself: links keep their text and show where they
      // pointed as a tooltip, but cannot be followed from the archive (no request leaves).
      const href = node.getAttribute('href');
      if (href) {
        node.removeAttribute('href');
        if (!/^(mailto:|#)/i.test(href)) node.setAttribute('title', href);
      }
      node.removeAttribute('target');
    }
  });
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent)
      node.textContent = stripCssUrls(node.textContent, count);
  });
  const clean = purify.sanitize(dropInlineHandlers(html), {
    FORBID_TAGS: [
      'script',
      'iframe',
      'frame',
      'frameset',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'link',
      'meta',
      'base',
      'video',
      'audio',
      'source',
      'track',
      'svg',
      'math',
    ],
    FORBID_ATTR: ['srcset', 'ping'],
    ALLOW_DATA_ATTR: false,
    WHOLE_DOCUMENT: false,
    FORCE_BODY: true,
  });
  return { html: clean, blocked };
}

/** The complete document for the iframe's srcdoc: its own CSP first, then the mail. */
export function mailFrameDocument(sanitizedHtml: string): string {
  // Mail is written for a white page, whatever the app's theme.
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${MAIL_FRAME_CSP}"><style>html{color-scheme:light}body{margin:12px;font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;font-size:14px;line-height:1.5;color:#1f2328;background:#fff;word-wrap:break-word}img{max-width:100%;height:auto}img:not([src]){display:none}</style></head><body>${sanitizedHtml}</body></html>`;
}
