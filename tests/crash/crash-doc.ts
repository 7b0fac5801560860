import { err, ok } from '../../electron/common/result';
import type { DocumentCodec } from '../../electron/main/vault/codec';

/** The crash test's document: a counter and filler, so its shape does not follow the domain model's changes. */
export interface CrashDoc {
  seq: number;
  filler: string;
}

export const crashCodec: DocumentCodec<CrashDoc> = {
  empty: () => ({ seq: 0, filler: '' }),
  migrate: (raw) => {
    const d = raw as Partial<CrashDoc> | null;
    return d && typeof d.seq === 'number' && typeof d.filler === 'string'
      ? ok({ seq: d.seq, filler: d.filler })
      : err('vault.corrupt', 'not a crash-test document');
  },
};
