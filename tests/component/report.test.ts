import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { RISK_IDS } from '@common/catalog';
import { STEP_IDS } from '@common/catalog/steps';
import { apply, cny, emptyDocument, type PlanCommand, type VaultDocument } from '@common/model';
import { createAppI18n } from '../../renderer/src/i18n';
import type { Locale } from '../../renderer/src/i18n/types';
import { buildReport, reportToHtml, reportToMarkdown, type Report } from '../../renderer/src/lib/report';
import ReportDocument from '../../renderer/src/views/report/ReportDocument.vue';

/**
 * The closure report through its public functions, with the app's real messages: what a user
 * typed (notes with pipes and line breaks, names with markup) cannot break the Markdown table or
 * inject into the printed page, and every section is there in both languages, with no key left
 * untranslated.
 */
const T0 = Date.parse('2026-03-01T08:00:00.000Z');
const at = (days: number) => new Date(T0 + days * 86_400_000).toISOString();
const P = 'plan-1';
const SECTIONS = [
  'decision',
  'risks',
  'steps',
  'backups',
  'services',
  'assets',
  'sites',
  'contacts',
  'submission',
  'history',
];
const PIPE_NOTE = 'paid 30 | refunded 30\nsecond line';
const SCRIPT_NAME = '<script>alert("x")</script> & co';

function document(): VaultDocument {
  const commands: PlanCommand[] = [
    { type: 'plan.create', planId: P, address: 'report.test@163.com' },
    { type: 'plan.decide', planId: P },
    ...RISK_IDS.map((riskId): PlanCommand => ({
      type: 'risk.acknowledge',
      planId: P,
      riskId,
      acknowledged: true,
    })),
    { type: 'step.set', planId: P, stepId: 'login', status: 'done', note: PIPE_NOTE },
    { type: 'service.set-status', planId: P, serviceId: 'music', status: 'cleared' },
    {
      type: 'asset.upsert',
      planId: P,
      asset: {
        id: 'a1',
        serviceId: null,
        kind: 'cash-balance',
        label: 'Wallet | main',
        amount: cny(1234),
        status: 'emptied',
      },
    },
    {
      type: 'site.upsert',
      planId: P,
      site: { id: 's1', name: 'Bank', domain: 'bank.example', category: 'bank', status: 'changed' },
    },
    { type: 'contact.upsert', planId: P, contact: { id: 'c1', name: SCRIPT_NAME, status: 'told' } },
    { type: 'backup.set', planId: P, kind: 'mail', status: 'done' },
  ];
  let doc = emptyDocument(at(0));
  commands.forEach((c, i) => {
    const r = apply(doc, c, at(i));
    if (!r.ok) throw new Error(`${c.type}: ${r.error.code}`);
    doc = r.value.doc;
  });
  return doc;
}

function withCommands(doc: VaultDocument, commands: PlanCommand[], from: number): VaultDocument {
  commands.forEach((c, i) => {
    const r = apply(doc, c, at(from + i));
    if (!r.ok) throw new Error(`${c.type}: ${r.error.code}`);
    doc = r.value.doc;
  });
  return doc;
}

function report(locale: Locale, doc = document()): Report {
  const i18n = createAppI18n(locale);
  const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {}, { locale });
  return buildReport(
    doc.plans[0]!,
    doc.history.filter((h) => h.planId === P),
    locale,
    t,
    Date.parse(at(30)),
  );
}

const allText = (r: Report) => [
  r.title,
  ...r.lines,
  ...r.sections.flatMap((s) => [
    s.heading,
    s.empty,
    ...s.lines,
    ...(s.table ? [...s.table.columns, ...s.table.rows.flat()] : []),
  ]),
];

