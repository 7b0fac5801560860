/**
 * The closure report: what was done and when, for one plan, in the language the user picks (which
 * may differ from the app's). One model, three renderings: the on-screen view, Markdown, and a
 * self-contained HTML page that Chromium prints to PDF (no scripts, no remote resources).
 */
import { alternatives } from '@common/catalog/alternatives';
import { assetKinds } from '@common/catalog/asset-kinds';
import { preparations } from '@common/catalog/preparations';
import { risks } from '@common/catalog/risks';
import { catalogServiceById } from '@common/catalog/services';
import { steps } from '@common/catalog/steps';
import type { Text } from '@common/catalog/types';
import { textIn } from '../i18n/catalog-text';
import type { HistoryEntry } from '@common/model/history-entry';
import type { Plan } from '@common/model/plan';
import type { Amount } from '@common/model/primitives';
import { formatDateTime, formatMoney, formatNumber } from '../i18n/format';
import type { Locale } from '../i18n/types';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface ReportTable {
  columns: string[];
  rows: string[][];
}

export interface ReportSection {
  id: string;
  heading: string;
  /** Sentences before the table. */
  lines: string[];
  table: ReportTable | null;
  /** Shown instead of the table when it has no rows. */
  empty: string;
}

export interface Report {
  locale: Locale;
  title: string;
  lines: string[];
  sections: ReportSection[];
}

const text = (locale: Locale, x: Text) => textIn(locale, x);

export function formatAmount(locale: Locale, amount: Amount): string {
  return amount.measure === 'money'
    ? formatMoney(locale, amount.minor, amount.currency)
    : `${formatNumber(locale, amount.amount)} ${amount.unit}`;
}

export function buildReport(
  plan: Plan,
  history: HistoryEntry[],
  locale: Locale,
  t: Translate,
  generatedAt: number,
): Report {
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(locale, iso) : '—');
  const status = (group: string, value: string) => t(`domain.${group}.${value}`);
  const section = (id: string, lines: string[], table: ReportTable | null): ReportSection => ({
    id,
    heading: t(`report.section.${id}`),
    lines,
    table: table && table.rows.length ? table : null,
    empty: t('report.none'),
  });

  // A plan still deciding (new, or taken back to the decision) has decided nothing yet.
  const decision = plan.decision.alternativeId
    ? t('report.decision.kept', {
        alternative: text(locale, alternatives.find((a) => a.id === plan.decision.alternativeId)!.title),
      })
    : plan.phase === 'deciding' || !plan.decision.decidedAt
      ? t('report.decision.undecided')
      : t('report.decision.close');

  const sub = plan.submission;
  const submissionLines: string[] = [];
  if (sub) {
    submissionLines.push(t('report.submission.submittedAt', { at: when(sub.submittedAt) }));
    if (sub.override)
      submissionLines.push(
        t('report.submission.override', { reason: sub.override.reason, count: sub.blockers.length }),
      );
    // A withdrawn request's period has no end any more: its length only, never a dash in a sentence.
    submissionLines.push(
      plan.coolingOff.endsAt
        ? t('report.submission.coolingOff', { days: plan.coolingOff.days, end: when(plan.coolingOff.endsAt) })
        : t('report.submission.coolingOffDays', { days: plan.coolingOff.days }),
    );
  } else {
    submissionLines.push(t('report.submission.notYet'));
  }
  if (plan.withdrawnAt)
    submissionLines.push(t('report.submission.withdrawn', { at: when(plan.withdrawnAt) }));
  if (plan.closedAt) submissionLines.push(t('report.submission.closed', { at: when(plan.closedAt) }));

  const backupRows = preparations
    .filter((p) => p.backupKind)
    .map((p) => {
      const b = plan.backups[p.backupKind!];
      const v = b.verification;
      return [
        text(locale, p.title),
        status('backupStatus', b.status),
        v
          ? t('report.backup.verified', {
              messages: formatNumber(locale, v.messages),
              folders: formatNumber(locale, v.folders),
              at: when(v.verifiedAt),
            })
          : '—',
        when(b.updatedAt),
      ];
    });

  const historyLines =
    history.length === 0
      ? []
      : [
          t('report.history.summary', {
            count: formatNumber(locale, history.length),
            first: when(history[0]!.at),
            last: when(history[history.length - 1]!.at),
          }),
        ];

  return {
    locale,
    title: t('report.title', { address: plan.address }),
    lines: [
      t('report.generatedAt', { at: formatDateTime(locale, generatedAt) }),
      t('report.status', { phase: status('phase', plan.phase) }),
      t('report.created', { at: when(plan.createdAt) }),
    ],
    sections: [
      section(
        'decision',
        [
          decision,
          ...(plan.decision.decidedAt
            ? [t('report.decision.at', { at: when(plan.decision.decidedAt) })]
            : []),
        ],
        null,
      ),
      section('risks', [], {
        columns: [t('report.col.risk'), t('report.col.acknowledgedAt')],
        rows: risks.map((r) => [text(locale, r.title), when(plan.risks[r.id].acknowledgedAt)]),
      }),
      section('steps', [], {
        columns: [t('report.col.step'), t('report.col.status'), t('report.col.doneAt'), t('report.col.note')],
        rows: steps.map((s) => {
          const st = plan.steps[s.id];
          return [text(locale, s.title), status('stepStatus', st.status), when(st.doneAt), st.note];
        }),
      }),
      section('backups', [], {
        columns: [
          t('report.col.backup'),
          t('report.col.status'),
          t('report.col.verification'),
          t('report.col.updatedAt'),
        ],
        rows: backupRows,
      }),
      section('services', [], {
        columns: [t('report.col.service'), t('report.col.status'), t('report.col.updatedAt')],
        rows: plan.services.map((s) => {
          const c = s.catalogId ? catalogServiceById(s.catalogId) : undefined;
          const name = s.name || (c ? text(locale, c.name) : s.id);
          return [name, status('serviceStatus', s.status), when(s.updatedAt)];
        }),
      }),
      section('assets', [], {
        columns: [
          t('report.col.asset'),
          t('report.col.kind'),
          t('report.col.amount'),
          t('report.col.disposition'),
          t('report.col.updatedAt'),
        ],
        rows: plan.assets.map((a) => [
          a.label,
          text(locale, assetKinds.find((k) => k.id === a.kind)!.name),
          formatAmount(locale, a.amount),
          status('assetStatus', a.status),
          when(a.updatedAt),
        ]),
      }),
      section('sites', [], {
        columns: [t('report.col.site'), t('report.col.status'), t('report.col.updatedAt')],
        rows: plan.sites.map((s) => [
          s.domain ? `${s.name} (${s.domain})` : s.name,
          status('siteStatus', s.status),
          when(s.updatedAt),
        ]),
      }),
      section('contacts', [], {
        columns: [t('report.col.contact'), t('report.col.status'), t('report.col.updatedAt')],
        rows: plan.contacts.map((c) => [c.name, status('contactStatus', c.status), when(c.updatedAt)]),
      }),
      section('submission', submissionLines, null),
      section('history', historyLines, null),
    ],
  };
}

const mdCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const mdLine = (s: string) => s.replace(/^([#>*+-]|\d+\.)/, '\\$1');

export function reportToMarkdown(report: Report): string {
  const out: string[] = [`# ${mdCell(report.title)}`, '', ...report.lines.map((l) => `${mdLine(l)}  `), ''];
  for (const s of report.sections) {
    out.push(`## ${mdCell(s.heading)}`, '');
    for (const l of s.lines) out.push(mdLine(l), '');
    if (s.table) {
      out.push(`| ${s.table.columns.map(mdCell).join(' | ')} |`);
      out.push(`| ${s.table.columns.map(() => '---').join(' | ')} |`);
      for (const r of s.table.rows) out.push(`| ${r.map((c) => mdCell(c || ' ')).join(' | ')} |`);
      out.push('');
    } else if (s.lines.length === 0) {
      out.push(`_${s.empty}_`, '');
    }
  }
  return out.join('\n');
}

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A standalone page for printing: every value escaped, the only style inline, nothing loaded. */
export function reportToHtml(report: Report): string {
  const body = report.sections
    .map((s) => {
      const lines = s.lines.map((l) => `<p>${esc(l)}</p>`).join('');
      const table = s.table
        ? `<table><thead><tr>${s.table.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${s.table.rows
            .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`
        : s.lines.length === 0
          ? `<p class="empty">${esc(s.empty)}</p>`
          : '';
      return `<section><h2>${esc(s.heading)}</h2>${lines}${table}</section>`;
    })
    .join('');
  return `<!doctype html><html lang="${report.locale}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${esc(report.title)}</title><style>${PRINT_CSS}</style></head><body><h1>${esc(report.title)}</h1>${report.lines
    .map((l) => `<p class="meta">${esc(l)}</p>`)
    .join('')}${body}</body></html>`;
}

const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; font-size: 11pt; color: #1f2328; line-height: 1.5; }
h1 { font-size: 18pt; margin: 0 0 6pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #d0d7de; padding-bottom: 2pt; }
p { margin: 3pt 0; }
p.meta { color: #57606a; }
p.empty { color: #57606a; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #d0d7de; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
`;
