import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createAppI18n } from '../../../renderer/src/i18n';
import RiskAckList from '../../../renderer/src/components/plan/RiskAckList.vue';
import StepCard from '../../../renderer/src/components/plan/StepCard.vue';
import AssetRow from '../../../renderer/src/components/plan/AssetRow.vue';
import MessageTemplates from '../../../renderer/src/components/plan/MessageTemplates.vue';
import ConfidenceBadge from '../../../renderer/src/components/plan/ConfidenceBadge.vue';
import FindingRow from '../../../renderer/src/components/plan/FindingRow.vue';
import MailProgressPanel from '../../../renderer/src/components/plan/MailProgressPanel.vue';
import ScreenError from '../../../renderer/src/components/plan/ScreenError.vue';
import BaseSelect from '../../../renderer/src/components/base/BaseSelect.vue';
import { risks } from '@common/catalog/risks';
import { steps } from '@common/catalog/steps';
import type { Asset } from '@common/model/plan';
import type { DiscoveryFinding } from '@common/contract/discovery';
import { AT, freshPlan, mountIn } from './mount';

describe('RiskAckList', () => {
  it('acknowledges one risk at a time and shows how many are done', async () => {
    const plan = freshPlan();
    plan.risks['data-unrecoverable'] = { acknowledgedAt: AT };
    const w = mountIn(RiskAckList, 'en', { props: { plan } });
    expect(w.get('[data-testid="risks-progress"]').text()).toBe(`1 of ${risks.length} acknowledged`);
    // No "accept all": one button per risk, each naming only itself.
    expect(w.findAll('button').length).toBe(risks.length);
    await w.get('[data-testid="risk-assets-zeroed-ack"]').trigger('click');
    await w.get('[data-testid="risk-data-unrecoverable-undo"]').trigger('click');
    expect(w.emitted('acknowledge')).toEqual([
      ['assets-zeroed', true],
      ['data-unrecoverable', false],
    ]);
  });

  it('labels the unverified risk as such, in Chinese first', () => {
    const w = mountIn(RiskAckList, 'zh-CN', { props: { plan: freshPlan() } });
    const recycled = w.get('[data-testid="risk-address-recycled"]');
    expect(recycled.get('[data-confidence]').attributes('data-confidence')).toBe('low');
    expect(recycled.text()).toContain('未经证实');
  });
});

describe('StepCard', () => {
  const find = (id: string) => steps.find((s) => s.id === id)!;

  it('cannot be marked done alone before the steps it needs: says which, and offers to record them with it', async () => {
    const plan = freshPlan();
    const w = mountIn(StepCard, 'en', {
      props: { step: find('find-page'), state: plan.steps['find-page'], missing: ['login'] },
    });
    expect(w.find('[data-testid="step-find-page-done"]').exists()).toBe(false);
    expect(w.text()).toContain('First finish: Sign in to the NetEase passport');
    const withEarlier = w.get('[data-testid="step-find-page-done-with-earlier"]');
    expect(withEarlier.text()).toBe('Done, and the steps before it');
    await withEarlier.trigger('click');
    expect(w.emitted('doneWithEarlier')).toHaveLength(1);
    expect(w.emitted('done')).toBeUndefined();
  });

  it('shows the menu paths with NetEase’s Chinese labels beside the English', () => {
    const plan = freshPlan();
    const w = mountIn(StepCard, 'en', {
      props: { step: find('find-page'), state: plan.steps['find-page'], missing: [] },
    });
    expect(w.text()).toContain('Personal centre (个人中心)');
    expect(w.findAll('kbd')).toHaveLength(9);
  });

  it('shows when a step was done and its note; the last step has no button of its own', async () => {
    const plan = freshPlan();
    const state = { ...plan.steps.login, status: 'done' as const, doneAt: AT, note: 'used the phone' };
    const w = mountIn(StepCard, 'en', { props: { step: find('login'), state, missing: [] } });
    expect(w.get('[data-testid="step-login-status"]').text()).toContain('Done on');
    expect(w.text()).toContain('used the phone');
    await w.get('[data-testid="step-login-todo"]').trigger('click');
    expect(w.emitted('todo')).toHaveLength(1);
    const confirm = mountIn(StepCard, 'en', {
      props: { step: find('confirm'), state: plan.steps.confirm, missing: [], recordedBySubmission: true },
    });
    expect(confirm.findAll('button')).toHaveLength(0);
  });
});

