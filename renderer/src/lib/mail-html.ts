/**
 * A mail's HTML made safe to show: DOMPurify removes scripts, event handlers, forms, frames and
 * the like; every URL that would fetch something (http:, https:, protocol-relative, file:, ...) is
 * removed, so remote images (tracking pixels) stay blocked. Only data: images (the message's own
 * inline cid: parts, which main turned into data: URLs) remain. The result goes into an iframe's
 * srcdoc with `sandbox=""` (no scripts, no same-origin) and its own CSP as a second wall.
 */
import DOMPurify from 'dompurify';

export const MAIL_FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

const URL_ATTRIBUTES = ['src', 'srcset', 'background', 'poster', 'lowsrc', 'dynsrc', 'data', 'action', 'formaction', 'xlink:href'];

export interface SanitizedMail {
  html: string;
  /** Remote images and other resources that were taken out. */
  blocked: number;
}

/** url(...) in CSS that would load something: removed unless it is a data: URL. */
function stripCssUrls(css: string, count: () => void): string {
  return css.replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (whole, _q: string, url: string) => {
    if (/^data:/i.test(url.trim())) return whole;
    count();
    return 'none';
  }).replace(/@import[^;]*;?/gi, () => {
    count();
    return '';
  });
}

export function sanitizeMailHtml(html: string): SanitizedMail {
  let blocked = 0;
  const count = () => {
    blocked++;
  };
  const purify = DOMPurify(window);
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
    if (data.tagName === 'style' && node.textContent) node.textContent = stripCssUrls(node.textContent, count);
  });
  const clean = purify.sanitize(html, {
    FORBID_TAGS: ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button', 'link', 'meta', 'base', 'video', 'audio', 'source', 'track', 'svg', 'math'],
    FORBID_ATTR: ['srcset', 'ping'],
    ALLOW_DATA_ATTR: false,
    WHOLE_DOCUMENT: false,
    FORCE_BODY: true,
  });
  return { html: clean, blocked };
}

/** The complete document for the iframe's srcdoc: its own CSP first, then the mail. */
export function mailFrameDocument(sanitizedHtml: string, dark: boolean): string {
  const base = dark ? 'color-scheme: light;' : '';
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${MAIL_FRAME_CSP}"><style>html{${base}}body{margin:12px;font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;font-size:14px;line-height:1.5;color:#1f2328;background:#fff;word-wrap:break-word}img{max-width:100%;height:auto}</style></head><body>${sanitizedHtml}</body></html>`;
}
