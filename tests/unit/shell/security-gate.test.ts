import { describe, expect, it } from 'vitest';
import {
  acceptedFindingsSchema,
  findingsFromReports,
  judgeAudit,
  judgeFindings,
  type AcceptedFindings,
  type ScannedIssue,
} from '../../../scripts/security/gate';
import acceptedFile from '../../../security/accepted-findings.json' with { type: 'json' };

// Shaped like Electronegativity 1.10.3's SARIF output (util/file.js writeIssues).
function sarif(results: { rule: string; uri: string; line: number }[]) {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', rules: [] } },
        results: results.map((r) => ({
          ruleId: r.rule,
          level: 'warning',
          message: { text: `${r.rule} message` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.uri },
                region: { startLine: r.line, startColumn: 1 },
              },
            },
          ],
        })),
      },
    ],
  };
}

const issue = (id: string, file: string, line: number, severity: string): ScannedIssue => ({
  id,
  file,
  location: { line },
  severity: { name: severity },
});

const none: AcceptedFindings = { electronegativity: [], audit: [], auditUnavailable: null };
const REASON = 'Reviewed by hand: this is why the finding is acceptable here.';

describe('Electronegativity verdict', () => {
  const report = sarif([
    { rule: 'CONTEXT_ISOLATION_JS_CHECK', uri: 'main/electron/window.ts', line: 10 },
    { rule: 'PRELOAD_JS_CHECK', uri: 'main/electron/window.ts', line: 20 },
    { rule: 'CSP_GLOBAL_CHECK', uri: 'renderer/index.html', line: 4 },
    { rule: 'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK', uri: 'file:///', line: 1 },
  ]);
  const issues = [
    issue('CONTEXT_ISOLATION_JS_CHECK', 'main/electron/window.ts', 10, 'HIGH'),
    issue('PRELOAD_JS_CHECK', 'main/electron/window.ts', 20, 'MEDIUM'),
    issue('CSP_GLOBAL_CHECK', 'renderer/index.html', 4, 'LOW'),
  ];

  it('joins each SARIF result with its severity, and treats an unexplained one as HIGH', () => {
    const findings = findingsFromReports(report, issues);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['CONTEXT_ISOLATION_JS_CHECK', 'HIGH'],
      ['PRELOAD_JS_CHECK', 'MEDIUM'],
      ['CSP_GLOBAL_CHECK', 'LOW'],
      ['AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK', 'HIGH'],
    ]);
    expect(findings[3]!.file).toBe('');
  });

  it('blocks high and medium findings unless accepted for that rule and file', () => {
    const findings = findingsFromReports(report, issues);
    const accepted = {
      ...none,
      electronegativity: [{ rule: 'PRELOAD_JS_CHECK', file: 'main/electron/window.ts', reason: REASON }],
    };
    const verdict = judgeFindings(findings, accepted);
    expect(verdict.blocking.map((f) => f.rule)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
      'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK',
    ]);
    expect(verdict.accepted.map((a) => a.finding.rule)).toEqual(['PRELOAD_JS_CHECK']);
    expect(verdict.informational.map((f) => f.rule)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(verdict.unused).toEqual([]);
  });

  it('does not let an acceptance for one file cover another, and reports stale acceptances', () => {
    const findings = findingsFromReports(
      sarif([{ rule: 'PRELOAD_JS_CHECK', uri: 'main/other.ts', line: 3 }]),
      [issue('PRELOAD_JS_CHECK', 'main/other.ts', 3, 'MEDIUM')],
    );
    const accepted = {
      ...none,
      electronegativity: [{ rule: 'PRELOAD_JS_CHECK', file: 'main/electron/window.ts', reason: REASON }],
    };
    const verdict = judgeFindings(findings, accepted);
    expect(verdict.blocking).toHaveLength(1);
    expect(verdict.unused).toEqual(accepted.electronegativity);
  });

  it('refuses a report that is not one SARIF run', () => {
    expect(() => findingsFromReports({ runs: [] }, [])).toThrow();
    expect(() => findingsFromReports({ nope: true }, [])).toThrow();
  });
});

describe('accepted-findings config', () => {
  it('requires a real reason for every acceptance', () => {
    expect(() =>
      acceptedFindingsSchema.parse({ ...none, electronegativity: [{ rule: 'X', file: 'y', reason: 'ok' }] }),
    ).toThrow();
    expect(() => acceptedFindingsSchema.parse({ ...none, audit: [{ package: 'x', reason: '' }] })).toThrow();
  });

  it('parses the committed file', () => {
    expect(() => acceptedFindingsSchema.parse(acceptedFile)).not.toThrow();
  });
});

describe('npm audit verdict', () => {
  const auditReport = (vulns: Record<string, string>) => ({
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(
      Object.entries(vulns).map(([name, severity]) => [name, { name, severity }]),
    ),
    metadata: {
      vulnerabilities: {
        info: 0,
        low: 0,
        moderate: Object.values(vulns).filter((s) => s === 'moderate').length,
        high: Object.values(vulns).filter((s) => s === 'high').length,
        critical: Object.values(vulns).filter((s) => s === 'critical').length,
        total: Object.keys(vulns).length,
      },
    },
  });

  it('passes a clean report and blocks high and critical', () => {
    expect(judgeAudit(auditReport({}), none)).toMatchObject({ kind: 'report', blocking: [] });
    const verdict = judgeAudit(auditReport({ a: 'high', b: 'critical', c: 'moderate' }), none);
    expect(verdict).toMatchObject({ kind: 'report', blocking: ['a (high)', 'b (critical)'] });
  });

  it('lets an explained package through', () => {
    const accepted = { ...none, audit: [{ package: 'a', reason: REASON }] };
    expect(judgeAudit(auditReport({ a: 'high' }), accepted)).toMatchObject({
      kind: 'report',
      blocking: [],
      accepted: [{ package: 'a', reason: REASON }],
    });
  });

  it('reports an unreachable advisory endpoint as unavailable, accepted only when explained', () => {
    const failure = {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    };
    expect(judgeAudit(failure, none)).toEqual({
      kind: 'unavailable',
      detail: failure.message,
      acceptedReason: null,
    });
    expect(judgeAudit(failure, { ...none, auditUnavailable: { reason: REASON } })).toMatchObject({
      kind: 'unavailable',
      acceptedReason: REASON,
    });
  });
});
