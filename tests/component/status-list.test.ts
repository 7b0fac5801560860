import { mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppI18n } from '../../renderer/src/i18n';
import type { Locale } from '../../renderer/src/i18n/types';
import StatusList from '../../renderer/src/components/form/StatusList.vue';

const options = [
  { value: 'todo', label: 'To change' },
  { value: 'changed', label: 'Address changed' },
  { value: 'not-needed', label: 'Not needed' },
];

afterEach(() => {
  document.body.innerHTML = '';
});

type Row = { id: string; name: string; status: string; note?: string };

function mountList(locale: Locale, rows: Row[], props: Record<string, unknown> = {}) {
  const items = ref(rows);
  const seen: { status: [string, string][]; remove: string[] } = { status: [], remove: [] };
  const Parent = defineComponent({
    setup: () => () =>
      h(
        StatusList,
        {
          items: items.value,
          kind: 'site',
          testid: 'sites-list',
          options,
          quick: { from: 'todo', to: 'changed' },
          ...props,
          onStatus: (item: Row, status: string) => {
            seen.status.push([item.id, status]);
            items.value = items.value.map((r) => (r.id === item.id ? { ...r, status } : r));
          },
          onRemove: (item: Row) => seen.remove.push(item.id),
        },
        { meta: ({ item }: { item: Row }) => `meta of ${item.name}` },
      ),
  });
  const wrapper = mount(Parent, { global: { plugins: [createAppI18n(locale)] }, attachTo: document.body });
  return { wrapper, seen };
}

describe('StatusList', () => {
  const rows: Row[] = [
    { id: 'a', name: 'Bank', status: 'todo' },
    { id: 'b', name: 'Shop', status: 'changed', note: 'moved to the new address in March' },
  ];

  it('draws one row per item with the ids and test ids the screens and tests use', () => {
    const { wrapper } = mountList('en', rows);
    expect(wrapper.get('ul').attributes('data-testid')).toBe('sites-list');
    const row = wrapper.get('li[data-testid="site-a"]');
    expect(row.attributes('id')).toBe('site-a');
    expect(row.attributes('data-status')).toBe('todo');
    expect(row.text()).toContain('Bank');
    expect(row.text()).toContain('meta of Bank');
    expect(row.find('select#site-a-status').attributes('data-testid')).toBe('site-a-status');
    expect(row.find('[data-testid="site-a-remove"]').exists()).toBe(true);
    expect(wrapper.get('li[data-testid="site-b"]').text()).toContain('moved to the new address in March');
    expect(wrapper.get('li[data-testid="site-a"]').text()).not.toContain('moved to');
  });

  it('labels each select with the row’s name, in Chinese first', () => {
    const zh = mountList('zh-CN', rows).wrapper.get('label[for="site-a-status"]');
    expect(zh.text()).toBe('状态：Bank');
    expect(zh.classes()).toContain('visually-hidden');
    document.body.innerHTML = '';
    expect(mountList('en', rows).wrapper.get('label[for="site-a-status"]').text()).toBe('Status: Bank');
  });

  it('reports a status chosen in the list or with the one-press button, and offers the button only from `from`', async () => {
    const { wrapper, seen } = mountList('en', rows);
    expect(wrapper.find('[data-testid="site-b-changed"]').exists()).toBe(false);
    const quick = wrapper.get('[data-testid="site-a-changed"]');
    expect(quick.text()).toBe('Mark “Address changed”');
    await quick.trigger('click');
    expect(seen.status).toEqual([['a', 'changed']]);
    expect(wrapper.find('[data-testid="site-a-changed"]').exists()).toBe(false);
    expect(wrapper.get('li[data-testid="site-a"]').attributes('data-status')).toBe('changed');

    await wrapper.get<HTMLSelectElement>('select#site-b-status').setValue('not-needed');
    expect(seen.status).toEqual([
      ['a', 'changed'],
      ['b', 'not-needed'],
    ]);
  });

  it('asks the screen to remove a row, and holds Remove while a change saves', async () => {
    const { wrapper, seen } = mountList('en', rows);
    await wrapper.get('[data-testid="site-b-remove"]').trigger('click');
    expect(seen.remove).toEqual(['b']);
    document.body.innerHTML = '';
    const busy = mountList('en', rows, { busy: true });
    expect(busy.wrapper.get('[data-testid="site-a-remove"]').attributes('disabled')).toBeDefined();
    expect(busy.wrapper.get<HTMLSelectElement>('select#site-a-status').element.disabled).toBe(false);
  });
});
