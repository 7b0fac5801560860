/**
 * ARCHITECTURE.md is a map; a map with roads that no longer exist is worse than none. Every file or
 * folder path it names in backticks must exist, and every file it says imports `electron` must.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');

/** `a/b.ts`, `a/b/`, `a/electron-*.ts` (a glob), but not `window.closeout` or `app://closeout`. */
function pathsIn(text: string): string[] {
  const found = new Set<string>();
  for (const [, inner] of text.matchAll(/`([^`\s]+)`/g)) {
    const p = inner!.replace(/[.,;:]$/, '');
    if (
      !/^(electron|renderer|tests|bench|scripts|build)\//.test(p) &&
      !/^[\w.-]+\.(md|json|js|ts|mjs)$/.test(p)
    )
      continue;
    if (p.includes('://')) continue;
    found.add(p);
  }
  return [...found];
}

function globExists(pattern: string): boolean {
  if (!pattern.includes('*')) return existsSync(join(root, pattern));
  const slash = pattern.lastIndexOf('/');
  const dir = join(root, pattern.slice(0, slash));
  const re = new RegExp(
    `^${pattern
      .slice(slash + 1)
      .replace(/[.]/g, '\\.')
      .replace(/\*/g, '.*')}$`,
  );
  return existsSync(dir) && readdirSync(dir).some((name) => re.test(name));
}

describe('ARCHITECTURE.md', () => {
  const paths = pathsIn(doc);

  it('names real files', () => {
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p) => !globExists(p))).toEqual([]);
  });

  it('traces the click through the files that really carry it', () => {
    const trace = doc.slice(doc.indexOf('## One click'), doc.indexOf('## Where to add'));
    const files = pathsIn(trace).filter((p) => /\.(ts|vue|js)$/.test(p));
    expect(files.length).toBeGreaterThanOrEqual(10);
    // Each step's file mentions what the step says it does.
    const mentions: Record<string, RegExp> = {
      'renderer/src/views/plan/steps/StepsView.vue': /type: 'step\.set'/,
      'renderer/src/stores/plans.ts': /api\.plan\.apply\(/,
      'electron/main/electron/ipc.ts': /isTrustedSender/,
      'electron/main/dispatch.ts': /safeParse\(/,
      'electron/main/services/plan-service.ts': /writer\.write\(\{ type: 'plan', command \}/,
      'electron/main/vault/document-writer.ts':
        /store\.update\(\(doc\) => applyDocumentCommand\(doc, command, now\)\)/,
      'electron/main/vault/document-commands.ts': /apply\(doc, command, /,
      'electron/main/vault/vault.ts': /encryptVault\(/,
      'electron/main/vault/durable-file.ts': /rename\(tmp, this\.path\)/,
    };
    for (const [file, pattern] of Object.entries(mentions)) {
      expect(files, file).toContain(file);
      expect(readFileSync(join(root, file), 'utf8'), file).toMatch(pattern);
    }
  });

  it('lists every source file that imports electron', () => {
    const listed = doc.slice(doc.indexOf('The files that import `electron`'), doc.indexOf('## One click'));
    const importers: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(rel);
        else if (/\.ts$/.test(e.name) && /from 'electron'/.test(readFileSync(join(root, rel), 'utf8')))
          importers.push(rel);
      }
    };
    walk('electron');
    const covered = (file: string): boolean =>
      pathsIn(listed).some((p) =>
        p.endsWith('/')
          ? file.startsWith(p)
          : p.includes('*')
            ? new RegExp(`^${p.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(file)
            : p === file,
      );
    expect(importers.filter((f) => !covered(f))).toEqual([]);
  });
});
