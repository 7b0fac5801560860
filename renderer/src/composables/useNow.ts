import { onScopeDispose, ref } from 'vue';

/**
 * A reactive "now" for countdowns, refreshed every 30 s (a countdown in days and hours needs no
 * more). Short interval only: long timers are unreliable across sleep.
 */
export function useNow(intervalMs = 30_000) {
  const now = ref(Date.now());
  const id = setInterval(() => (now.value = Date.now()), intervalMs);
  onScopeDispose(() => clearInterval(id));
  return now;
}
