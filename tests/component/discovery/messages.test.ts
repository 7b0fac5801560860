import { describe, expect, it } from 'vitest';
import messages from '../../../renderer/src/i18n/messages/discovery';
import { DISCOVERY_ERROR_CODES } from '@common/errors';
import { DISCOVERY_CATEGORIES } from '@common/discovery/domain-list';
import { REASON_KEYS, REASON_PARAMS, VERDICTS } from '@common/discovery/types';

type Tree = { [k: string]: string | Tree };
const locales = ['zh-CN', 'en'] as const;
const at = (tree: Tree, path: string[]): unknown =>
  path.reduce<unknown>((t, k) => (t as Tree | undefined)?.[k], tree);

describe('discovery texts', () => {
  it('have every verdict, category, reason and error code in zh-CN and en', () => {
    for (const l of locales) {
      const t = messages[l] as unknown as Tree;
      for (const v of VERDICTS)
        expect(at(t, ['discovery', 'verdicts', v]), `${l} verdict ${v}`).toEqual(expect.any(String));
      for (const c of DISCOVERY_CATEGORIES)
        expect(at(t, ['discovery', 'categories', c]), `${l} ${c}`).toEqual(expect.any(String));
      for (const r of REASON_KEYS)
        expect(at(t, ['discovery', 'reasons', r]), `${l} reason ${r}`).toEqual(expect.any(String));
      for (const code of DISCOVERY_ERROR_CODES)
        expect(at(t, ['errors', code]), `${l} ${code}`).toEqual(expect.any(String));
    }
  });

  it('interpolate only the parameters each reason carries (the classifier is typed to supply them)', () => {
    for (const r of REASON_KEYS) {
      const allowed = new Set<string>(REASON_PARAMS[r]);
      for (const l of locales) {
        const text = at(messages[l] as unknown as Tree, ['discovery', 'reasons', r]) as string;
        for (const [, name] of text.matchAll(/\{(\w+)\}/g))
          expect(allowed.has(name!), `${l} ${r} {${name}}`).toBe(true);
      }
    }
  });
});
