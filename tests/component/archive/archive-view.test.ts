import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CloseoutApi } from '@common/contract';
import type { ArchiveMessage, ArchiveRow, ArchiveStatus } from '@common/contract/archive';
import { newPlan } from '@common/model/new-plan';
import type { Readiness } from '@common/readiness';
import { createAppI18n } from '../../../renderer/src/i18n';
import type { Locale } from '../../../renderer/src/i18n/types';
import ArchiveView from '../../../renderer/src/views/archive/ArchiveView.vue';
import messages from '../../../renderer/src/i18n/messages/archive';
import { ARCHIVE_ERROR_CODES } from '@common/errors';

const STATUS: ArchiveStatus = {
  dir: '/backups/163',
  address: 'someone@163.com',
  state: 'ready',
  progress: null,
  generation: 1,
  folders: [
    { id: 0, name: 'INBOX', current: true, uidValidity: 1, messages: 2, unread: 1 },
    { id: 1, name: '已发送', current: true, uidValidity: 1, messages: 1, unread: 0 },
  ],
  messages: 3,
  broken: 1,
  fromCache: false,
  error: null,
};

const row = (id: number, subject: string, extra: Partial<ArchiveRow> = {}): ArchiveRow => ({
  id,
  folder: 0,
  date: Date.UTC(2024, 5, 3 + id),
  fromName: '王经理',
  fromAddress: 'wang@example.cn',
  to: 'someone@163.com',
  subject,
  size: 2048,
  seen: true,
  flagged: false,
  answered: false,
  attachments: 0,
  broken: false,
  ...extra,
});
const ROWS = [
  row(0, '发票通知', { seen: false, attachments: 1 }),
  row(1, 'Lunch on Friday?'),
  row(2, '', { broken: true }),
];

const MESSAGE: ArchiveMessage = {
  id: 0,
  folder: 0,
  subject: '发票通知',
  from: [{ name: '王经理', address: 'wang@example.cn' }],
  to: [{ name: '', address: 'someone@163.com' }],
  cc: [],
  date: Date.UTC(2024, 5, 3, 8, 30),
  size: 2048,
  html: null,
  text: '您好，关于合同续签的安排。',
  truncated: false,
  attachments: [
    { index: 0, filename: '报价单.xlsx', mimeType: 'application/vnd.ms-excel', size: 31_457_280 },
  ],
  broken: false,
  rawHeaders: null,
};

function bridge(options: { openFails?: boolean; refused?: boolean; exportRefused?: boolean } = {}) {
  const calls: Array<[string, unknown]> = [];
  let status: ArchiveStatus | null = null;
  const plan = newPlan('plan-1', 'someone@163.com', '163.com', '', '2026-03-01T08:00:00.000Z');
  // A place the person only noted in the plan is not offered: the backup folder main recorded is.
  plan.backups.mail = { ...plan.backups.mail, location: '移动硬盘' } as typeof plan.backups.mail;
  const answers: Record<string, (input: unknown) => unknown> = {
    'plan.list': () => ({ ok: true, value: [{ plan, readiness: {} as Readiness }] }),
    'mail.backupFolder': () => ({ ok: true, value: { path: '/backups/163' } }),
    'archive.status': () => ({ ok: true, value: status }),
    'app.chooseFolder': () => ({ ok: true, value: { path: '/tmp/photos' } }),
    'archive.open': () => {
      if (options.refused) return { ok: false, error: { code: 'archive.unknown-folder', message: 'x' } };
      if (options.openFails) return { ok: false, error: { code: 'archive.not-a-backup', message: 'x' } };
      status = STATUS;
      return { ok: true, value: STATUS };
    },
    'archive.search': (input) => {
      const text = (input as { query: { text?: string } }).query.text ?? '';
      const rows = ROWS.filter((r) => r.subject.includes(text));
      return { ok: true, value: { searchId: `s-${text}`, total: rows.length, rows, tookMs: 2 } };
    },
    'archive.rows': () => ({ ok: true, value: [] }),
    'archive.export': () =>
      options.exportRefused
        ? { ok: false, error: { code: 'archive.unknown-target', message: 'x' } }
        : { ok: true, value: { jobId: 'job-1', messages: 3 } },
    'archive.message': () => ({ ok: true, value: MESSAGE }),
    'archive.saveAttachment': () => ({ ok: true, value: { path: '/home/me/报价单.xlsx' } }),
    'archive.correspondents': () => ({
      ok: true,
      value: [{ address: 'xiaoming.wang@126.com', name: '王小明', messages: 12, last: Date.UTC(2024, 4, 1) }],
    }),
    'plan.apply': (input) => ({
      ok: true,
      value: {
        planId: (input as { planId: string }).planId,
        view: { plan, readiness: {} as Readiness },
        events: [],
      },
    }),
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

async function mountScreen(locale: Locale, at = '/') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { render: () => null } }],
  });
  await router.push(at);
  const w = mount(ArchiveView, {
    attachTo: document.body,
    global: { plugins: [createAppI18n(locale), createPinia(), router] },
  });
  await flushPromises();
  return w;
}

