import { defineStore } from 'pinia';
import { reactive, watch } from 'vue';
import { useVaultStore } from './vault';

/**
 * What the user typed but has not saved as part of the plan (the new address the contact
 * templates are filled with), per plan, so leaving the screen does not lose it. Memory only: it
 * is not plan data and never reaches the disk unencrypted; locking the vault forgets it.
 */
export const useDraftsStore = defineStore('drafts', () => {
  const newAddress = reactive<Record<string, string>>({});
  function reset(): void {
    for (const k of Object.keys(newAddress)) delete newAddress[k];
  }
  watch(
    () => useVaultStore().unlocked,
    (unlocked) => {
      if (!unlocked) reset();
    },
  );
  return { newAddress, reset };
});
