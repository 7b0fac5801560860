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
      if (typeof existing === 'string') throw new Error(`Message key ${[...path, key].join('.')} is both a string and a group`);
      target[key] = mergeTrees(existing ?? {}, value, [...path, key]);
    }
  }
  return target;
}

/**
 * Error codes are written as flat keys (`errors: {'vault.locked': '...'}`) because that is how the
 * code reads; vue-i18n resolves dotted paths as nesting, so expand them before merging.
 */
function expandErrors(tree: MessageTree): MessageTree {
  const errors = tree.errors;
  if (errors === undefined || typeof errors === 'string') return tree;
  const nested: MessageTree = {};
  for (const [code, text] of Object.entries(errors)) {
    if (typeof text !== 'string') {
      mergeTrees(nested, { [code]: text });
      continue;
    }
    const parts = code.split('.');
    const leaf = parts.pop() ?? code;
    let node = nested;
    for (const p of parts) {
      const next = node[p];
      if (typeof next === 'string') throw new Error(`Error key ${code} collides with a message`);
      node = node[p] = next ?? {};
    }
    if (node[leaf] !== undefined) throw new Error(`Duplicate error key ${code}`);
    node[leaf] = text;
  }
  return { ...tree, errors: nested };
}

export function mergeMessageFiles(files: MessageFile[]): MessageFile {
  const out: MessageFile = { 'zh-CN': {}, en: {} };
  for (const f of files) {
    mergeTrees(out['zh-CN'], expandErrors(f['zh-CN']));
    mergeTrees(out.en, expandErrors(f.en));
  }
  return out;
}