describe.each(['zh-CN', 'en'] as const)('closure report (%s)', (locale) => {
  const lines = (r: Report, id: string) => r.sections.find((s) => s.id === id)!.lines;

  it('claims no decision for a plan still deciding, and says what was decided once it is', () => {
    // An outside tester's new plan read "决定注销这个账号。" in the document meant as proof.
    const fresh = withCommands(
      emptyDocument(at(0)),
      [{ type: 'plan.create', planId: P, address: 'report.test@163.com' }],
      0,
    );
    const undecided = lines(report(locale, fresh), 'decision')[0];
    expect(undecided).toBe(
      locale === 'en' ? 'No decision yet on whether to close the account.' : '还没有决定是否注销这个账号。',
    );
    expect(lines(report(locale), 'decision')[0]).toBe(
      locale === 'en' ? 'Decided to close the account.' : '决定注销这个账号。',
    );
    // Taken back to the decision: undecided again.
    const back = withCommands(document(), [{ type: 'plan.reconsider', planId: P }], 20);
    expect(lines(report(locale, back), 'decision')[0]).toBe(undecided);
  });

  it('writes no dash into a sentence for a withdrawn request', () => {
    const withdrawn = withCommands(
      document(),
      [
        ...STEP_IDS.filter((s) => s !== 'confirm').map((stepId): PlanCommand => ({
          type: 'step.set',
          planId: P,
          stepId,
          status: 'done',
        })),
        { type: 'plan.submit', planId: P, override: { reason: 'test' } },
        { type: 'plan.withdraw', planId: P },
      ],
      20,
    );
    const submission = lines(report(locale, withdrawn), 'submission');
    expect(submission.join('\n')).not.toContain('—');
    expect(submission).toContain(locale === 'en' ? 'Cooling-off period of 15 days.' : '冷静期 15 天。');
  });

  it('has every section, and every text is translated', () => {
    const r = report(locale);
    expect(r.sections.map((s) => s.id)).toEqual(SECTIONS);
    for (const text of allText(r)) {
      // vue-i18n answers a missing key with the key itself.
      expect(text).not.toMatch(/^(report|domain)\.[\w.-]+$/);
      expect(text).not.toMatch(/\{\w+\}/);
    }
    expect(r.title).toContain('report.test@163.com');
    for (const id of ['risks', 'steps', 'services', 'assets', 'sites', 'contacts', 'backups']) {
      expect(r.sections.find((s) => s.id === id)?.table?.rows.length, id).toBeGreaterThan(0);
    }
  });

  it('Markdown: every section heading, and pipes and line breaks in notes stay inside their cell', () => {
    const r = report(locale);
    const md = reportToMarkdown(r);
    expect(md.startsWith(`# ${r.title}\n`)).toBe(true);
    for (const s of r.sections) expect(md).toContain(`\n## ${s.heading}\n`);

    const stepRow = md.split('\n').find((l) => l.includes('paid 30'));
    expect(stepRow).toBeDefined();
    expect(stepRow).toContain('paid 30 \\| refunded 30 second line');
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    const header = md
      .split('\n')
      .find(
        (l) => l.startsWith('| ') && l.includes(r.sections.find((s) => s.id === 'steps')!.table!.columns[3]!),
      )!;
    expect(cells(stepRow!)).toBe(cells(header));
    expect(md).toContain('Wallet \\| main');
    expect(md).not.toContain('refunded 30\nsecond');
  });

  it('HTML: user text is escaped, every section is a heading, nothing is loaded or run', () => {
    const r = report(locale);
    const html = reportToHtml(r);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain(`<h1>${r.title}</h1>`);
    for (const s of r.sections) expect(html).toContain(`<h2>${s.heading}</h2>`);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(link|img|iframe|object)\b|\bsrc=|\bhref=/i);
  });

  it('the on-screen view shows the same sections and keeps markup as text', () => {
    const r = report(locale);
    const wrapper = mount(ReportDocument, { props: { report: r, label: 'preview' } });
    expect(wrapper.get('[data-testid="report-title"]').text()).toBe(r.title);
    expect(wrapper.attributes('lang')).toBe(locale);
    for (const s of r.sections)
      expect(wrapper.get(`[data-testid="report-section-${s.id}"] h4`).text()).toBe(s.heading);
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.text()).toContain(SCRIPT_NAME);
  });
});
