import { useI18n } from 'vue-i18n';
import type { AppError } from '@common/result';

/**
 * Turns an error from the bridge into a sentence in the active language. An unknown code still
 * gets a translated sentence (with the code, so a bug report can name it), never the English
 * developer message that travels with the error.
 */
export function useErrorText() {
  const { t, te } = useI18n();
  return (error: Pick<AppError, 'code' | 'params'>): string => {
    const key = `errors.${error.code}`;
    // i18n/merge.ts expands every dotted key ('vault.locked') into nesting, so the plain path resolves.
    if (te(key)) return t(key, error.params ?? {});
    return t('common.unknownError', { code: error.code });
  };
}
