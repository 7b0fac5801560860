/**
 * Money is kept as integer minor units; people type decimals. Parsing works on the digits of the
 * string, never through a float, so "0.1" + "0.2" style errors cannot creep into stored amounts.
 */

/**
 * The number as typed, in ASCII: full-width digits (１２３) and the full-width full stop (．) as a
 * Chinese input method gives them.
 */
function ascii(text: string): string {
  return text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The whole part without its thousands separators, or null. A separator (`,` `，` or a space) is
 * taken only between groups of three digits ("1,200", "12，345，678"): "30，5" is not 305, and not
 * 30.5 either (a comma is no decimal point here), so it is refused rather than misread.
 */
function wholeDigits(s: string): string | null {
  if (/^\d+$/.test(s)) return s;
  if (/^\d{1,3}(?:[,，\s]\d{3})+$/.test(s)) return s.replace(/[,，\s]/g, '');
  return null;
}

/** "12.5" with 2 digits -> 1250; null when it is not a non-negative number with at most `digits` decimals. */
export function parseMinor(text: string, digits: number): number | null {
  const m = /^([^.。]*)(?:[.。](\d*))?$/.exec(ascii(text));
  if (!m) return null;
  const whole = wholeDigits(m[1] ?? '');
  if (whole === null) return null;
  const frac = m[2] ?? '';
  if (frac.length > digits) return null;
  const value = Number(whole + frac.padEnd(digits, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

/** 1250 with 2 digits -> "12.50": the editable form, without grouping or a currency sign. */
export function minorToInput(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const s = String(minor).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** A whole count ("1,200" -> 1200); null when not a non-negative whole number. */
export function parseCount(text: string): number | null {
  const s = wholeDigits(ascii(text));
  if (s === null) return null;
  const value = Number(s);
  return Number.isSafeInteger(value) ? value : null;
}
