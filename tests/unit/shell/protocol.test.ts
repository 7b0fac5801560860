import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/common/csp';
import { createAppRequestHandler, mimeTypeFor, resolveAppFile } from '../../../electron/main/app-protocol';
import { installAppProtocol, registerAppScheme } from '../../../electron/main/electron/protocol';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

let dir: string;
let root: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'closeout-protocol-'));
  root = join(dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Closeout</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'style.css'), 'body{}');
  await writeFile(join(root, 'assets', '图标 icon.svg'), '<svg/>');
  // A file next to the served folder that no URL may reach.
  await writeFile(join(dir, 'secret.txt'), 'vault key');
  await writeFile(join(dir, 'renderer-evil.txt'), 'sibling with a shared prefix');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CSP', () => {
  it('is exactly the policy the design asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
  });
});

describe('resolveAppFile', () => {
  it('maps app://closeout paths into the renderer folder', () => {
    expect(resolveAppFile('app://closeout/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://closeout/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://closeout/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile('app://closeout/assets/%E5%9B%BE%E6%A0%87%20icon.svg', root)).toBe(
      join(root, 'assets', '图标 icon.svg'),
    );
  });

  // The URL parser resolves literal and %2e dot segments against the root, as Chromium does for
  // standard schemes: they can only name files inside the renderer folder.
  it.each([
    ['app://closeout/../secret.txt', 'secret.txt'],
    ['app://closeout/assets/../../secret.txt', 'secret.txt'],
    ['app://closeout/%2e%2e/secret.txt', 'secret.txt'],
    ['app://closeout/%2e%2e/renderer-evil.txt', 'renderer-evil.txt'],
    ['app://closeout/%2Fetc%2Fpasswd', join('etc', 'passwd')],
  ])('keeps %s inside the root', (url, inside) => {
    expect(resolveAppFile(url, root)).toBe(join(root, inside));
  });

  // Separators and dot segments that only appear after percent-decoding are refused outright.
  it.each([
    'app://closeout/%2E%2E%2Fsecret.txt',
    'app://closeout/..%2fsecret.txt',
    'app://closeout/..%5csecret.txt',
    'app://closeout/assets/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://closeout/index.html%00.js',
    'app://closeout/C:/Windows/win.ini',
    'app://closeout/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://closeout/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it('knows the MIME types the build emits', () => {
    expect(mimeTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a/x.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a/x.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a/x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a/x.unknown')).toBe('application/octet-stream');
  });
});

describe('app:// request handler', () => {
  const handler = () => createAppRequestHandler(root);

  it('serves files with their MIME type and the CSP header', async () => {
    const res = await handler()(new Request('app://closeout/assets/index-abc.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves the index page for the bare origin', async () => {
    const res = await handler()(new Request('app://closeout/'));
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(await res.text()).toContain('<title>Closeout</title>');
  });

  it('answers traversal and missing files with 404, still with the CSP', async () => {
    for (const url of [
      'app://closeout/%2e%2e/secret.txt',
      'app://closeout/missing.js',
      'app://closeout/assets',
    ]) {
      const res = await handler()(new Request(url));
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
      expect(await res.text()).not.toContain('vault key');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handler()(new Request('app://closeout/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handler()(new Request('app://closeout/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard and secure, without CSP bypass', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    const [[schemes]] = registerSchemesAsPrivileged.mock.calls as [[Electron.CustomScheme[]]];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0]!.privileges?.bypassCSP).toBeUndefined();
    expect(schemes[0]!.privileges?.corsEnabled).toBeUndefined();
  });

  it('installs the handler that serves the CSP on the app scheme', async () => {
    const handle = vi.fn();
    installAppProtocol({ handle }, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const served = handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    const res = await served(new Request('app://closeout/assets/style.css'));
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });
});
