import { onMounted, onUpdated, type Ref } from 'vue';

/**
 * Naive UI's date and time pickers take no `input-props`, so a <label for> cannot reach their
 * input: give the inner input its id (and test id) once it is in the page, and again after every
 * update in case it was re-created.
 */
export function useInnerInput(
  root: Ref<HTMLElement | null>,
  attrs: () => Record<string, string | undefined>,
): void {
  const apply = () => {
    const input = root.value?.querySelector('input');
    if (!input) return;
    for (const [k, v] of Object.entries(attrs()))
      if (v !== undefined && input.getAttribute(k) !== v) input.setAttribute(k, v);
  };
  onMounted(apply);
  onUpdated(apply);
}
