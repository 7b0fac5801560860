import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import afterPack, { STUB_ELECTRON_ENV, fuseConfig } from '../../../build/scripts/after-pack.mjs';

// The marker Electron puts before its fuse wire (@electron/fuses' SENTINEL, not exported by the package).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'closeout-fuses-'));
  delete process.env[STUB_ELECTRON_ENV];
});

afterEach(async () => {
  delete process.env[STUB_ELECTRON_ENV];
  await rm(dir, { recursive: true, force: true });
});

/** A file laid out like an Electron binary's fuse wire: sentinel, version, length, one byte per fuse. */
async function fakeElectronBinary(path: string, fuses = '101100011'): Promise<void> {
  await writeFile(
    path,
    Buffer.concat([
      randomBytes(4096),
      Buffer.from(SENTINEL),
      Buffer.from([Number(FuseVersion.V1), fuses.length]),
      Buffer.from(fuses, 'latin1'),
      randomBytes(4096),
    ]),
  );
}

function fakeContext(platform: string, electronDist?: string) {
  const addElectronFuses = vi.fn(async () => 0);
  const context = {
    electronPlatformName: platform,
    packager: { projectDir: dir, config: { electronDist }, addElectronFuses },
  };
  return { context: context as never, addElectronFuses };
}

describe('fuse configuration', () => {
  it('turns off Node entry points and turns on asar-only loading, asar integrity and cookie encryption', () => {
    const config = fuseConfig('linux');
    expect(config.version).toBe(FuseVersion.V1);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('re-signs ad hoc only on macOS', () => {
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('mas').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('win32').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('linux').resetAdHocDarwinSignature).toBe(false);
  });

  it('flips a fuse wire with @electron/fuses to exactly the intended states', async () => {
    const binary = join(dir, 'electron');
    // Start from the opposite of what we want for every fuse we set.
    await fakeElectronBinary(binary, '101100011');
    await flipFuses(binary, fuseConfig('linux'));
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    // Fuses we do not set keep the binary's own value.
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE);
  });
});

describe('afterPack hook', () => {
  it('flips the fuses through electron-builder', async () => {
    const { context, addElectronFuses } = fakeContext('win32');
    await afterPack(context);
    expect(addElectronFuses).toHaveBeenCalledWith(context, fuseConfig('win32'));
  });

  it('skips only when the smoke-test flag is set and the binary really is a stub', async () => {
    await writeFile(join(dir, 'electron'), '#!/bin/sh\nexit 0\n');
    process.env[STUB_ELECTRON_ENV] = '1';
    const { context, addElectronFuses } = fakeContext('linux', dir);
    await afterPack(context);
    expect(addElectronFuses).not.toHaveBeenCalled();
  });

  it('refuses to skip for a full-size Electron binary even with the flag set', async () => {
    await writeFile(join(dir, 'electron'), randomBytes(2 * 1024 * 1024));
    process.env[STUB_ELECTRON_ENV] = '1';
    const { context, addElectronFuses } = fakeContext('linux', dir);
    await expect(afterPack(context)).rejects.toThrow(/not a stub/);
    expect(addElectronFuses).not.toHaveBeenCalled();
  });

  it('refuses to skip when no electronDist is configured', async () => {
    process.env[STUB_ELECTRON_ENV] = '1';
    const { context } = fakeContext('linux');
    await expect(afterPack(context)).rejects.toThrow(/not a stub/);
  });
});
