import type { AfterPackContext } from 'electron-builder';
import type { FuseV1Config } from '@electron/fuses';

export declare const STUB_ELECTRON_ENV: 'CLOSEOUT_STUB_ELECTRON';
export declare function fuseConfig(platform: string): FuseV1Config;
export default function afterPack(context: AfterPackContext): Promise<void>;