afterEach(() => {
  delete window.closeout;
  document.body.innerHTML = '';
});

describe('archive texts', () => {
  it('translate every archive error code in both languages', () => {
    for (const l of ['zh-CN', 'en'] as const)
      for (const code of ARCHIVE_ERROR_CODES)
        expect((messages[l].errors as Record<string, string>)[code], `${l} ${code}`).toEqual(
          expect.any(String),
        );
  });
});

for (const locale of ['zh-CN', 'en'] as const) {
  describe(`ArchiveView (${locale})`, () => {
    it('offers the plan’s recorded backup, opens it and lists folders with counts and the messages', async () => {
      const calls = bridge();
      const w = await mountScreen(locale);
      const planButton = w.get('[data-testid="archive-open-plan-plan-1"]');
      expect(planButton.text()).toContain('someone@163.com');
      await planButton.trigger('click');
      await flushPromises();
      expect(calls).toContainEqual(['archive.open', { dir: '/backups/163' }]);
      const folders = w.findAll('[data-testid="archive-folder"]');
      expect(folders.map((f) => f.attributes('data-folder'))).toEqual(['INBOX', '已发送']);
      expect(w.get('[data-testid="archive-summary"]').text()).toContain('3');
      expect(w.get('[data-testid="archive-broken-note"]').text()).toContain('1');
      expect(w.get('[data-testid="archive-results"]').text()).toContain('3');
    });

    it('searches as the user types and opens a message with its attachment, saved by main', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const calls = bridge();
        const w = await mountScreen(locale);
        await w.get('[data-testid="archive-open-plan-plan-1"]').trigger('click');
        await flushPromises();
        await w.get('#archive-search-text').setValue('发票');
        vi.advanceTimersByTime(200);
        await flushPromises();
        expect(calls.filter(([c]) => c === 'archive.search').at(-1)?.[1]).toMatchObject({
          query: { text: '发票' },
        });
        expect(w.get('[data-testid="archive-results"]').text()).toContain('1');
        const { useArchiveStore } = await import('../../../renderer/src/stores/archive');
        await useArchiveStore().select(0);
        await flushPromises();
        const reader = w.get('[data-testid="archive-reader"]');
        expect(reader.get('[data-testid="archive-reader-subject"]').text()).toBe('发票通知');
        expect(reader.get('[data-testid="archive-text"]').text()).toContain('合同续签');
        const att = reader.get('[data-testid="archive-attachment"]');
        expect(att.text()).toContain('报价单.xlsx');
        expect(att.text()).toMatch(/31\.5\s?MB/);
        await att.get('[data-testid="archive-save-attachment"]').trigger('click');
        await flushPromises();
        expect(calls).toContainEqual(['archive.saveAttachment', { id: 0, index: 0 }]);
        expect(reader.get('[data-testid="archive-saved"]').text()).toContain('/home/me/报价单.xlsx');
        // The attachment's bytes never came to the renderer: only its name and size did.
        expect(calls.some(([c]) => c === 'archive.message')).toBe(true);
      } finally {
        vi.useRealTimers();
      }
    });

    it('lists the people written to and adds one to the plan’s contacts', async () => {
      const calls = bridge();
      const w = await mountScreen(locale);
      await w.get('[data-testid="archive-open-plan-plan-1"]').trigger('click');
      await flushPromises();
      await w.get('[data-testid="archive-people-load"]').trigger('click');
      await flushPromises();
      const person = w.get('[data-testid="archive-person"]');
      expect(person.text()).toContain('王小明 <xiaoming.wang@126.com>');
      await person.get('[data-testid="archive-person-add"]').trigger('click');
      await flushPromises();
      const applied = calls.find(([c]) => c === 'plan.apply')?.[1] as {
        type: string;
        planId: string;
        contact: { name: string; status: string };
      };
      expect(applied).toMatchObject({
        type: 'contact.upsert',
        planId: 'plan-1',
        contact: { name: '王小明 <xiaoming.wang@126.com>', status: 'todo' },
      });
      expect(w.get('[data-testid="archive-person"]').text()).toContain(
        locale === 'zh-CN' ? '已加入' : 'Added',
      );
    });

    it('shows main’s refusal of a folder only named in the address, with what to do instead', async () => {
      const calls = bridge({ refused: true });
      const w = await mountScreen(locale, '/?dir=%2Fetc');
      await flushPromises();
      expect(calls).toContainEqual(['archive.open', { dir: '/etc' }]);
      const alert = w.get('[data-error-code="archive.unknown-folder"]');
      expect(alert.text()).toContain(locale === 'zh-CN' ? '“选择文件夹”' : '“Choose folder”');
    });

    it('exports only into a folder chosen in the system dialog, shown as chosen, with no field to type one', async () => {
      const calls = bridge();
      const w = await mountScreen(locale);
      await w.get('[data-testid="archive-open-plan-plan-1"]').trigger('click');
      await flushPromises();
      const panel = w.get('[data-testid="archive-export"]');
      // No text field for the place: only "Choose folder…"; nothing chosen yet, so no export.
      expect(panel.findAll('input:not([type="radio"])')).toEqual([]);
      expect(panel.find('textarea').exists()).toBe(false);
      expect(panel.get('[data-testid="archive-export-target"]').text()).toBe(
        messages[locale].archive.export.noTarget,
      );
      expect(panel.get('[data-testid="archive-export-start"]').attributes('disabled')).toBeDefined();
      await panel.get('[data-testid="archive-export-choose"]').trigger('click');
      await flushPromises();
      expect(calls).toContainEqual(['app.chooseFolder', { purpose: 'archive-export' }]);
      expect(panel.get('[data-testid="archive-export-target"]').text()).toBe('/tmp/photos');
      expect(panel.get('[data-testid="archive-export-choose"]').text()).toBe(
        locale === 'zh-CN' ? '选择文件夹…' : 'Choose folder…',
      );
      await panel.get('[data-testid="archive-export-start"]').trigger('click');
      await flushPromises();
      expect(calls).toContainEqual([
        'archive.export',
        { scope: { kind: 'all' }, format: 'mbox', targetDir: '/tmp/photos' },
      ]);
    });

    it('shows main’s refusal of an export place that was not chosen for it, with what to do instead', async () => {
      bridge({ exportRefused: true });
      const w = await mountScreen(locale);
      await w.get('[data-testid="archive-open-plan-plan-1"]').trigger('click');
      await flushPromises();
      await w.get('[data-testid="archive-export-choose"]').trigger('click');
      await flushPromises();
      await w.get('[data-testid="archive-export-start"]').trigger('click');
      await flushPromises();
      const alert = w.get('[data-testid="archive-export"] [data-error-code="archive.unknown-target"]');
      expect(alert.text()).toContain(locale === 'zh-CN' ? '“选择文件夹”' : '“Choose folder”');
      expect(alert.text()).toContain(locale === 'zh-CN' ? '导出' : 'export');
    });

    it('opens a folder chosen in the system dialog, and says clearly when it is not a Closeout backup', async () => {
      const calls = bridge({ openFails: true });
      const w = await mountScreen(locale);
      await w.get('[data-testid="archive-choose-folder"]').trigger('click');
      await flushPromises();
      await flushPromises();
      expect(calls).toContainEqual(['app.chooseFolder', { purpose: 'mail-archive' }]);
      expect(calls).toContainEqual(['archive.open', { dir: '/tmp/photos' }]);
      // No field to type a path: main opens only a chosen or recorded folder.
      expect(w.find('input').exists()).toBe(false);
      const alert = w.get('[data-error-code="archive.not-a-backup"]');
      expect(alert.text()).toContain(
        locale === 'zh-CN' ? '不是 Closeout 的邮件备份' : 'is not a Closeout mail backup',
      );
    });
  });
}
