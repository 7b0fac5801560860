import { describe, expect, it } from 'vitest';
// vue-i18n's own compiler (its pinned dependency): the one that threw in the page on name@163.com.
import { baseCompile } from '@intlify/message-compiler';
import { messages } from '../../renderer/src/i18n';
import { mergeMessageFiles } from '../../renderer/src/i18n/merge';
import {
  countdownParts,
  formatMoney,
  formatCountdown,
  formatDateTime,
  formatDateTimeSeconds,
} from '../../renderer/src/i18n/format';
import { localeFromLanguages } from '../../renderer/src/i18n/locale';
import { withoutDefaultPlaceholders } from '../../renderer/src/i18n/naive-locale';
import { enUS, zhCN } from 'naive-ui';
import { ERROR_CODES } from '@common/errors';
import type { MessageTree } from '../../renderer/src/i18n/types';

function leaves(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`),
  );
}

function lookup(tree: MessageTree, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as MessageTree)[key] : undefined),
    tree,
  );
}

describe('messages', () => {
  it('have the same keys in zh-CN and en', () => {
    const zh = leaves(messages['zh-CN']).sort();
    const en = leaves(messages.en).sort();
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it('translate every error code in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const missing = ERROR_CODES.filter(
        (code) => typeof lookup(messages[lang], ['errors', ...code.split('.')]) !== 'string',
      );
      expect(missing, lang).toEqual([]);
    }
  });

  it('compile in vue-i18n (a bare @ starts a linked message and breaks the screen that shows it)', () => {
    const broken: string[] = [];
    for (const lang of ['zh-CN', 'en'] as const) {
      const walk = (tree: MessageTree, prefix: string) => {
        for (const [k, v] of Object.entries(tree)) {
          if (typeof v !== 'string') walk(v, `${prefix}${k}.`);
          else baseCompile(v, { onError: (e) => broken.push(`${lang} ${prefix}${k}: ${e.message}`) });
        }
      };
      walk(messages[lang], '');
    }
    expect(broken).toEqual([]);
  });

  it('refuse two files defining the same string', () => {
    const a = { 'zh-CN': { x: { y: '1' } }, en: { x: { y: '1' } } };
    expect(() => mergeMessageFiles([a, a])).toThrow(/Duplicate/);
  });
});

describe('formatting', () => {
  it('formats money from integer minor units per currency', () => {
    expect(formatMoney('en', 12345, 'CNY')).toBe('CN¥123.45');
    expect(formatMoney('zh-CN', 12345, 'CNY')).toBe('¥123.45');
    expect(formatMoney('en', 500, 'JPY')).toBe('¥500');
  });

  it('tells apart two saves of the same minute when asked for seconds', () => {
    const a = new Date(2026, 11, 7, 4, 55, 3);
    const b = new Date(2026, 11, 7, 4, 55, 41);
    expect(formatDateTime('zh-CN', a)).toBe(formatDateTime('zh-CN', b));
    expect(formatDateTimeSeconds('zh-CN', a)).not.toBe(formatDateTimeSeconds('zh-CN', b));
    expect(formatDateTimeSeconds('zh-CN', b)).toContain('04:55:41');
    expect(formatDateTimeSeconds('en', b)).toContain('4:55:41');
  });

  it('counts down in days and hours, and stops at zero', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(countdownParts(now + 3 * 86_400_000 + 5 * 3_600_000, now)).toMatchObject({
      days: 3,
      hours: 5,
      done: false,
    });
    expect(countdownParts(now - 1, now)).toMatchObject({ days: 0, hours: 0, minutes: 0, done: true });
    expect(formatCountdown('en', now + 3 * 86_400_000 + 5 * 3_600_000, now)).toBe('3 days 5 hours');
    expect(formatCountdown('zh-CN', now + 3 * 86_400_000 + 5 * 3_600_000, now)).toMatch(/3\s*天\s*5\s*小时/);
  });

  it('follows the OS language, Chinese first', () => {
    expect(localeFromLanguages(['zh-TW'])).toBe('zh-CN');
    expect(localeFromLanguages(['en-US', 'zh-CN'])).toBe('en');
    expect(localeFromLanguages([])).toBe('zh-CN');
  });
});

describe('Naive UI locale', () => {
  it('has no default placeholder text, and keeps every other text', () => {
    for (const base of [zhCN, enUS]) {
      const locale = withoutDefaultPlaceholders(base) as unknown as Record<
        string,
        Record<string, unknown> | string
      >;
      const placeholders = Object.values(locale).flatMap((group) =>
        typeof group === 'object' ? Object.entries(group).filter(([k]) => /placeholder$/i.test(k)) : [],
      );
      expect(placeholders.length).toBeGreaterThan(5);
      expect(placeholders.filter(([, v]) => v !== '')).toEqual([]);
      expect((locale.Popconfirm as Record<string, unknown>).positiveText).toBe(
        (base as unknown as Record<string, Record<string, unknown>>).Popconfirm?.positiveText,
      );
    }
  });
});
