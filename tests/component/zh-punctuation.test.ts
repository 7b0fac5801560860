import { describe, expect, it } from 'vitest';
import { messages } from '../../renderer/src/i18n';
import { catalog } from '@common/catalog';
import { reminderWords } from '@common/reminder-text';
import { KNOWN_SENDERS, ON_BEHALF_SENDERS } from '@common/discovery/domain-list';
import { NETEASE_PRODUCTS } from '@common/discovery/netease-products';
import type { MessageTree } from '../../renderer/src/i18n/types';

/**
 * Chinese text uses full-width punctuation. A half-width comma or parenthesis beside a Han
 * character (`先决定:注销,还是…`, `(未经证实)`) reads as machine-made next to the full-width
 * punctuation elsewhere. ISO dates (2026-03-01) are not how a Chinese screen writes a date either:
 * dates reach the screen through Intl (useFormat), never as literal text.
 */
const HAN = '\\p{Script=Han}';
const HALF = '[,:;?!()]';
// Also `Closeout? 把…`: a half-width mark after a Latin word, then a space, then Chinese.
const besideHan = new RegExp(`${HAN}${HALF}|${HALF}${HAN}|[,;?!]\\s+${HAN}`, 'u');
const isoDate = /\b\d{4}-\d{2}-\d{2}\b/;

function zhStrings(node: unknown, path: string, out: Map<string, string>) {
  if (typeof node === 'string') return;
  if (Array.isArray(node)) {
    node.forEach((v, i) => zhStrings(v, `${path}[${i}]`, out));
    return;
  }
  if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'zh-CN' && typeof v === 'string') out.set(path, v);
      else zhStrings(v, path ? `${path}.${k}` : k, out);
    }
}

function leaves(tree: MessageTree, prefix: string, out: Map<string, string>) {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else leaves(v, `${prefix}${k}.`, out);
  }
}

function allZh(): Map<string, string> {
  const out = new Map<string, string>();
  leaves(messages['zh-CN'], 'messages.', out);
  leaves(reminderWords['zh-CN'] as unknown as MessageTree, 'reminderWords.', out);
  zhStrings(catalog, 'catalog', out);
  // Names discovery shows for senders and NetEase products are UI text too.
  zhStrings([...KNOWN_SENDERS, ...ON_BEHALF_SENDERS], 'discovery.senders', out);
  zhStrings(NETEASE_PRODUCTS, 'discovery.products', out);
  return out;
}

export function punctuationProblems(texts: Map<string, string>): string[] {
  const bad: string[] = [];
  for (const [where, text] of texts) {
    const m = besideHan.exec(text);
    if (m) bad.push(`${where}: …${text.slice(Math.max(0, m.index - 8), m.index + 10)}…`);
    if (isoDate.test(text)) bad.push(`${where}: ISO date in ${text}`);
  }
  return bad;
}

// Templates that glue a translated word to fixed half-width punctuation (`{{ caption }}: {{ value }}`)
// put a half-width colon beside Chinese whatever the messages say: the joint belongs in a message.
const templates = import.meta.glob<string>('../../renderer/src/**/*.vue', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('zh-CN text', () => {
  const texts = allZh();

  it('covers the renderer messages, the reminder words and the catalog', () => {
    expect(texts.size).toBeGreaterThan(1000);
    expect([...texts.keys()].some((k) => k.startsWith('catalog.'))).toBe(true);
    expect([...texts.keys()].some((k) => k.startsWith('reminderWords.'))).toBe(true);
  });

  it('has no half-width , : ; ? ! ( ) beside a Han character, and no ISO date', () => {
    expect(punctuationProblems(texts)).toEqual([]);
  });

  it('is not glued to half-width punctuation in templates', () => {
    const glued: string[] = [];
    for (const [file, text] of Object.entries(templates)) {
      const template = text.slice(text.indexOf('<template'));
      for (const m of template.matchAll(/\}\}\s?[,:;(]|\)\s?[,:;(]\s?\{\{/g)) glued.push(`${file}: ${m[0]}`);
    }
    expect(Object.keys(templates).length).toBeGreaterThan(40);
    expect(glued).toEqual([]);
  });

  it('would catch the examples from the issue', () => {
    const samples = new Map([
      ['a', '先决定:注销,还是保留'],
      ['b', '网易支付已关闭,银行卡已解绑'],
      ['c', '(未经证实);以后'],
      ['d', '截至 2026-03-01'],
    ]);
    expect(punctuationProblems(samples)).toHaveLength(4);
    expect(punctuationProblems(new Map([['ok', '先决定：注销，还是保留（未经证实）']]))).toEqual([]);
  });
});
