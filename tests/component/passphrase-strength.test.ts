/**
 * The strength meter's estimator is zxcvbn-ts itself (not a stand-in), and every warning and
 * suggestion it can give has our own translation in both languages, so the zh-CN screen never shows
 * an English sentence or a raw key.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { describe, expect, it } from 'vitest';
import { translations } from '@zxcvbn-ts/language-en';
import { createAppI18n, messages } from '../../renderer/src/i18n';
import { estimateStrength } from '../../renderer/src/lib/passphrase-strength';
import { usePassphraseStrength } from '../../renderer/src/composables/usePassphraseStrength';
import type { MessageTree } from '../../renderer/src/i18n/types';

const at = (tree: MessageTree, path: string) =>
  path
    .split('.')
    .reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as MessageTree)[k] : undefined), tree);

describe('passphrase strength', () => {
  it('translates every warning and suggestion zxcvbn-ts can give, in zh-CN and en', () => {
    for (const group of ['warnings', 'suggestions'] as const) {
      for (const key of Object.keys(translations[group])) {
        for (const lang of ['zh-CN', 'en'] as const) {
          expect(typeof at(messages[lang], `passphrase.${group}.${key}`), `${lang} ${group}.${key}`).toBe(
            'string',
          );
        }
        expect(at(messages['zh-CN'], `passphrase.${group}.${key}`)).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('rates common passwords and patterns low and a long phrase of unrelated words high', async () => {
    for (const weak of ['password', '12345678', 'qwertyuiop', 'woaini1314', 'netease163']) {
      expect((await estimateStrength(weak)).level, weak).toBeLessThanOrEqual(1);
    }
    const common = await estimateStrength('password');
    expect(common.warning).toMatch(/^(topTen|topHundred|common)$/);
    expect((await estimateStrength('correct horse battery staple 2026')).level).toBeGreaterThanOrEqual(3);
    expect((await estimateStrength('海上生明月天涯共此时')).level).toBeGreaterThanOrEqual(3);
  });

  it('shows the feedback in Chinese as the passphrase is typed', async () => {
    const typed = ref('');
    let state: ReturnType<typeof usePassphraseStrength> | null = null;
    const Probe = defineComponent({
      setup() {
        state = usePassphraseStrength(typed);
        return () =>
          h(
            'ul',
            state!.feedback.value.map((line) => h('li', line)),
          );
      },
    });
    const w = mount(Probe, { global: { plugins: [createAppI18n('zh-CN')] } });
    typed.value = 'password';
    await flushPromises();
    await new Promise((r) => setTimeout(r, 50));
    await flushPromises();
    expect(state!.level.value).toBe(0);
    expect(w.text()).toContain('这是最常用的口令之一。');
    typed.value = 'correct horse battery staple 2026';
    await flushPromises();
    await new Promise((r) => setTimeout(r, 50));
    expect(state!.level.value).toBeGreaterThanOrEqual(3);
  });
});
