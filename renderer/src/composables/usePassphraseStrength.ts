import { computed, ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { estimateStrength, type Strength } from '../lib/passphrase-strength';

/**
 * The strength of a passphrase as it is typed, with translated labels and feedback for
 * BaseStrengthMeter. `strength` is null until the estimate for the current text is in (the
 * estimator loads on first use), so a form never submits on a stale or missing estimate.
 */
export function usePassphraseStrength(passphrase: Ref<string>) {
  const { t, te } = useI18n();
  const strength = ref<Strength | null>(null);
  let asked = 0;
  watch(
    passphrase,
    (value) => {
      const mine = ++asked;
      strength.value = null;
      void estimateStrength(value).then((s) => {
        if (mine === asked) strength.value = s;
      });
    },
    { immediate: true },
  );
  const labels = computed(() => [0, 1, 2, 3, 4].map((i) => t(`firstRun.strength.${i}`)));
  const feedback = computed(() => {
    const s = strength.value;
    // The estimator loads on first use: say so instead of showing "very weak" meanwhile.
    if (!s) return passphrase.value ? [t('passphrase.checking')] : [];
    const keys = [
      ...(s.warning ? [`passphrase.warnings.${s.warning}`] : []),
      ...s.suggestions.map((k) => `passphrase.suggestions.${k}`),
    ];
    // A key a later zxcvbn-ts release adds, not yet translated here, is left out rather than shown raw.
    return keys.filter((k) => te(k)).map((k) => t(k));
  });
  return { strength, labels, feedback, level: computed(() => strength.value?.level ?? 0) };
}
