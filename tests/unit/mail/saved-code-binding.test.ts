/**
 * A kept authorization code is a password to the mailbox. The page could ask for it to be used
 * with any server (`useSavedCode` plus a host of its choosing), and a fake server on 127.0.0.1
 * then received `LOGIN "victim@163.com" "<the code>"`. Now a kept code is bound to the server it
 * was given for (host, port, TLS mode): any other server is refused before a connection is made.
 * Driven through the real core; the "servers" are TCP listeners that record every connection.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailFinished } from '../../../electron/common/contract/mail';
import { createCore, type Core } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { FakeClock, keyFileFor, TEST_KDF, tempDir } from '../vault/helpers';

const CODE = 'victim-code-4f2a91c7';
const PASSPHRASE = 'correct horse battery';
const ADDRESS = 'victim@163.com';

interface Listener {
  port: number;
  connections: number;
  received: Buffer[];
  close(): Promise<void>;
}

/** A TCP server that counts connections, keeps what it receives and hangs up. */
async function listener(): Promise<Listener> {
  const sockets = new Set<Socket>();
  const l = { port: 0, connections: 0, received: [] as Buffer[] };
  const server: Server = createServer((socket) => {
    l.connections++;
    sockets.add(socket);
    socket.on('data', (d: Buffer) => l.received.push(d));
    socket.on('error', () => {});
    setTimeout(() => socket.destroy(), 50);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  l.port = (server.address() as { port: number }).port;
  return Object.assign(l, {
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  });
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

function core(
  dataDir: string,
  pick: string | null = null,
): { c: Core; finished: () => Promise<MailFinished> } {
  const c = createCore({
    // The folder dialog answers the backup folder the test uses.
    desktop: {
      chooseFolder: async () => pick,
      openPath: async () => {},
      saveFile: async () => null,
      printToPdf: async () => new Uint8Array(),
    },
    dataDir,
    appInfo: { name: 'Closeout', version: '0.0.0-test', platform: process.platform, runtime: 'harness' },
    keyProvider: createFileKeyProvider(keyFileFor(dataDir)),
    clock: new FakeClock(Date.parse('2026-03-01T08:00:00.000Z')),
    vaultKdfCost: TEST_KDF,
    autoLockTimer: false,
  });
  let waiters: ((f: MailFinished) => void)[] = [];
  c.onEvent((event, payload) => {
    if (event !== 'mail:finished') return;
    for (const w of waiters) w(payload as MailFinished);
    waiters = [];
  });
  open.push(c);
  return { c, finished: () => new Promise((r) => waiters.push(r)) };
}

describe('a kept authorization code goes only to the server it was kept for', () => {
  it('refuses useSavedCode with another host, port or TLS mode, in the mail channels and in discovery', async () => {
    const real = await listener();
    const attacker = await listener();
    open.push(real, attacker);
    const dataDir = tempDir();
    const target = tempDir();
    const { c, finished } = core(dataDir, target);
    await c.start();
    expect(await c.dispatch('vault:create', { mode: 'passphrase', passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
    });
    expect(await c.dispatch('plan:create', { address: ADDRESS, planId: 'p1' })).toMatchObject({ ok: true });
    expect(await c.dispatch('app:choose-folder', { purpose: 'mail-backup' })).toMatchObject({ ok: true });

    // The user keeps the code for their server (the run itself fails: the listener hangs up).
    const ownServer = { address: ADDRESS, host: '127.0.0.1', port: real.port, secure: true };
    const done = finished();
    expect(
      await c.dispatch('mail:start-backup', {
        planId: 'p1',
        account: ownServer,
        authCode: CODE,
        saveCode: true,
        targetDir: target,
      }),
    ).toMatchObject({ ok: true });
    expect((await done).outcome).toBe('failed');
    const contacted = real.connections;
    expect(contacted).toBeGreaterThan(0);

    const others = [
      { address: ADDRESS, host: '127.0.0.1', port: attacker.port, secure: true },
      { address: ADDRESS, host: 'localhost', port: real.port, secure: true },
      { address: ADDRESS, host: '127.0.0.1', port: real.port, secure: false },
      { address: ADDRESS, host: '127.0.0.1', port: attacker.port, secure: false },
      // The catalog's server for the address is another server too (and is never contacted here).
      { address: ADDRESS },
    ];
    const attempts = async () => {
      for (const account of others) {
        const refused = { ok: false, error: { code: 'mail.saved-code-other-server' } };
        const label = JSON.stringify(account);
        expect(
          await c.dispatch('mail:test-connection', { account, useSavedCode: true }),
          label,
        ).toMatchObject(refused);
        expect(
          await c.dispatch('mail:verify', {
            planId: 'p1',
            account,
            useSavedCode: true,
            targetDir: target,
          }),
          label,
        ).toMatchObject(refused);
        expect(
          await c.dispatch('mail:start-backup', {
            planId: 'p1',
            account,
            useSavedCode: true,
            targetDir: target,
          }),
          label,
        ).toMatchObject(refused);
        expect(
          await c.dispatch('discovery:scan', {
            planId: 'p1',
            source: { kind: 'imap', account, useSavedCode: true },
          }),
          label,
        ).toMatchObject(refused);
      }
    };
    await attempts();
    // The page can no longer hand in its own CA either.
    expect(
      await c.dispatch('mail:test-connection', {
        account: { ...ownServer, tls: { ca: '-----BEGIN CERTIFICATE-----' } },
        useSavedCode: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'ipc.invalid-arguments' } });

    // Kept in the vault, the binding survives a lock and a restart.
    await c.dispatch('vault:lock', undefined);
    await c.close();
    open.splice(open.indexOf(c), 1);
    const again = core(dataDir);
    await again.c.start();
    expect(await again.c.dispatch('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const c2 = again.c;
    for (const account of others) {
      expect(await c2.dispatch('mail:test-connection', { account, useSavedCode: true })).toMatchObject({
        ok: false,
        error: { code: 'mail.saved-code-other-server', params: { host: '127.0.0.1', port: real.port } },
      });
    }
    expect(attacker.connections).toBe(0);
    expect(Buffer.concat(attacker.received).includes(CODE)).toBe(false);

    // Its own server still gets it (a connection is made; the listener hangs up).
    const own = await c2.dispatch('mail:test-connection', { account: ownServer, useSavedCode: true });
    expect(own).toMatchObject({ ok: false });
    expect(own.ok || own.error.code).not.toBe('mail.saved-code-other-server');
    expect(real.connections).toBeGreaterThan(contacted);
  });
});

describe('codes kept before binding', () => {
  it('count as bound to the catalog server of their address, and nothing else', async () => {
    const { codeForServer } = await import('../../../electron/main/mail/code-keeper');
    const { resolveServer } = await import('../../../electron/main/mail/connection');
    const legacy = { authCode: CODE, server: null };
    const catalog = resolveServer({ address: ADDRESS })!;
    expect(codeForServer(legacy, catalog, catalog)).toBe(CODE);
    expect(codeForServer(legacy, { ...catalog, host: 'IMAP.163.COM.' }, catalog)).toBe(CODE);
    const other = resolveServer({ address: ADDRESS, host: '127.0.0.1', port: 993 })!;
    expect(() => codeForServer(legacy, other, catalog)).toThrow(/another server/);
    // An address with no catalog server: a legacy code goes nowhere.
    expect(() => codeForServer(legacy, other, null)).toThrow(/another server/);
  });
});
