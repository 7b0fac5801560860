import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Discovery is local only. The classifier and everything it imports (transitively) may import
 * only each other, zod and tldts (a bundled public-suffix list, no fetching): no Node built-ins,
 * no network modules, no fetch/XMLHttpRequest/WebSocket.
 */
const ROOT = resolve(import.meta.dirname, '../../../electron/common/discovery');
const ALLOWED_PACKAGES = new Set(['tldts', 'zod']);

function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [
    ...src.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('discovery classifier locality', () => {
  it('reaches no network or Node module, directly or through the catalog', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const queue = readdirSync(ROOT)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(ROOT, f));
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      expect(src, file).not.toMatch(
        /\bfetch\s*\(|XMLHttpRequest|WebSocket|navigator\.|\b(?:net|dns|http|https|tls)\.(?:connect|createConnection|lookup|resolve\w*|request|get)\b/,
      );
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.'))
          queue.push(resolve(dirname(file), spec.endsWith('.ts') ? spec : `${spec}.ts`));
        else packages.add(spec);
      }
    }
    expect(seen.size).toBeGreaterThan(6);
    expect([...packages].filter((p) => !ALLOWED_PACKAGES.has(p))).toEqual([]);
  });
});
