/**
 * What ships: `dependencies` go into the packaged app, so a tool only the harness or the tests use
 * (the WebSocket server `ws`) is a devDependency, and nothing the app itself is built from imports it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|vue)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('dependencies', () => {
  it('keeps the harness-only ws out of the runtime dependencies and out of the app sources', () => {
    expect(Object.keys(pkg.dependencies)).not.toContain('ws');
    expect(pkg.devDependencies.ws).toMatch(/^\d+\.\d+\.\d+$/);
    for (const file of [...sources(join(repo, 'electron')), ...sources(join(repo, 'renderer/src'))]) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]ws['"]|require\(['"]ws['"]\)/);
    }
  });

  it('pins every dependency to an exact version', () => {
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});