describe('AssetRow', () => {
  const asset: Asset = {
    id: 'asset-1',
    serviceId: null,
    kind: 'cash-balance',
    label: 'Balance',
    amount: { measure: 'money', minor: 1250, currency: 'CNY' },
    status: 'open',
    note: '',
    createdAt: AT,
    updatedAt: AT,
  };
  const mountRow = () =>
    mountIn(AssetRow, 'en', {
      props: { asset, services: [] },
      attachTo: document.body.appendChild(document.createElement('tbody')),
    });

  it('shows money as its decimal amount and saves an edit as minor units', async () => {
    const w = mountRow();
    const amount = w.get<HTMLInputElement>('[data-testid="asset-asset-1-amount"]');
    expect(amount.element.value).toBe('12.50');
    await amount.setValue('3.05');
    await amount.trigger('change');
    expect(w.emitted('save')?.[0]?.[0]).toMatchObject({
      amount: { measure: 'money', minor: 305, currency: 'CNY' },
    });
  });

  it('explains an invalid amount and stores nothing', async () => {
    const w = mountRow();
    const amount = w.get('[data-testid="asset-asset-1-amount"]');
    await amount.setValue('1.234');
    await amount.trigger('change');
    expect(w.emitted('save')).toBeUndefined();
    expect(amount.attributes('aria-invalid')).toBe('true');
    expect(document.body.textContent).toContain('at most 2 decimals');
    w.unmount();
  });

  it('saves the disposition at once', async () => {
    const w = mountRow();
    await w.get('[data-testid="asset-asset-1-status"]').setValue('forfeited');
    expect(w.emitted('save')?.[0]?.[0]).toMatchObject({ status: 'forfeited', amount: { minor: 1250 } });
    w.unmount();
  });

  it('marks an open asset used up with one press, and offers it only while the asset is open', async () => {
    const w = mountRow();
    const quick = w.get('[data-testid="asset-asset-1-emptied"]');
    expect(quick.attributes('aria-label')).toBe('Mark “Used or withdrawn”');
    await quick.trigger('click');
    expect(w.emitted('save')?.[0]?.[0]).toMatchObject({ status: 'emptied', amount: { minor: 1250 } });
    await w.setProps({ asset: { ...asset, status: 'emptied' } });
    expect(w.find('[data-testid="asset-asset-1-emptied"]').exists()).toBe(false);
    w.unmount();
  });
});

describe('BaseSelect', () => {
  const options = [
    { value: 'todo', label: 'To change' },
    { value: 'changed', label: 'Address changed' },
  ];
  it('offers the usual next answer as one button beside the list, only while another value is chosen', async () => {
    const w = mountIn(BaseSelect, 'en', {
      props: {
        id: 's',
        options,
        modelValue: 'todo',
        quick: { value: 'changed', label: 'Mark “Address changed”', testid: 's-changed' },
      },
    });
    await w.get('[data-testid="s-changed"]').trigger('click');
    expect(w.emitted('update:modelValue')).toEqual([['changed']]);
    await w.setProps({ modelValue: 'changed' });
    expect(w.find('[data-testid="s-changed"]').exists()).toBe(false);
    expect(w.get('select').element.value).toBe('changed');
  });
});

describe('ScreenError', () => {
  it('scrolls a new error into view', async () => {
    const seen: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      seen.push(this);
    };
    try {
      const w = mountIn(ScreenError, 'en', { props: { error: null }, attachTo: document.body });
      await w.setProps({ error: { code: 'mail.auth-failed' } });
      await nextTick();
      const box = w.get('[data-testid="screen-error"]');
      expect(seen).toEqual([box.element]);
      w.unmount();
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });
});

