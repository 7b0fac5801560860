import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { REMINDERS_ERROR_CODES } from '@common/errors';
import { REMINDER_KINDS } from '@common/model/reminders';
import messages from '../../../renderer/src/i18n/messages/reminders';
import type { MessageTree } from '../../../renderer/src/i18n/types';

/** The reminders texts: both languages, the same keys and placeholders, every code and kind covered. */
function flatten(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('reminders messages', () => {
  const zh = flatten(messages['zh-CN']);
  const en = flatten(messages.en);

  it('has the same keys and placeholders in zh-CN and en', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [k, v] of zh) expect(placeholders(v), k).toEqual(placeholders(en.get(k)!));
  });

  it('translates every reminders.* error code', () => {
    for (const code of REMINDERS_ERROR_CODES) {
      expect(zh.get(`errors.${code}`), code).toBeTruthy();
      expect(en.get(`errors.${code}`), code).toBeTruthy();
    }
  });

  it('has a notification title and body for every reminder kind, the summary and close-to-tray', () => {
    for (const kind of [...REMINDER_KINDS, 'summary', 'close-to-tray']) {
      for (const part of ['title', 'body']) {
        expect(zh.get(`reminders.notification.${kind}.${part}`), `${kind}.${part}`).toBeTruthy();
      }
    }
  });

  it('compiles in vue-i18n and interpolates the notification params', () => {
    // Typed loosely: the message tree is large enough to exhaust vue-i18n's key-path inference.
    const i18n = createI18n({ legacy: false, locale: 'en', messages: messages as never }) as unknown as {
      global: { t: (key: string, params?: Record<string, unknown>) => string; locale: { value: string } };
    };
    const t = i18n.global.t;
    // Kinds contain dots: address them with brackets, as errors['reminders.not-found'] is.
    expect(t("reminders.notification['cooling-off.check-in'].title", { day: 6, address: 'a@163.com' })).toBe(
      'Cooling-off day 6: a@163.com',
    );
    i18n.global.locale.value = 'zh-CN';
    expect(t('reminders.notification.summary.title', { count: 3 })).toBe('你有 3 条提醒');
    const bracketed = (key: string) =>
      key.replace(/^errors\.(.+)$/, "errors['$1']").replace(/\.((?:cooling-off)\.[\w-]+)(?=\.|$)/, "['$1']");
    for (const key of zh.keys()) expect(t(bracketed(key)), key).not.toBe(bracketed(key));
  });
});
