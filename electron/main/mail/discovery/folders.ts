/**
 * Folders a discovery scan does not read. Junk is other people's guesses about the user; drafts and
 * sent mail come from the user. Trash stays in: a deleted "welcome" mail is still evidence.
 */
const SKIP_USE = new Set(['\\Junk', '\\Drafts', '\\Sent']);
const SKIP_NAMES =
  /^(?:junk|spam|junk e-?mail|bulk mail|drafts?|sent|sent (?:items|messages|mail)|垃圾邮件|垃圾箱|草稿箱|草稿|已发送|已发邮件|发件箱)$/i;

export function isSkippedFolder(name: string, specialUse: string | null): boolean {
  if (specialUse && SKIP_USE.has(specialUse)) return true;
  const leaf = name.split('/').at(-1) ?? name;
  return SKIP_NAMES.test(leaf.trim());
}
