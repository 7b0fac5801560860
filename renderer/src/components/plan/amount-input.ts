/**
 * Money is kept as integer minor units; people type decimals. Parsing works on the digits of the
 * string, never through a float, so "0.1" + "0.2" style errors cannot creep into stored amounts.
 */

/** "12.5" with 2 digits -> 1250; null when it is not a non-negative number with at most `digits` decimals. */
export function parseMinor(text: string, digits: number): number | null {
  const s = text.trim().replace(/[,，\s]/g, '');
  const m = /^(\d+)(?:[.。](\d*))?$/.exec(s);
  if (!m) return null;
  const whole = m[1] ?? '0';
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
  const s = text.trim().replace(/[,，\s]/g, '');
  if (!/^\d+$/.test(s)) return null;
  const value = Number(s);
  return Number.isSafeInteger(value) ? value : null;
}
