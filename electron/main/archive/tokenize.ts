/**
 * Search words for the archive index and for queries: `Intl.Segmenter` with word granularity
 * splits Chinese into words (ICU's dictionary) and Latin text at spaces and punctuation, in Node
 * and in Chromium alike, so no dictionary of our own is needed. Lower case; non-words dropped.
 */
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Unique words of `text`, lower-cased, in first-seen order. */
export function words(text: string, into: Set<string> = new Set()): Set<string> {
  if (!text) return into;
  for (const s of segmenter.segment(text.toLowerCase())) {
    if (s.isWordLike) into.add(s.segment);
  }
  return into;
}

/** Words of an address field: the segments plus each whole address and its domain. */
export function addressWords(addresses: readonly { name: string; address: string }[], into: Set<string> = new Set()): Set<string> {
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
