/**
 * The security gate's decisions, as pure functions over the tools' outputs: Electronegativity's
 * SARIF report (what was found, where) joined with the severities its API returns for the same
 * scan (SARIF does not carry them), and `npm audit --json`. Accepted findings come from security/accepted-findings.json, each with
 * its reason.
 */
import { z } from 'zod';

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];
const BLOCKING: readonly Severity[] = ['MEDIUM', 'HIGH'];

const reason = z.string().trim().min(20, 'an accepted finding needs a real reason');

export const acceptedFindingsSchema = z
  .object({
    electronegativity: z.array(
      z.object({ rule: z.string().min(1), file: z.string().min(1), reason }).strict(),
    ),
    audit: z.array(z.object({ package: z.string().min(1), reason }).strict()),
    /** Set when the registry refuses npm's advisory endpoint, so audit cannot run at all. */
    auditUnavailable: z.object({ reason }).strict().nullable(),
  })
  .strict();
export type AcceptedFindings = z.infer<typeof acceptedFindingsSchema>;

export interface Finding {
  rule: string;
  file: string;
  line: number;
  severity: Severity;
  message: string;
}

const sarifSchema = z.object({
  runs: z
    .array(
      z.object({
        results: z.array(
          z.object({
            ruleId: z.string(),
            message: z.object({ text: z.string() }),
            locations: z
              .array(
                z.object({
                  physicalLocation: z.object({
                    artifactLocation: z.object({ uri: z.string() }),
                    region: z.object({ startLine: z.number() }).optional(),
                  }),
                }),
              )
              .min(1),
          }),
        ),
      }),
    )
    .length(1),
});

const normaliseFile = (file: string): string =>
  file === 'N/A' || file === 'file:///' ? '' : file.replaceAll('\\', '/');
const key = (rule: string, file: string, line: number): string =>
  `${rule}|${normaliseFile(file)}|${Math.max(line, 1)}`;

/** What Electronegativity's API returns for one issue (the part the gate reads). */
export interface ScannedIssue {
  id: string;
  file: string;
  location: { line: number };
  severity: { name: string };
}

/**
 * Findings from the SARIF report, each with the severity the same scan's issue list gives it
 * (SARIF carries none). A SARIF finding the issue list does not explain counts as HIGH: unknown is
 * never treated as harmless.
 */
export function findingsFromReports(sarifJson: unknown, issues: readonly ScannedIssue[]): Finding[] {
  const sarif = sarifSchema.parse(sarifJson);
  const severityByKey = new Map<string, Severity>();
  for (const issue of issues) {
    const sev = SEVERITIES.find((s) => s === issue.severity.name.toUpperCase()) ?? 'HIGH';
    const k = key(issue.id, issue.file, issue.location.line);
    const prev = severityByKey.get(k);
    if (prev === undefined || SEVERITIES.indexOf(sev) > SEVERITIES.indexOf(prev)) severityByKey.set(k, sev);
  }
  return sarif.runs[0]!.results.map((r) => {
    const loc = r.locations[0]!.physicalLocation;
    const file = normaliseFile(loc.artifactLocation.uri);
    const line = loc.region?.startLine ?? 1;
    return {
      rule: r.ruleId,
      file,
      line,
      severity: severityByKey.get(key(r.ruleId, file, line)) ?? 'HIGH',
      message: r.message.text,
    };
  });
}

export interface ScanVerdict {
  blocking: Finding[];
  accepted: { finding: Finding; reason: string }[];
  informational: Finding[];
  /** Accepted entries that matched nothing: stale, to be removed from the config. */
  unused: AcceptedFindings['electronegativity'];
}

export function judgeFindings(findings: readonly Finding[], accepted: AcceptedFindings): ScanVerdict {
  const verdict: ScanVerdict = { blocking: [], accepted: [], informational: [], unused: [] };
  const used = new Set<number>();
  for (const finding of findings) {
    const index = accepted.electronegativity.findIndex(
      (a) => a.rule === finding.rule && a.file === finding.file,
    );
    if (!BLOCKING.includes(finding.severity)) verdict.informational.push(finding);
    else if (index >= 0) {
      used.add(index);
      verdict.accepted.push({ finding, reason: accepted.electronegativity[index]!.reason });
    } else verdict.blocking.push(finding);
  }
  verdict.unused = accepted.electronegativity.filter((_, i) => !used.has(i));
  return verdict;
}

const auditReportSchema = z.object({
  vulnerabilities: z.record(z.string(), z.object({ name: z.string(), severity: z.string() })),
  metadata: z.object({
    vulnerabilities: z.object({ high: z.number(), critical: z.number() }).loose(),
  }),
});

export type AuditVerdict =
  | { kind: 'report'; blocking: string[]; accepted: { package: string; reason: string }[]; counts: string }
  | { kind: 'unavailable'; detail: string; acceptedReason: string | null };

/** `npm audit --omit=dev --json` output: high and critical block unless accepted by package name. */
export function judgeAudit(auditJson: unknown, accepted: AcceptedFindings): AuditVerdict {
  const report = auditReportSchema.safeParse(auditJson);
  if (!report.success) {
    const detail =
      typeof auditJson === 'object' && auditJson !== null && 'message' in auditJson
        ? String((auditJson as { message: unknown }).message)
        : 'npm audit did not produce a report';
    return { kind: 'unavailable', detail, acceptedReason: accepted.auditUnavailable?.reason ?? null };
  }
  const blocking: string[] = [];
  const acceptedHits: { package: string; reason: string }[] = [];
  for (const v of Object.values(report.data.vulnerabilities)) {
    if (v.severity !== 'high' && v.severity !== 'critical') continue;
    const entry = accepted.audit.find((a) => a.package === v.name);
    if (entry) acceptedHits.push({ package: v.name, reason: entry.reason });
    else blocking.push(`${v.name} (${v.severity})`);
  }
  const m = report.data.metadata.vulnerabilities;
  return {
    kind: 'report',
    blocking,
    accepted: acceptedHits,
    counts: `high ${m.high}, critical ${m.critical}`,
  };
}
