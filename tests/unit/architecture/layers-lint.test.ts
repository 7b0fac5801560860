/**
 * The layers are a rule, not a convention: ESLint (eslint.config.js, the project's own config) fails
 * a file that imports `electron` outside electron/main/electron/, and the other layer rules hold.
 * Each case lints a file at a path in the real tree (lintText with a filePath: the config's
 * per-folder blocks apply exactly as to a file saved there).
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const importsElectron = "import { app } from 'electron';\n\nexport const name = app.getName();\n";

describe('layer rules (eslint.config.js)', () => {
  it('fails a core file that imports electron outside the adapters folder', async () => {
    for (const file of [
      'electron/main/layer-probe.ts',
      'electron/main/services/layer-probe.ts',
      'electron/main/reminders/layer-probe.ts',
    ]) {
      const messages = await restrictedImports(file, importsElectron);
      expect(messages, file).toHaveLength(1);
      expect(messages[0], file).toMatch(/Only electron\/main\/electron\/ imports Electron/);
    }
  });

  it('fails a test, bench or script file that imports electron outside the adapters’ tests', async () => {
    for (const file of [
      'tests/unit/vault/layer-probe.test.ts',
      'tests/integration/layer-probe.test.ts',
      'tests/support/layer-probe.ts',
      'bench/layer-probe.bench.ts',
      'scripts/layer-probe.ts',
    ]) {
      const messages = await restrictedImports(file, importsElectron);
      expect(messages, file).toHaveLength(1);
      expect(messages[0], file).toMatch(/Only electron\/main\/electron\/ imports Electron/);
    }
    expect(await restrictedImports('tests/unit/electron/layer-probe.test.ts', importsElectron)).toEqual([]);
  });

  it('passes the same file inside electron/main/electron/', async () => {
    expect(await restrictedImports('electron/main/electron/layer-probe.ts', importsElectron)).toEqual([]);
  });

  it('keeps ipcMain to electron/main/electron/ipc.ts', async () => {
    const code = "import { ipcMain } from 'electron';\n\nexport const m = ipcMain;\n";
    expect(await restrictedImports('electron/main/electron/layer-probe.ts', code)).toHaveLength(1);
    expect(await restrictedImports('electron/main/electron/ipc.ts', code)).toEqual([]);
  });

  it('keeps the core from importing the adapters', async () => {
    const code =
      "import { createMainWindow } from '../electron/window';\n\nexport const w = createMainWindow;\n";
    expect(await restrictedImports('electron/main/services/layer-probe.ts', code)).toHaveLength(1);
  });

  it('keeps electron/common free of main, the renderer, Node and Electron', async () => {
    for (const code of [
      "import { createCore } from '../main/core';\n\nexport const c = createCore;\n",
      "import { useRouter } from '../../renderer/src/router';\n\nexport const r = useRouter;\n",
      "import { readFile } from 'node:fs/promises';\n\nexport const f = readFile;\n",
      "import { join } from 'path';\n\nexport const j = join;\n",
      importsElectron,
    ]) {
      expect(await restrictedImports('electron/common/layer-probe.ts', code), code).toHaveLength(1);
    }
  });

  it('keeps the renderer away from main and Electron', async () => {
    for (const code of [
      "import { createCore } from '../../electron/main/core';\n\nexport const c = createCore;\n",
      importsElectron,
    ]) {
      expect(await restrictedImports('renderer/src/layer-probe.ts', code), code).toHaveLength(1);
    }
    const common = "import { ok } from '@common/result';\n\nexport const o = ok;\n";
    expect(await restrictedImports('renderer/src/layer-probe.ts', common)).toEqual([]);
    // The path alias, not a climb out of renderer/ by relative paths.
    const deep = "import { ok } from '../../electron/common/result';\n\nexport const o = ok;\n";
    expect(await restrictedImports('renderer/src/layer-probe.ts', deep)).toHaveLength(1);
  });
});
