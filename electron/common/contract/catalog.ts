import { z } from 'zod';
import type { Catalog } from '../catalog';
import { channel } from './define';

export const catalogChannels = {
  /** The whole NetEase catalog (static data with sources and confidence); works while locked. */
  'catalog:get': channel<Catalog>()(z.void()),
} as const;
