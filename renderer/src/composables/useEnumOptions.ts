import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';

export interface EnumOption<T extends string> {
  value: T;
  label: string;
}

/**
 * Select options for a list of values, each labelled by the message `${prefix}.${value}`, in the
 * current language (recomputed when it changes). `tests/component/message-keys.test.ts` checks that
 * every prefix passed here is a message group in both languages.
 */
export function useEnumOptions<T extends string>(
  values: readonly T[],
  prefix: string,
): ComputedRef<EnumOption<T>[]> {
  const { t } = useI18n();
  return computed(() => values.map((value) => ({ value, label: t(`${prefix}.${value}`) })));
}
