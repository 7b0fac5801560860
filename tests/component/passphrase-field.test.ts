import { mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppI18n } from '../../renderer/src/i18n';
import PassphraseField from '../../renderer/src/components/form/PassphraseField.vue';

type Props = Record<string, unknown>;

/** Mounts the field inside a parent that owns the v-model, as the screens do. */
function mountField(props: Props, locale: 'zh-CN' | 'en' = 'zh-CN', initial = '') {
  const text = ref(initial);
  const Parent = defineComponent({
    setup: () => () =>
      h(PassphraseField, {
        id: 'secret',
        label: 'Passphrase',
        autocomplete: 'current-password',
        ...props,
        modelValue: text.value,
        'onUpdate:modelValue': (v: string) => (text.value = v),
      }),
  });
  const wrapper = mount(Parent, { global: { plugins: [createAppI18n(locale)] }, attachTo: document.body });
  return { wrapper, text, input: () => wrapper.get<HTMLInputElement>('input#secret') };
}

const strength = { level: 1 as const, labels: ['a', 'b', 'c', 'd', 'e'], feedback: ['add a word'] };

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PassphraseField', () => {
  it('labels the input, sets autocomplete and hides the text until asked', async () => {
    const { wrapper, input, text } = mountField({});
    expect(wrapper.get('label').attributes('for')).toBe('secret');
    expect(input().attributes('type')).toBe('password');
    expect(input().attributes('autocomplete')).toBe('current-password');
    expect(input().attributes('aria-invalid')).toBe('false');
    await input().setValue('correct horse');
    expect(text.value).toBe('correct horse');
  });

  it('shows and hides the text with a real, translated button', async () => {
    const { wrapper, input } = mountField({}, 'zh-CN');
    const toggle = wrapper.get('button[data-testid="secret-reveal"]');
    expect(toggle.attributes('type')).toBe('button');
    expect(toggle.attributes('aria-controls')).toBe('secret');
    expect(toggle.attributes('aria-label')).toBe('显示输入的内容');
    await toggle.trigger('click');
    expect(input().attributes('type')).toBe('text');
    expect(wrapper.get('button[data-testid="secret-reveal"]').attributes('aria-label')).toBe(
      '隐藏输入的内容',
    );
    await wrapper.get('button[data-testid="secret-reveal"]').trigger('click');
    expect(input().attributes('type')).toBe('password');
  });

  it('says the button in English too', () => {
    const { wrapper } = mountField({}, 'en');
    expect(wrapper.get('[data-testid="secret-reveal"]').attributes('aria-label')).toBe('Show what is typed');
  });

  it('ties an error to the input and marks it invalid', () => {
    const { wrapper, input } = mountField({ error: 'They differ.' });
    expect(input().attributes('aria-invalid')).toBe('true');
    const ids = input().attributes('aria-describedby')!.split(' ');
    expect(ids.map((id) => wrapper.find(`#${id}`).text())).toContain('They differ.');
  });

  it('describes the input with its hint and with text the caller places', () => {
    const { wrapper, input } = mountField({ hint: 'The one you use now.', describedby: 'elsewhere' });
    expect(input().attributes('aria-invalid')).toBe('false');
    const ids = input().attributes('aria-describedby')!.split(' ');
    expect(ids).toContain('elsewhere');
    expect(wrapper.get(`#${ids[0]}`).text()).toBe('The one you use now.');
  });

  it('keeps room for an error it may show, and none when it shows none', () => {
    const confirm = mountField({ error: '' });
    expect(confirm.wrapper.find('.n-form-item-feedback-wrapper').exists()).toBe(true);
    expect(confirm.input().attributes('aria-invalid')).toBe('false');
    confirm.wrapper.unmount();
    const plain = mountField({});
    expect(plain.wrapper.find('.n-form-item-feedback-wrapper').exists()).toBe(false);
  });

  it('has no description when there is nothing to say', () => {
    const { input } = mountField({});
    expect(input().attributes('aria-describedby')).toBeUndefined();
  });

  it('shows a recovery code as typed, with no button', () => {
    const { wrapper, input } = mountField({ plain: true, autocomplete: 'off' });
    expect(input().attributes('type')).toBe('text');
    expect(input().attributes('autocomplete')).toBe('off');
    expect(wrapper.find('[data-testid="secret-reveal"]').exists()).toBe(false);
  });

  it('shows the strength meter once something is typed, or always when asked', async () => {
    const typed = mountField({ strength });
    expect(typed.wrapper.find('[data-testid="strength-meter"]').exists()).toBe(false);
    await typed.input().setValue('x');
    expect(typed.wrapper.get('[data-testid="strength-meter"]').attributes('data-level')).toBe('1');
    expect(typed.wrapper.get('[data-testid="strength-feedback"]').text()).toContain('add a word');
    typed.wrapper.unmount();
    const always = mountField({ strength, strengthAlways: true });
    // Before anything is typed the meter gives no verdict: an empty bar, "nothing typed yet", no advice.
    const meter = always.wrapper.get('[data-testid="strength-meter"]');
    expect(meter.attributes('data-level')).toBe('empty');
    expect(meter.text()).toContain('口令强度：尚未输入');
    expect(meter.text()).not.toContain('很弱');
    expect(always.wrapper.find('[data-testid="strength-feedback"]').exists()).toBe(false);
    await always.input().setValue('x');
    expect(always.wrapper.get('[data-testid="strength-meter"]').attributes('data-level')).toBe('1');
  });

  it('draws only the input, with its toggle and note, when the screen lays out its own label', async () => {
    const { wrapper, input } = mountField({ label: undefined, hint: 'From the mail settings page.' });
    expect(wrapper.find('label').exists()).toBe(false);
    expect(input().attributes('type')).toBe('password');
    const id = input().attributes('aria-describedby')!;
    expect(wrapper.get(`#${id}`).text()).toBe('From the mail settings page.');
    await wrapper.get('[data-testid="secret-reveal"]').trigger('click');
    expect(input().attributes('type')).toBe('text');
  });

  it('puts a test id on the input when given one', () => {
    const { input } = mountField({ testid: 'the-code' });
    expect(input().attributes('data-testid')).toBe('the-code');
  });
});
