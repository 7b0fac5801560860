// electron-builder afterPack hook: flips the Electron fuses in the packaged binary, before
// electron-builder signs it (flipping after signing would break the signature).
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Set only by the packaging smoke test, whose "Electron" is a stub script with no fuse wire. */
export const STUB_ELECTRON_ENV = 'CLOSEOUT_STUB_ELECTRON';

/** @param {string} platform electron-builder's electronPlatformName */
export function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    // Unsigned or ad-hoc-signed macOS binaries (arm64 requires a signature) must be re-signed ad hoc
    // after the flip; a real Developer ID signature is applied afterwards by electron-builder.
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // electron-builder embeds the asar hash (Info.plist on macOS, a resource on Windows) that this checks.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // file:// pages get no extra privileges: the app loads only app://, and nothing should treat a
    // local file as trusted.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

const STUB_MAX_BYTES = 1024 * 1024;

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const config = fuseConfig(context.electronPlatformName);
  if (process.env[STUB_ELECTRON_ENV] === '1') {
    // Refuse to skip for anything that looks like a real Electron binary (100+ MB), so the flag
    // can never ship an unfused app.
    const { electronDist } = context.packager.config;
    const stub =
      typeof electronDist === 'string'
        ? join(resolve(context.packager.projectDir, electronDist), 'electron')
        : null;
    if (stub === null || statSync(stub).size > STUB_MAX_BYTES) {
      throw new Error(
        `${STUB_ELECTRON_ENV}=1 but the Electron binary is not a stub; refusing to skip the fuses`,
      );
    }
    console.log(`  • fuses skipped: ${STUB_ELECTRON_ENV}=1 and ${stub} is a stub`);
    return;
  }
  await context.packager.addElectronFuses(context, config);
}
