import { describe, expect, it } from 'vitest';
import { messages } from '../../../renderer/src/i18n';

// The screens' sources as text (Vite's raw import), so the test needs no file-system access.
const sources = import.meta.glob<string>(
  [
    '../../../renderer/src/views/plan/**/*.{vue,ts}',
    '../../../renderer/src/components/plan/**/*.{vue,ts}',
    '../../../renderer/src/views/reminders/**/*.{vue,ts}',
    '../../../renderer/src/components/reminders/**/*.{vue,ts}',
  ],
  { query: '?raw', import: 'default', eager: true },
);

describe('the plan screens’ words', () => {
  it('exist in zh-CN and en for every literal key the screens use (a missing one would show its key)', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const [file, text] of Object.entries(sources)) {
      for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) {
        seen++;
        for (const lang of ['zh-CN', 'en'] as const) {
          let node: unknown = messages[lang];
          for (const part of m[1]!.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
          if (typeof node !== 'string') missing.push(`${lang}: ${m[1]} (${file})`);
        }
      }
    }
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(seen).toBeGreaterThan(200);
    expect(missing).toEqual([]);
  });
});
