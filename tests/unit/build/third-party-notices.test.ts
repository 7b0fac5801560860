/**
 * The licence notices shipped with the app (scripts/third-party-notices.ts), read from the real
 * node_modules: which package a bundled module belongs to, the licence and NOTICE texts, one entry
 * per package and version.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holderOf, standardLicenceText } from '../../../scripts/licence-templates';
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

  it('gives an MIT package that ships no licence file the standard MIT text with its author as the holder', () => {
    // tiny-case (bundled through yup) and vdirs (through naive-ui) name MIT and ship no licence file.
    const tiny = noticeOf(join(nm, 'tiny-case'));
    expect(tiny.license).toBe('MIT');
    expect(tiny.standardText).toBe(true);
    expect(tiny.text).toMatch(/^MIT License\n\nCopyright \(c\) Jason Quense\n\nPermission is hereby granted/);
    expect(tiny.text).toMatch(/The above copyright notice and this permission notice shall be included/);
    expect(noticeOf(join(nm, 'vdirs')).text).toMatch(/Copyright \(c\) 07akioni\n/);
    // A package with a licence file of its own keeps it, unmarked.
    expect(noticeOf(join(nm, 'imapflow')).standardText).toBeUndefined();
  });

  it('names the holder from the author, then the contributors, else the package', () => {
    expect(holderOf({ author: 'Ann Example <ann@example.com> (https://example.com)' })).toBe('Ann Example');
    expect(holderOf({ author: { name: 'Bo Example', email: 'bo@example.com' } })).toBe('Bo Example');
    expect(holderOf({ contributors: ['Cy <c@example.com>', { name: 'Di' }] })).toBe('Cy, Di');
    expect(holderOf({ name: '@scope/pkg' })).toBe('the authors of @scope/pkg');
    // Only licences whose standard text has a place for the holder.
    expect(standardLicenceText('Apache-2.0', 'x')).toBeNull();
    expect(standardLicenceText('MIT OR Apache-2.0', 'x')).toBeNull();
  });
});
