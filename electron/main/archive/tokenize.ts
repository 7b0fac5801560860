/**
 * Search words for the archive index and for queries. Chinese (and Japanese, Korean) runs are split
 * into words by `Intl.Segmenter` with word granularity (ICU's dictionary, in Node and Chromium
 * alike, so no dictionary of our own); everything else is split at anything that is not a letter
 * or digit, which gives the same words for Latin text at a twentieth of the segmenter's cost.
 * Runs repeat (signatures, footers, templates), so their words are remembered. Lower case.
 */
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const CJK = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}`;
const RUNS = new RegExp(String.raw`([${CJK}]+)|((?:(?![${CJK}])[\p{L}\p{N}\p{M}])+)`, 'gu');

const runCache = new Map<string, string[]>();
const RUN_CACHE_MAX = 50_000;

function cjkWords(run: string): string[] {
  let found = runCache.get(run);
  if (found) return found;
  found = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike) found.push(s.segment);
  if (runCache.size >= RUN_CACHE_MAX) runCache.clear();
  runCache.set(run, found);
  return found;
}

/** Unique words of `text`, lower-cased. */
export function words(text: string, into: Set<string> = new Set()): Set<string> {
  if (!text) return into;
  for (const m of text.toLowerCase().matchAll(RUNS)) {
    if (m[1]) for (const w of cjkWords(m[1])) into.add(w);
    else if (m[2]) into.add(m[2]);
  }
  return into;
}

/** Words of an address field: the name's and address's words plus each whole address and its domain. */
export function addressWords(
  addresses: readonly { name: string; address: string }[],
  into: Set<string> = new Set(),
): Set<string> {
  for (const a of addresses) {
    const address = a.address.toLowerCase();
    if (address) {
      into.add(address);
      const at = address.lastIndexOf('@');
      if (at >= 0) into.add(address.slice(at + 1));
    }
    words(a.name, into);
    words(address, into);
  }
  return into;
}
