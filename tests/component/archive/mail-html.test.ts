import { describe, expect, it } from 'vitest';
import { dropInlineHandlers, mailFrameDocument, MAIL_FRAME_CSP } from '../../../renderer/src/lib/mail-html';

// DOMPurify itself is tested where it runs, in Chromium (tests/e2e/archive.e2e.ts): happy-dom's DOM
// is not complete enough for it.
describe('mailFrameDocument', () => {
  it('puts its own CSP first: nothing but data: images and inline styles', () => {
    const doc = mailFrameDocument('<p>x</p>');
    expect(MAIL_FRAME_CSP).toBe(
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:",
    );
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<p>x</p>'));
  });
});

describe('dropInlineHandlers', () => {
  it('drops on* attributes from start tags only, keeping quoted > and the text', () => {
    expect(dropInlineHandlers('<a href="x>y" onclick="a()" class=c>on=1 text</a>')).toBe(
      '<a href="x>y" class=c>on=1 text</a>',
    );
    expect(dropInlineHandlers('<img src=a.png ONERROR=\'x()\' alt="1 < 2">')).toBe(
      '<img src=a.png alt="1 < 2">',
    );
    expect(dropInlineHandlers('a < b and <br/> end')).toBe('a < b and <br/> end');
  });
});
