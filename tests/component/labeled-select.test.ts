import { mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppI18n } from '../../renderer/src/i18n';
import LabeledSelect from '../../renderer/src/components/form/LabeledSelect.vue';

const options = [
  { value: 'todo', label: 'To change' },
  { value: 'changed', label: 'Address changed' },
  { value: 'not-needed', label: 'Not needed' },
];

/** Mounts the select inside a parent that owns the v-model, as the screens do. */
function mountSelect(props: Record<string, unknown> = {}, initial = 'todo') {
  const value = ref(initial);
  const Parent = defineComponent({
    setup: () => () =>
      h(LabeledSelect, {
        id: 'status',
        label: 'Status',
        options,
        testid: 'status-select',
        ...props,
        modelValue: value.value,
        'onUpdate:modelValue': (v: string) => (value.value = v),
      }),
  });
  const wrapper = mount(Parent, { global: { plugins: [createAppI18n('en')] }, attachTo: document.body });
  return { wrapper, value, select: () => wrapper.get<HTMLSelectElement>('select#status') };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('LabeledSelect', () => {
  // That a click on the label then focuses the list is the browser's work: tests/e2e/plan-screens.e2e.ts
  // clicks one in Chromium.
  it('binds its label to the select', () => {
    const { wrapper, select } = mountSelect();
    const label = wrapper.get('label');
    expect(label.text()).toBe('Status');
    expect(label.attributes('for')).toBe('status');
    expect(select().attributes('data-testid')).toBe('status-select');
    expect((label.element as HTMLLabelElement).control).toBe(select().element);
  });

  it('reads and writes the model through the select', async () => {
    const { select, value } = mountSelect({}, 'changed');
    expect(select().element.value).toBe('changed');
    await select().setValue('not-needed');
    expect(value.value).toBe('not-needed');
    expect([...select().element.options].map((o) => o.textContent)).toEqual(options.map((o) => o.label));
  });

  it('offers the next answer as one button, and hides it once that answer is chosen', async () => {
    const { wrapper, value, select } = mountSelect({
      quick: { value: 'changed', label: 'Mark “Address changed”', testid: 'status-changed' },
    });
    const quick = wrapper.get('button[data-testid="status-changed"]');
    expect(quick.text()).toBe('Mark “Address changed”');
    await quick.trigger('click');
    expect(value.value).toBe('changed');
    expect(select().element.value).toBe('changed');
    expect(wrapper.find('[data-testid="status-changed"]').exists()).toBe(false);
  });

  it('stays a keyboard stop while a change saves, and is skipped when disabled', async () => {
    const { wrapper, select } = mountSelect({
      busy: true,
      quick: { value: 'changed', label: 'Mark “Address changed”', testid: 'status-changed' },
    });
    select().element.focus();
    expect(document.activeElement).toBe(select().element);
    expect(select().element.disabled).toBe(false);
    expect(select().attributes('aria-busy')).toBe('true');
    // The quick button waits for the save; the list itself keeps the focus.
    expect(wrapper.get('[data-testid="status-changed"]').attributes('disabled')).toBeDefined();

    const off = mountSelect({ disabled: true });
    expect(off.select().element.disabled).toBe(true);
    expect(off.select().attributes('aria-busy')).toBeUndefined();
  });

  it('ties a hint to the select and hides the label from sight only when asked', () => {
    const { wrapper, select } = mountSelect({ hint: 'Updated 1 March 2026', hideLabel: true });
    const hintId = select().attributes('aria-describedby');
    expect(hintId).toBe('status-hint');
    expect(wrapper.get(`#${hintId}`).text()).toBe('Updated 1 March 2026');
    expect(wrapper.get('label').classes()).toContain('visually-hidden');

    const plain = mountSelect();
    expect(plain.select().attributes('aria-describedby')).toBeUndefined();
    expect(plain.wrapper.get('label').classes()).not.toContain('visually-hidden');
  });

  it('puts the label above the select or before it', () => {
    expect(mountSelect().wrapper.get('.labeled-select').classes()).toContain('labeled-select--stacked');
    expect(mountSelect({ layout: 'inline' }).wrapper.get('.labeled-select').classes()).toContain(
      'labeled-select--inline',
    );
  });
});
