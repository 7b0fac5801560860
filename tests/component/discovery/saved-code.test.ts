import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloseoutApi } from '@common/contract';
import type { Readiness } from '@common/readiness';
import { newPlan } from '@common/model/new-plan';
import { createAppI18n } from '../../../renderer/src/i18n';
import { provideCurrentPlan } from '../../../renderer/src/composables/useCurrentPlan';
import DiscoveryView from '../../../renderer/src/views/plan/discovery/DiscoveryView.vue';

const ADDRESS = 'someone@163.com';

/** Answers the channels the screen calls and records every call with its arguments. */
function bridge(hasSavedCode: boolean) {
  const calls: Array<[string, unknown]> = [];
  const plan = newPlan('plan-1', ADDRESS, '163.com', '', '2026-03-01T08:00:00.000Z');
  const answers: Record<string, (input: unknown) => unknown> = {
    'plan.list': () => ({ ok: true, value: [{ plan, readiness: {} as Readiness }] }),
    'mail.savedCode': () => ({ ok: true, value: { hasSavedCode } }),
    'discovery.results': () => ({ ok: true, value: null }),
    'discovery.scan': () => ({ ok: false, error: { code: 'mail.auth-failed', message: 'x' } }),
  };
  window.closeout = new Proxy({} as Record<string, unknown>, {
    get: (_t, domain: string) =>
      domain === 'on'
        ? () => () => {}
        : new Proxy(
            {},
            {
              get: (_g, method: string) => async (input?: unknown) => {
                calls.push([`${domain}.${method}`, input]);
                const answer = answers[`${domain}.${method}`];
                return answer
                  ? answer(input)
                  : { ok: false, error: { code: 'ipc.unknown-channel', message: 'x' } };
              },
            },
          ),
  }) as unknown as CloseoutApi;
  return calls;
}

async function mountScreen() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/plans/:planId/discovery', component: { render: () => null } }],
  });
  await router.push('/plans/plan-1/discovery');
  const Layout = defineComponent({
    setup() {
      provideCurrentPlan();
      return () => h(DiscoveryView);
    },
  });
  const pinia = createPinia();
  const w = mount(Layout, { global: { plugins: [createAppI18n('en'), pinia, router] } });
  const { usePlansStore } = await import('../../../renderer/src/stores/plans');
  await usePlansStore(pinia).load();
  await flushPromises();
  return w;
}

afterEach(() => {
  delete window.closeout;
});

describe('discovery screen: the code saved with the mail backup', () => {
  it('offers the saved code over IMAP and scans with useSavedCode, never a code of its own', async () => {
    const calls = bridge(true);
    const w = await mountScreen();
    expect(calls).toContainEqual(['mail.savedCode', { address: ADDRESS }]);
    await w.get('[data-testid="discovery-source-imap"] input').setValue(true);
    const saved = w.get('[data-testid="discovery-use-saved"]');
    expect(saved.text()).toBe('Use the code saved with the mail backup');
    expect(w.find('#discovery-code').exists()).toBe(false);
    await w.get('[data-testid="discovery-scan"]').trigger('click');
    await flushPromises();
    const scan = calls.find(([c]) => c === 'discovery.scan');
    expect(scan?.[1]).toEqual({
      planId: 'plan-1',
      source: { kind: 'imap', account: { address: ADDRESS }, useSavedCode: true },
    });
  });

  it('asks for a code when none is saved, or when the user unticks the saved one', async () => {
    const none = bridge(false);
    let w = await mountScreen();
    await w.get('[data-testid="discovery-source-imap"] input').setValue(true);
    expect(w.find('[data-testid="discovery-use-saved"]').exists()).toBe(false);
    expect(w.get('[data-testid="discovery-scan"]').attributes('disabled')).toBeDefined();
    await w.get('#discovery-code').setValue('typed-code');
    await w.get('[data-testid="discovery-scan"]').trigger('click');
    await flushPromises();
    expect(none.find(([c]) => c === 'discovery.scan')?.[1]).toMatchObject({
      source: { kind: 'imap', authCode: 'typed-code' },
    });
    w.unmount();

    const some = bridge(true);
    w = await mountScreen();
    await w.get('[data-testid="discovery-source-imap"] input').setValue(true);
    await w.get('[data-testid="discovery-use-saved"]').trigger('click');
    await w.get('#discovery-code').setValue('other-code');
    await w.get('[data-testid="discovery-scan"]').trigger('click');
    await flushPromises();
    const sent = some.find(([c]) => c === 'discovery.scan')?.[1] as { source: Record<string, unknown> };
    expect(sent.source).toMatchObject({ authCode: 'other-code' });
    expect(sent.source).not.toHaveProperty('useSavedCode');
  });
});
