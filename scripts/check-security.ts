/**
 * npm run check:security: Electronegativity over main, preload and the built renderer, gated on
 * its SARIF report (0 high, 0 medium unless accepted with a reason in
 * security/accepted-findings.json), then `npm audit --omit=dev` (0 high or critical unless
 * accepted). The webPreferences / CSP / request-filter tests run just before this (package.json).
 */
import { execFile } from 'node:child_process';
import { access, cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  acceptedFindingsSchema,
  findingsFromReports,
  judgeAudit,
  judgeFindings,
  type Finding,
  type ScannedIssue,
} from './security/gate';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const ELECTRON_VERSION = '45.5.0';
const SCANNED = { main: 'electron/main', preload: 'electron/preload', renderer: 'out/renderer' } as const;

const show = (f: Finding): string =>
  `${f.severity.padEnd(13)} ${f.rule}  ${f.file || '(app)'}:${f.line}  ${f.message}`;

interface ScanResult {
  errors: { file: string; message: string; tolerable?: boolean }[];
  issues: ScannedIssue[];
}

/**
 * Electronegativity's own runner, as its CLI calls it, so the parse errors it keeps to itself when
 * writing a report (the CLI prints them only without -o) are visible: an unparsed file is unchecked.
 */
async function electronegativity(scanDir: string, sarifPath: string): Promise<ScanResult> {
  const runner = createRequire(import.meta.url)('@doyensec/electronegativity') as (
    options: Record<string, unknown>,
    forCli: boolean,
  ) => Promise<ScanResult>;
  const result = await runner(
    {
      input: scanDir,
      output: sarifPath,
      isSarif: true,
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: ELECTRON_VERSION,
    },
    false,
  );
  // The runner writes the report with a callback it does not wait for.
  for (let i = 0; i < 100; i++) {
    const ready = await readFile(sarifPath, 'utf8').then(
      (t) => t.trimEnd().endsWith('}'),
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return result;
}

async function scan(accepted: ReturnType<typeof acceptedFindingsSchema.parse>): Promise<boolean> {
  await access(join(root, SCANNED.renderer, 'index.html')).catch(() => {
    throw new Error(`${SCANNED.renderer}/index.html is missing: build first (npm run check:security does)`);
  });
  const work = await mkdtemp(join(tmpdir(), 'closeout-security-'));
  try {
    // One folder holding the three inputs, so one scan (and its global checks, e.g. CSP) sees them all.
    const scanDir = join(work, 'scan');
    await mkdir(scanDir);
    for (const [name, from] of Object.entries(SCANNED))
      await cp(join(root, from), join(scanDir, name), { recursive: true });

    const sarifPath = join(work, 'electronegativity.sarif');
    const { errors, issues } = await electronegativity(scanDir, sarifPath);
    const fatal = errors.filter((e) => !e.tolerable);
    for (const e of errors)
      console.log(`  ${e.tolerable ? 'tolerable parse error' : 'PARSE ERROR'}: ${e.file}: ${e.message}`);
    if (fatal.length > 0)
      throw new Error('Electronegativity could not parse every file; an unparsed file is unchecked');
    const findings = findingsFromReports(JSON.parse(await readFile(sarifPath, 'utf8')) as unknown, issues);
    await mkdir(join(root, '.tmp'), { recursive: true });
    await cp(sarifPath, join(root, '.tmp', 'electronegativity.sarif'));

    const verdict = judgeFindings(findings, accepted);
    console.log(
      `Electronegativity ${ELECTRON_VERSION}: ${findings.length} findings over ${Object.values(SCANNED).join(', ')}`,
    );
    for (const f of verdict.blocking) console.log(`  BLOCKING  ${show(f)}`);
    for (const { finding, reason } of verdict.accepted)
      console.log(`  accepted  ${show(finding)}\n            reason: ${reason}`);
    for (const f of verdict.informational) console.log(`  low/info  ${show(f)}`);
    for (const a of verdict.unused)
      console.log(`  stale accepted entry (matches nothing; remove it): ${a.rule} ${a.file}`);
    console.log(`  SARIF report: .tmp/electronegativity.sarif`);
    return verdict.blocking.length === 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function audit(accepted: ReturnType<typeof acceptedFindingsSchema.parse>): Promise<boolean> {
  // npm audit exits non-zero whenever it finds anything; the JSON is what counts.
  const output = await run('npm', ['audit', '--omit=dev', '--json'], {
    cwd: root,
    maxBuffer: 32 * 1024 * 1024,
  }).then(
    (r) => r.stdout,
    (e: { stdout?: string }) => e.stdout ?? '',
  );
  let json: unknown;
  try {
    json = JSON.parse(output);
  } catch {
    json = { message: 'npm audit printed no JSON' };
  }
  const verdict = judgeAudit(json, accepted);
  if (verdict.kind === 'unavailable') {
    console.log(`npm audit --omit=dev: UNAVAILABLE (${verdict.detail})`);
    if (verdict.acceptedReason === null) {
      console.log(
        '  not accepted: set "auditUnavailable" with a reason in security/accepted-findings.json, or fix the registry',
      );
      return false;
    }
    console.log(`  accepted as unavailable: ${verdict.acceptedReason}`);
    return true;
  }
  console.log(`npm audit --omit=dev: ${verdict.counts}`);
  for (const b of verdict.blocking) console.log(`  BLOCKING  ${b}`);
  for (const a of verdict.accepted) console.log(`  accepted  ${a.package}: ${a.reason}`);
  return verdict.blocking.length === 0;
}

const accepted = acceptedFindingsSchema.parse(
  JSON.parse(await readFile(join(root, 'security/accepted-findings.json'), 'utf8')) as unknown,
);
const scanOk = await scan(accepted);
const auditOk = await audit(accepted);
if (!scanOk || !auditOk) {
  console.error('check:security FAILED');
  process.exit(1);
}
console.log('check:security passed');
