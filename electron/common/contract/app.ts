import { z } from 'zod';
import { channel } from './define';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** 'electron' in the desktop app, 'harness' in the browser harness. */
  runtime: 'electron' | 'harness';
}

export const appChannels = {
  'app:info': channel<AppInfo>()(z.void()),
} as const;
