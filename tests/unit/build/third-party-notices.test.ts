/**
 * The licence notices shipped with the app (scripts/third-party-notices.ts), read from the real
 * node_modules: which package a bundled module belongs to, the licence and NOTICE texts, one entry
 * per package and version.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectNotices, noticeOf, packageDirOf } from '../../../scripts/third-party-notices';

const nm = resolve(import.meta.dirname, '../../../node_modules');

describe('third-party notices', () => {
  it('finds the package of a bundled module, scoped or not, and nothing for our own code', () => {
    expect(packageDirOf(join(nm, 'imapflow/dist/cjs/handler/imap-stream.js'))).toBe(join(nm, 'imapflow'));
    expect(packageDirOf(join(nm, '@vue/runtime-core/dist/runtime-core.esm-bundler.js'))).toBe(
      join(nm, '@vue/runtime-core'),
    );
    expect(packageDirOf(`${join(nm, 'vue/dist/vue.runtime.esm-bundler.js')}?v=1`)).toBe(join(nm, 'vue'));
    expect(packageDirOf(resolve(import.meta.dirname, '../../../electron/main/mail/exporter.ts'))).toBeNull();
    expect(packageDirOf('\0rolldown/runtime.js')).toBeNull();
  });

  it('keeps the full licence text, an Apache NOTICE file after it, and the licences a package took in', () => {
    const imapflow = noticeOf(join(nm, 'imapflow'));
    expect(imapflow.name).toBe('imapflow');
    expect(imapflow.license).toBe('MIT');
    expect(imapflow.text).toMatch(/Permission is hereby granted/);
    const echarts = noticeOf(join(nm, 'echarts'));
    expect(echarts.license).toBe('Apache-2.0');
    expect(echarts.text).toMatch(/Apache License/);
    expect(echarts.text.indexOf('Apache License')).toBeLessThan(echarts.text.indexOf('Apache ECharts'));
    // And the licences of code it took in, from its licenses/ folder (d3's, BSD).
    expect(echarts.text).toMatch(/Mike Bostock/);
  });

  it('lists each package once, sorted, with the lists of other builds taken in', () => {
    const list = collectNotices(
      [
        join(nm, 'zod/index.js'),
        join(nm, 'zod/v4/core/index.js'),
        join(nm, 'imapflow/dist/cjs/imap-flow.js'),
      ],
      [{ name: 'aaa-earlier-build', version: '1.0.0', license: 'MIT', text: 'x' }],
    );
    expect(list.map((n) => n.name)).toEqual(['aaa-earlier-build', 'imapflow', 'zod']);
  });
});
