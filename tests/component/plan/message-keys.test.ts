import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { messages } from '../../../renderer/src/i18n';

const renderer = resolve(import.meta.dirname, '../../../renderer/src');
const FOLDERS = ['views/plan', 'components/plan', 'views/reminders', 'components/reminders'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(vue|ts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the plan screens’ words', () => {
  it('exist in zh-CN and en for every literal key the screens use (a missing one would show its key)', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const f of FOLDERS.flatMap((d) => files(join(renderer, d)))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) {
        seen++;
        for (const lang of ['zh-CN', 'en'] as const) {
          let node: unknown = messages[lang];
          for (const part of m[1]!.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
          if (typeof node !== 'string') missing.push(`${lang}: ${m[1]} (${f.slice(renderer.length + 1)})`);
        }
      }
    }
    expect(seen).toBeGreaterThan(200);
    expect(missing).toEqual([]);
  });
});