describe('MessageTemplates', () => {
  it('fills both languages with the old and the new address', async () => {
    const w = mountIn(MessageTemplates, 'zh-CN', { props: { oldAddress: 'old@163.com', planId: 'p1' } });
    const zh = () => w.get<HTMLTextAreaElement>('[data-testid="template-zh"]').element.value;
    const en = () => w.get<HTMLTextAreaElement>('[data-testid="template-en"]').element.value;
    expect(zh()).toContain('old@163.com');
    expect(zh()).toContain('（在这里填新地址）');
    // The English note's gap is in English, whatever the app's language; nothing to copy yet.
    expect(en()).toContain('(your new address here)');
    expect(en()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(w.get('[data-testid="template-en-copy"]').attributes('disabled')).toBeDefined();
    await w.get('[data-testid="template-new-address"]').setValue('new@example.org');
    await nextTick();
    expect(w.get('[data-testid="template-en-copy"]').attributes('disabled')).toBeUndefined();
    expect(zh()).toContain('new@example.org');
    expect(en()).toContain('I am closing my mail address old@163.com');
    expect(en()).toContain('new@example.org');
    expect(w.get('[data-testid="template-en"]').attributes('lang')).toBe('en');
  });

  it('keeps the new address for the plan when the screen is left and opened again', async () => {
    const pinia = createPinia();
    const open = (planId: string) =>
      mount(MessageTemplates, {
        props: { oldAddress: 'old@163.com', planId },
        global: { plugins: [createAppI18n('en'), pinia] },
      });
    const first = open('p1');
    await first.get('[data-testid="template-new-address"]').setValue('new@example.org');
    first.unmount();
    const again = open('p1');
    expect(again.get<HTMLInputElement>('[data-testid="template-new-address"]').element.value).toBe(
      'new@example.org',
    );
    expect(open('p2').get<HTMLInputElement>('[data-testid="template-new-address"]').element.value).toBe('');
  });
});

describe('ConfidenceBadge', () => {
  it('explains low confidence and carries the source', () => {
    const w = mountIn(ConfidenceBadge, 'en', {
      props: { confidence: 'low', source: 'netease-facts.md low', explain: true },
    });
    expect(w.text()).toContain('Unverified');
    expect(w.text()).toContain('go by what the NetEase page shows you');
    expect(w.get('[title]').attributes('title')).toBe('Source: netease-facts.md low');
  });

  it('marks nothing for facts we are fairly or very sure of (a badge on every line is noise)', () => {
    for (const confidence of ['medium', 'high'] as const)
      expect(mountIn(ConfidenceBadge, 'zh-CN', { props: { confidence, source: 'x' } }).text()).toBe('');
  });
});

describe('FindingRow', () => {
  const finding: DiscoveryFinding = {
    id: 'domain:jd.com',
    kind: 'domain',
    domain: 'jd.com',
    name: 'JD',
    knownName: { 'zh-CN': '京东', en: 'JD.com' },
    catalogServiceId: null,
    category: 'shopping',
    verdict: 'account',
    hasAccount: true,
    reason: { key: 'accountCue', params: { cue: '密码重置', count: 3 } },
    evidence: {
      messages: 12,
      lifecycle: 3,
      transaction: 4,
      activity: 0,
      marketing: 5,
      conversation: 0,
      bulk: 5,
      toSelf: 12,
      code: 0,
      spam: 0,
    },
    confidence: null,
    onBehalfOf: [],
    imitates: null,
    firstSeen: '2019-05-01T00:00:00.000Z',
    lastSeen: '2026-02-01T00:00:00.000Z',
    sampleSubjects: ['密码重置', '订单已发货'],
    hosts: ['jd.com'],
    suggest: 'site',
    rank: 10,
    inPlan: null,
  };

  it('shows the evidence and the reason, and adds as a site in one click', async () => {
    const w = mountIn(FindingRow, 'zh-CN', { props: { finding, busy: false } });
    expect(w.text()).toContain('京东');
    expect(w.text()).toContain('12');
    expect(w.text()).toContain('有 3 封与账号本身有关的邮件');
    expect(w.text()).toContain('订单已发货');
    expect(w.find('[data-testid="finding-add-service"]').exists()).toBe(false);
    await w.get('[data-testid="finding-add-site"]').trigger('click');
    expect(w.emitted('add')).toEqual([['site']]);
  });

  for (const [locale, words] of [
    ['zh-CN', '在邮件存档中查看这个发件人的邮件'],
    ['en', 'Show this sender’s mail in the archive'],
  ] as const)
    it(`opens the sender and each sample subject in the archive of the plan's backup (${locale})`, () => {
      const w = mountIn(FindingRow, locale, {
        props: { finding, busy: false, archiveDir: '/backups/163 邮件' },
      });
      const sender = w.get('[data-testid="finding-open-archive"]');
      expect(sender.text()).toBe(words);
      const url = new URL(sender.attributes('href')!, 'http://x');
      expect(url.pathname).toBe('/archive');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        dir: '/backups/163 邮件',
        q: 'jd.com',
        field: 'from',
      });
      const subjects = w.findAll('[data-testid="finding-open-subject"]');
      expect(subjects.map((s) => s.text())).toEqual(['密码重置', '订单已发货']);
      expect(Object.fromEntries(new URL(subjects[1]!.attributes('href')!, 'http://x').searchParams)).toEqual({
        dir: '/backups/163 邮件',
        q: '订单已发货',
        field: 'subject',
      });
    });

  it('has no archive links without a recorded backup, and no sender link for a mailing list', () => {
    const none = mountIn(FindingRow, 'en', { props: { finding, busy: false, archiveDir: null } });
    expect(none.find('[data-testid="finding-open-archive"]').exists()).toBe(false);
    expect(none.find('[data-testid="finding-open-subject"]').exists()).toBe(false);
    const list = mountIn(FindingRow, 'en', {
      props: {
        finding: { ...finding, id: 'list:news.jd.com', kind: 'list', domain: 'news.jd.com' },
        busy: false,
        archiveDir: '/b',
      },
    });
    expect(list.find('[data-testid="finding-open-archive"]').exists()).toBe(false);
    expect(list.findAll('[data-testid="finding-open-subject"]')).toHaveLength(2);
  });

  it('offers nothing more once the finding is in the plan', () => {
    const w = mountIn(FindingRow, 'en', {
      props: { finding: { ...finding, inPlan: { section: 'site', itemId: 'site-1' } }, busy: false },
    });
    expect(w.findAll('button')).toHaveLength(0);
    expect(w.get('[data-testid="finding-in-plan"]').text()).toContain('In the plan');
  });

  it('warns about a suspicious sender in both languages and offers no way to add it', () => {
    const phishing: DiscoveryFinding = {
      ...finding,
      id: 'domain:paypal-resolution.top',
      domain: 'paypal-resolution.top',
      name: 'PayPal',
      knownName: null,
      verdict: 'suspicious',
      hasAccount: false,
      suggest: null,
      imitates: 'paypal',
      reason: { key: 'brandMismatch', params: { brand: 'PayPal', domain: 'paypal-resolution.top' } },
    };
    const zh = mountIn(FindingRow, 'zh-CN', { props: { finding: phishing, busy: false } });
    expect(zh.get('[data-testid="finding-warning"]').text()).toContain('钓鱼');
    expect(zh.text()).toContain(
      '自称“PayPal”，却不是从“PayPal”的域名发出（发件域名：paypal-resolution.top）。',
    );
    expect(zh.findAll('button')).toHaveLength(0);
    const en = mountIn(FindingRow, 'en', { props: { finding: phishing, busy: false } });
    expect(en.get('[data-testid="finding-warning"]').text()).toContain('probably phishing');
    expect(en.findAll('button')).toHaveLength(0);
  });

  it('offers a NetEase product as a linked service, with how sure the mapping is', async () => {
    const product: DiscoveryFinding = {
      ...finding,
      id: 'netease:product.nsh',
      kind: 'netease',
      domain: 'netease.com',
      name: '网易游戏',
      knownName: { 'zh-CN': '逆水寒', en: 'Justice Online (逆水寒)' },
      category: 'game',
      verdict: 'netease-service',
      suggest: 'service',
      confidence: 'low',
      reason: { key: 'neteaseProduct', params: { service: '逆水寒', messages: 7 } },
    };
    const w = mountIn(FindingRow, 'zh-CN', { props: { finding: product, busy: false } });
    expect(w.get('h3').text()).toBe('逆水寒');
    expect(w.get('[data-confidence]').attributes('data-confidence')).toBe('low');
    expect(w.find('[data-testid="finding-add-site"]').exists()).toBe(false);
    await w.get('[data-testid="finding-add-service"]').trigger('click');
    expect(w.emitted('add')).toEqual([['service']]);
    expect(
      mountIn(FindingRow, 'en', { props: { finding: product, busy: false } })
        .get('h3')
        .text(),
    ).toBe('Justice Online (逆水寒)');
  });

  it('names whom a platform mailed for, and offers nothing to add', () => {
    const platform: DiscoveryFinding = {
      ...finding,
      id: 'domain:nuonuo.com',
      domain: 'nuonuo.com',
      knownName: { 'zh-CN': '诺诺发票', en: 'Nuonuo e-invoice' },
      verdict: 'on-behalf',
      hasAccount: false,
      suggest: null,
      onBehalfOf: ['上海盒马网络科技有限公司', '星巴克'],
      reason: { key: 'onBehalf', params: { merchant: '上海盒马网络科技有限公司' } },
    };
    const w = mountIn(FindingRow, 'zh-CN', { props: { finding: platform, busy: false } });
    expect(w.get('[data-testid="finding-merchants"]').text()).toBe(
      '代发对象：上海盒马网络科技有限公司、星巴克',
    );
    expect(w.findAll('button')).toHaveLength(0);
  });
});

