import { mount } from '@vue/test-utils';
import { defineComponent, h, nextTick } from 'vue';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../renderer/src/i18n';
import { useEnumOptions } from '../../renderer/src/composables/useEnumOptions';
import { BINDING_STATES } from '@common/model/plan';

describe('useEnumOptions', () => {
  it('labels each value from its message, in order, and follows the language', async () => {
    const i18n = createAppI18n('en');
    let options: ReturnType<typeof useEnumOptions<(typeof BINDING_STATES)[number]>> | undefined;
    const Probe = defineComponent({
      setup() {
        options = useEnumOptions(BINDING_STATES, 'domain.bindingState');
        return () => h('span');
      },
    });
    mount(Probe, { global: { plugins: [i18n] } });
    const en = options!.value;
    expect(en.map((o) => o.value)).toEqual([...BINDING_STATES]);
    expect(en.map((o) => o.label)).toEqual(
      BINDING_STATES.map((v) => i18n.global.t(`domain.bindingState.${v}`)),
    );
    i18n.global.locale.value = 'zh-CN';
    await nextTick();
    const zh = options!.value.map((o) => o.label);
    expect(zh).toEqual(
      BINDING_STATES.map((v) => i18n.global.t(`domain.bindingState.${v}`, {}, { locale: 'zh-CN' })),
    );
    expect(zh).not.toEqual(en.map((o) => o.label));
  });
});
