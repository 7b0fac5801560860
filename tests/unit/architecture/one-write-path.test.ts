/**
 * One document-write path: ESLint (the project's own config) fails a core file outside the vault
 * folder that updates the document with a function of its own, and passes the writer's call.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function syntaxMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const direct = [
  "import type { DocumentStore } from '../vault/document-store';",
  "import { ok } from '../../common/result';",
  '',
  'export const clear = (store: DocumentStore) =>',
  '  store.update((doc) => ok({ doc: { ...doc, mailCodes: [] }, value: undefined }));',
  '',
].join('\n');

const throughWriter = [
  "import type { DocumentStore } from '../vault/document-store';",
  "import { documentWriter } from '../vault/document-writer';",
  '',
  'export const forget = (store: DocumentStore, address: string, now: number) =>',
  "  documentWriter(store).write({ type: 'code.forget', address }, now);",
  '',
].join('\n');

describe('one document-write path (eslint.config.js)', () => {
  it('fails a service that calls store.update with its own function', async () => {
    for (const file of [
      'electron/main/services/write-probe.ts',
      'electron/main/reminders/write-probe.ts',
      'electron/main/mail/write-probe.ts',
    ]) {
      const messages = await syntaxMessages(file, direct);
      expect(messages, file).toHaveLength(1);
      expect(messages[0], file).toMatch(/documentWriter/);
    }
  });

  it('passes the same service writing through the document writer, and the writer itself', async () => {
    expect(await syntaxMessages('electron/main/services/write-probe.ts', throughWriter)).toEqual([]);
    expect(await syntaxMessages('electron/main/vault/write-probe.ts', direct)).toEqual([]);
  });
});
