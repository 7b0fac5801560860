import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformHook } from 'vite';
import { CSP_DIRECTIVES } from '../../electron/common/csp';
import { cspMetaPlugin } from '../../vite.renderer.config';

describe('renderer CSP meta tag', () => {
  it('carries every directive of the app:// header except frame-ancestors (ignored in meta)', () => {
    const hook = cspMetaPlugin().transformIndexHtml as IndexHtmlTransformHook;
    const tags = hook.call({} as never, '', { path: '/index.html', filename: 'index.html' }) as {
      attrs: Record<string, string>;
    }[];
    const content = tags[0]?.attrs.content ?? '';
    const expected = Object.entries(CSP_DIRECTIVES)
      .filter(([name]) => name !== 'frame-ancestors')
      .map(([name, sources]) => `${name} ${sources.join(' ')}`);
    expect(content.split('; ')).toEqual(expected);
    expect(content).toContain("script-src 'self'");
    expect(content).not.toContain('unsafe-eval');
  });
});
