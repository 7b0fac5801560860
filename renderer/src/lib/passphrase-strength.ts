/**
 * Passphrase strength from zxcvbn-ts (a maintained port of Dropbox's zxcvbn): dictionaries of
 * common passwords, names and words, keyboard patterns, dates and repeats. It only guides; the
 * vault decides what it accepts (`vault.weak-passphrase`). The dictionaries are a few MB, so they
 * load on first use, in their own chunk, not with the app.
 *
 * No `translations` are given: zxcvbn-ts then reports its warnings and suggestions as keys, which
 * our own messages translate (`passphrase.warnings.*`, `passphrase.suggestions.*`), in zh-CN too.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export type StrengthLevel = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  /** zxcvbn's score: 0 too guessable ... 4 very unguessable. */
  level: StrengthLevel;
  /** Key of the main problem found (`passphrase.warnings.<key>`), or null. */
  warning: string | null;
  /** Keys of suggestions (`passphrase.suggestions.<key>`). */
  suggestions: string[];
}

/**
 * zxcvbn-ts has no Chinese dictionary: the pinyin words and number codes that top the published
 * analyses of leaked Chinese password lists (我爱你 = woaini, 520 / 1314 = "I love you" / "for
 * life"), and the most common surnames in pinyin, so they rate as weak as "password" does.
 */
const ZH_COMMON = [
  'woaini',
  'aini',
  '5201314',
  '1314520',
  '520520',
  '1314',
  'woaini1314',
  'aini1314',
  'iloveyou',
  'qq123456',
  'a123456',
  '123456a',
  'zxcvbnm',
  'wang',
  'li',
  'zhang',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'wu',
  'zhou',
  'xu',
  'sun',
  'ma',
  'zhu',
  'hu',
  'guo',
  'he',
  'lin',
  'wangyi',
  'mima',
  'nihao',
  'zhongguo',
  'beijing',
  'shanghai',
];

let factory: Promise<ZxcvbnFactory> | null = null;

function load(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary, 'closeout-zh': ZH_COMMON },
        // Off: with the full dictionaries it takes seconds per keystroke (measured), for little gain.
        useLevenshteinDistance: false,
      }),
  );
  return factory;
}

/** The estimate for `passphrase`; `userInputs` (an address, the app's name) count as easy to guess. */
export async function estimateStrength(passphrase: string, userInputs: string[] = []): Promise<Strength> {
  if (!passphrase) return { level: 0, warning: null, suggestions: [] };
  const result = (await load()).check(passphrase, ['closeout', 'netease', '163', '126', ...userInputs]);
  return {
    level: result.score as StrengthLevel,
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
  };
}
