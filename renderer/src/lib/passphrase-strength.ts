/**
 * A rough strength estimate for the meter: entropy from the character pool and length, less for
 * repeats, runs and the most common choices. It only guides; the vault decides what it accepts
 * (`vault.weak-passphrase`). Chinese characters count with a large pool, since a phrase of them is
 * a fine passphrase.
 */
export type StrengthLevel = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  level: StrengthLevel;
  bits: number;
}

const COMMON = ['password', 'passw0rd', '123456', '12345678', 'qwerty', 'abc123', 'iloveyou', 'admin', 'welcome', 'woaini', '111111', '000000', '163', '126', 'netease'];

function poolSize(chars: string[]): number {
  let pool = 0;
  if (chars.some((c) => /[a-z]/.test(c))) pool += 26;
  if (chars.some((c) => /[A-Z]/.test(c))) pool += 26;
  if (chars.some((c) => /[0-9]/.test(c))) pool += 10;
  if (chars.some((c) => /[^\p{L}\p{N}]/u.test(c) && c.charCodeAt(0) < 128)) pool += 33;
  if (chars.some((c) => /\p{Script=Han}/u.test(c))) pool += 3000;
  else if (chars.some((c) => c.charCodeAt(0) >= 128)) pool += 100;
  return Math.max(pool, 1);
}

/** Characters that add little: the same as, or one step from, the previous one. */
function predictableCount(chars: string[]): number {
  let n = 0;
  for (let i = 1; i < chars.length; i++) {
    const d = (chars[i]?.codePointAt(0) ?? 0) - (chars[i - 1]?.codePointAt(0) ?? 0);
    if (d === 0 || d === 1 || d === -1) n++;
  }
  return n;
}

export function estimateStrength(passphrase: string): Strength {
  const chars = [...passphrase];
  if (chars.length === 0) return { level: 0, bits: 0 };
  const perChar = Math.log2(poolSize(chars));
  const effective = chars.length - predictableCount(chars) * 0.75;
  let bits = Math.max(0, effective * perChar);
  const lower = passphrase.toLowerCase();
  if (COMMON.some((w) => lower.includes(w))) bits = Math.min(bits, 20 + Math.max(0, chars.length - 8) * 2);
  const level: StrengthLevel = bits < 28 ? 0 : bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  return { level, bits: Math.round(bits) };
}
