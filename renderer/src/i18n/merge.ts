import type { MessageFile, MessageTree } from './types';

/**
 * Deep-merges per-domain message files. Two files defining the same leaf is a bug (one domain
 * silently overwriting another's string), so it throws instead of picking a winner.
 */
export function mergeTrees(target: MessageTree, source: MessageTree, path: string[] = []): MessageTree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'string') {
      if (existing !== undefined) throw new Error(`Duplicate message key ${[...path, key].join('.')}`);
      target[key] = value;
    } else {
      if (typeof existing === 'string')
        throw new Error(`Message key ${[...path, key].join('.')} is both a string and a group`);
      target[key] = mergeTrees(existing ?? {}, value, [...path, key]);
    }
  }
  return target;
}

/**
 * Keys that come from the core (error codes such as `vault.locked`, reminder kinds such as
 * `cooling-off.start`, notification keys) contain dots. vue-i18n always reads a dot in a key as
 * nesting, so a flat `{'cooling-off.start': '…'}` could never be found: the screen showed the raw
 * key. Every dotted key, at any depth, is therefore expanded into the nesting vue-i18n will look
 * for, and `t(\`reminders.kind.${kind}\`)` resolves whatever the kind is. Two spellings of one
 * path (`a.b` beside `a: {b}`) or a key that is both a string and a group throw.
 */
export function expandDottedKeys(tree: MessageTree, path: string[] = []): MessageTree {
  const out: MessageTree = {};
  for (const [key, value] of Object.entries(tree)) {
    const parts = key.split('.');
    if (parts.some((p) => p === ''))
      throw new Error(`Empty segment in message key ${[...path, key].join('.')}`);
    const expanded = typeof value === 'string' ? value : expandDottedKeys(value, [...path, ...parts]);
    const leaf = parts.pop()!;
    let wrapped: MessageTree = { [leaf]: expanded };
    for (const p of parts.reverse()) wrapped = { [p]: wrapped };
    mergeTrees(out, wrapped, path);
  }
  return out;
}

export function mergeMessageFiles(files: MessageFile[]): MessageFile {
  const out: MessageFile = { 'zh-CN': {}, en: {} };
  for (const f of files) {
    mergeTrees(out['zh-CN'], expandDottedKeys(f['zh-CN']));
    mergeTrees(out.en, expandDottedKeys(f.en));
  }
  return out;
}