describe('MailProgressPanel', () => {
  it('shows folders, messages, bytes, rate and time left', () => {
    const w = mountIn(MailProgressPanel, 'en', {
      props: {
        cancelling: false,
        progress: {
          jobId: 'j',
          phase: 'exporting',
          foldersDone: 2,
          foldersTotal: 5,
          currentFolder: '已发送',
          messagesDone: 1500,
          messagesTotal: 3000,
          bytesDone: 50_000_000,
          bytesTotal: 100_000_000,
          bytesPerSecond: 2_000_000,
          messagesPerSecond: 60,
          etaSeconds: 25,
        },
      },
    });
    expect(w.get('[data-testid="mail-progress-folders"]').text()).toBe('Folder 3 of 5'); // two done, the third being read
    expect(w.get('[data-testid="mail-progress-messages"]').text()).toBe('1,500 of 3,000 messages');
    expect(w.get('[data-testid="mail-progress-bytes"]').text()).toBe('50 MB of 100 MB');
    expect(w.text()).toContain('2 MB/s');
    expect(w.text()).toContain('Now: 已发送');
    expect(w.get('[data-testid="mail-progress-eta"]').text()).toBe('About 25 sec left');
    expect(w.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('50');
  });
});

describe('PlanCard', () => {
  it('counts blockers only while the plan is being prepared', async () => {
    const { default: PlanCard } = await import('../../../renderer/src/views/plans/PlanCard.vue');
    const { readiness } = await import('@common/readiness');
    const plan = freshPlan();
    const deciding = mountIn(PlanCard, 'en', { props: { plan, readiness: readiness(plan, AT) } });
    expect(deciding.find('[data-testid="plan-card-blockers"]').exists()).toBe(false);
    const preparing = { ...plan, phase: 'preparing' as const };
    const r = readiness(preparing, AT);
    const card = mountIn(PlanCard, 'en', { props: { plan: preparing, readiness: r } });
    expect(card.find('[data-testid="plan-card-blockers"]').text()).toContain(String(r.blockers.length));
  });
});
