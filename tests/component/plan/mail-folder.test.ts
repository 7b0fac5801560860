/**
 * The mail backup screen's folder: picked with main's dialog only (main writes a backup into no
 * folder the page merely names), shown read-only, and on a later day the folder main recorded for
 * the plan is proposed. A refusal from main is said in the person's language.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { defineComponent, h } from 'vue';
import { NDialogProvider } from 'naive-ui';
import { createMemoryHistory, createRouter } from 'vue-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloseoutApi } from '@common/contract';
import type { Readiness } from '@common/readiness';
import { newPlan } from '@common/model/new-plan';
import { createAppI18n } from '../../../renderer/src/i18n';
import { provideCurrentPlan } from '../../../renderer/src/composables/useCurrentPlan';
import MailView from '../../../renderer/src/views/plan/mail/MailView.vue';

const ADDRESS = 'someone@163.com';
const RECORDED = '/home/someone/邮件备份';
const CHOSEN = '/media/u盘/Closeout 备份';

/** Answers the channels the screen calls and records every call with its arguments. */
function bridge(
  recorded: string | null,
  startAnswer: unknown = { ok: true, value: { jobId: 'j', resumed: false } },
) {
  const calls: Array<[string, unknown]> = [];
  const plan = newPlan('plan-1', ADDRESS, '163.com', '', '2026-03-01T08:00:00.000Z');
  const answers: Record<string, (input: unknown) => unknown> = {
    'plan.list': () => ({ ok: true, value: [{ plan, readiness: {} as Readiness }] }),
    'mail.status': () => ({ ok: true, value: { job: null, progress: null, last: null } }),
    'mail.resolveServer': () => ({
      ok: true,
      value: { host: 'imap.163.com', port: 993, secure: true, origin: 'catalog' },
    }),
    'mail.savedCode': () => ({ ok: true, value: { hasSavedCode: false } }),
    'mail.backupFolder': () => ({ ok: true, value: { path: recorded } }),
    'mail.backupInfo': () => ({
      ok: true,
      value: {
        exists: false,
        address: null,
        messages: 0,
        bytes: 0,
        complete: false,
        lastVerification: null,
        savedNames: [],
      },
    }),
    'app.chooseFolder': () => ({ ok: true, value: { path: CHOSEN } }),
    'mail.startBackup': () => startAnswer,
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

async function mountScreen(locale: 'zh-CN' | 'en' = 'en') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/plans/:planId/mail', component: { render: () => null } },
      { path: '/archive', name: 'archive', component: { render: () => null } },
    ],
  });
  await router.push('/plans/plan-1/mail');
  // The screen asks before forgetting a kept code: the app's shell provides the dialog.
  const Layout = defineComponent({
    setup() {
      provideCurrentPlan();
      return () => h(NDialogProvider, null, { default: () => h(MailView) });
    },
  });
  // The plans are loaded before the screen opens, as the app's plan layout does.
  const pinia = createPinia();
  const { usePlansStore } = await import('../../../renderer/src/stores/plans');
  await usePlansStore(pinia).load();
  const w = mount(Layout, { global: { plugins: [createAppI18n(locale), pinia, router] } });
  await flushPromises();
  return w;
}

afterEach(() => {
  delete window.closeout;
});

describe('mail backup screen: the backup folder', () => {
  it('has no field to type a path: Choose folder… fills the folder shown read-only', async () => {
    const calls = bridge(null);
    const w = await mountScreen();
    const shown = w.get('[data-testid="mail-target"]');
    expect(shown.element.tagName).toBe('P');
    expect(shown.text()).toBe('No folder chosen yet.');
    expect(w.find('input#mail-target').exists()).toBe(false);
    expect(w.find('[data-testid="mail-target"] input').exists()).toBe(false);
    expect(w.get('[data-testid="mail-start"]').attributes('disabled')).toBeDefined();

    await w.get('[data-testid="mail-choose-folder"]').trigger('click');
    await flushPromises();
    expect(calls).toContainEqual(['app.chooseFolder', { purpose: 'mail-backup' }]);
    expect(w.get('[data-testid="mail-target"]').text()).toBe(CHOSEN);
    expect(w.find('[data-testid="mail-target-recorded"]').exists()).toBe(false);
    expect(calls).toContainEqual(['mail.backupInfo', { planId: 'plan-1', targetDir: CHOSEN }]);

    await w.get('#mail-code').setValue('abcdefgh');
    await w.get('[data-testid="mail-start"]').trigger('click');
    await flushPromises();
    expect(calls.find(([c]) => c === 'mail.startBackup')?.[1]).toMatchObject({
      planId: 'plan-1',
      targetDir: CHOSEN,
    });
  });

  it('proposes the folder main recorded for the plan, and the dialog starts there', async () => {
    const calls = bridge(RECORDED);
    const w = await mountScreen('zh-CN');
    expect(calls).toContainEqual(['mail.backupFolder', { planId: 'plan-1' }]);
    expect(w.get('[data-testid="mail-target"]').text()).toBe(RECORDED);
    expect(w.get('[data-testid="mail-target-recorded"]').text()).toBe(
      '这是这个计划的备份上次保存的文件夹，可以直接继续。',
    );
    expect(calls).toContainEqual(['mail.backupInfo', { planId: 'plan-1', targetDir: RECORDED }]);
    await w.get('[data-testid="mail-choose-folder"]').trigger('click');
    await flushPromises();
    expect(calls).toContainEqual(['app.chooseFolder', { purpose: 'mail-backup', defaultPath: RECORDED }]);
    expect(w.get('[data-testid="mail-target"]').text()).toBe(CHOSEN);
  });

  for (const [locale, words] of [
    ['zh-CN', '邮件备份只能使用你在“选择文件夹…”对话框里选中的文件夹'],
    ['en', 'The mail backup uses only a folder you picked in the “Choose folder…” dialog'],
  ] as const) {
    it(`says main's refusal of a folder in ${locale}`, async () => {
      bridge(RECORDED, { ok: false, error: { code: 'mail.unknown-target', message: 'x' } });
      const w = await mountScreen(locale);
      await w.get('#mail-code').setValue('abcdefgh');
      await w.get('[data-testid="mail-start"]').trigger('click');
      await flushPromises();
      const alert = w.get('[data-error-code="mail.unknown-target"]');
      expect(alert.text()).toContain(words);
    });
  }
});
