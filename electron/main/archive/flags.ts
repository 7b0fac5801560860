/**
 * Maildir flags from a message file name. The info part starts after the last `:2,` (POSIX), `;2,`
 * (our Windows layout) or `!2,` (some FAT-safe tools); anything before it may itself hold those
 * characters, so the last one wins.
 */
const INFO = /[:;!]2,([A-Za-z]*)$/;

export interface MaildirFlags {
  seen: boolean;
  flagged: boolean;
  answered: boolean;
  draft: boolean;
}

export function flagsOf(fileName: string): MaildirFlags {
  const letters = INFO.exec(fileName)?.[1] ?? '';
  return {
    seen: letters.includes('S'),
    flagged: letters.includes('F'),
    answered: letters.includes('R'),
    draft: letters.includes('D'),
  };
}
