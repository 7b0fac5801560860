/**
 * The harness listens on 127.0.0.1, where any web page the developer opens can send it requests.
 * A malformed request gets an answer (400) and the server keeps serving: it never crashes.
 */
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ORIGIN, createAppRequestHandler } from '../../../electron/main/app-protocol';
import { createCore, type Core } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { startHarnessServer, type HarnessServer } from '../../harness/server';
import { keyFileFor, TEST_KDF, tempDir } from '../vault/helpers';

/** One raw HTTP/1.1 request, so the path goes on the wire exactly as written. */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (data += d));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
  });
}

describe('harness server', () => {
  let core: Core | null = null;
  let server: HarnessServer | null = null;
  /** A real core on a fresh data folder, and the harness serving `rendererDir` for it. */
  async function start(rendererDir: string): Promise<HarnessServer> {
    const dataDir = tempDir();
    core = createCore({
      dataDir,
      appInfo: { name: 'Closeout', version: '0.0.0', platform: process.platform, runtime: 'harness' },
      keyProvider: createFileKeyProvider(keyFileFor(dataDir)),
      vaultKdfCost: TEST_KDF,
      autoLockTimer: false,
    });
    await core.start();
    return startHarnessServer({ core, rendererDir, token: 'test-token', port: 0 });
  }

  afterEach(async () => {
    await server?.close();
    await core?.close();
    server = null;
    core = null;
  });

  it('answers 400 to a malformed URL and keeps serving', async () => {
    const rendererDir = tempDir();
    writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body>closeout</body></html>');
    server = await start(rendererDir);

    for (const path of [
      '/%E0%A4%A',
      '/assets/%',
      '/%C0%AF..%2F..%2Fetc%2Fpasswd',
      '/__test/clock?x=%E0%A4%A',
    ]) {
      const answer = await rawGet(server.port, path);
      expect([400, 403], path).toContain(answer.status);
    }
    expect((await rawGet(server.port, '/%E0%A4%A')).status).toBe(400);
    // Still alive and serving the page.
    const page = await rawGet(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('closeout');
  });

  it("serves with the app's own app:// handler: the same headers, the bridge added to the page", async () => {
    const rendererDir = tempDir();
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<html><head><script type="module" src="/a.js"></script></head></html>',
    );
    writeFileSync(join(rendererDir, 'a.js'), 'export {}');
    server = await start(rendererDir);
    const base = `http://127.0.0.1:${server.port}`;
    const app = createAppRequestHandler(rendererDir);
    for (const path of ['/', '/a.js', '/missing.js', '/%2e%2e/secret']) {
      const [inHarness, inApp] = [
        await fetch(`${base}${path}`),
        await app(new Request(`${APP_ORIGIN}${path}`)),
      ];
      expect(inHarness.status, path).toBe(inApp.status);
      const headers = (r: Response) =>
        Object.fromEntries(
          [...r.headers].filter(
            ([k]) => !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k),
          ),
        );
      expect(headers(inHarness), path).toEqual(headers(inApp));
      expect(inHarness.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(inHarness.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
    }
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toMatch(/<script src="\/harness-bridge\.js"><\/script><script type="module"/);
  });
});
