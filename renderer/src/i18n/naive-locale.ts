import type { NLocale } from 'naive-ui';

/**
 * Naive UI's locale with every default placeholder ("请输入", "Please Input", "Please Select",
 * "Select Date", ...) emptied. Those stand in for labels, which every field here has, and grey
 * text in an empty field reads as a value to some users; a field that wants an example sets its
 * own `placeholder`. Doing it in the locale covers every input, present and future, in one place.
 */
export function withoutDefaultPlaceholders(locale: NLocale): NLocale {
  const out: Record<string, unknown> = {};
  for (const [component, texts] of Object.entries(locale)) {
    if (!texts || typeof texts !== 'object') {
      out[component] = texts;
      continue;
    }
    out[component] = Object.fromEntries(
      Object.entries(texts as Record<string, unknown>).map(([key, value]) => [
        key,
        /placeholder$/i.test(key) ? '' : value,
      ]),
    );
  }
  return out as unknown as NLocale;
}
