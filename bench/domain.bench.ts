/**
 * Closure domain: one command applied and readiness recomputed, on a plan with 500 services,
 * 500 assets, 500 sites and 10,000 history entries, next to a structuredClone of the same document
 * (the cost of the naive "copy everything" reducer). Target: median under 1 ms and under 2x the clone.
 */
import { apply, cny, emptyDocument, type PlanCommand, type VaultDocument } from '../electron/common/model';
import { readiness } from '../electron/common/readiness';

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const P = 'bench';

function must(doc: VaultDocument, c: PlanCommand, now: string): VaultDocument {
  const r = apply(doc, c, now);
  if (!r.ok) throw new Error(`${c.type}: ${r.error.code}`);
  return r.value.doc;
}

function buildDocument(): VaultDocument {
  let t = T0;
  const now = () => iso((t += 1000));
  let doc = must(emptyDocument(iso(T0)), { type: 'plan.create', planId: P, address: 'bench@163.com' }, now());
  doc = must(doc, { type: 'plan.decide', planId: P }, now());
  for (let i = 0; i < 500; i++) {
    doc = must(
      doc,
      { type: 'service.add', planId: P, serviceId: `s${i}`, name: `Service ${i}`, status: 'in-use' },
      now(),
    );
    doc = must(
      doc,
      {
        type: 'asset.upsert',
        planId: P,
        asset: {
          id: `a${i}`,
          serviceId: `s${i}`,
          kind: 'cash-balance',
          label: `Balance ${i}`,
          amount: cny(i * 100),
          status: 'open',
        },
      },
      now(),
    );
    doc = must(
      doc,
      {
        type: 'site.upsert',
        planId: P,
        site: {
          id: `w${i}`,
          name: `Site ${i}`,
          domain: `site${i}.example`,
          category: 'other',
          status: 'todo',
        },
      },
      now(),
    );
  }
  for (let i = 0; doc.history.length < 10_000; i++) {
    doc = must(
      doc,
      {
        type: 'service.set-status',
        planId: P,
        serviceId: `s${i % 500}`,
        status: i % 2 ? 'in-use' : 'cleared',
      },
      now(),
    );
  }
  return doc;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: (i: number) => void, runs: number): number {
  for (let i = 0; i < Math.min(200, runs); i++) fn(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export default async function run(): Promise<void> {
  const base = buildDocument();
  const plan = base.plans[0]!;
  const now = iso(T0 + 30 * 86_400_000);
  const commands: PlanCommand[] = [
    { type: 'service.set-status', planId: P, serviceId: 's250', status: 'not-used' },
    {
      type: 'asset.upsert',
      planId: P,
      asset: {
        id: 'a250',
        serviceId: 's250',
        kind: 'cash-balance',
        label: 'Balance',
        amount: cny(0),
        status: 'emptied',
      },
    },
    {
      type: 'site.upsert',
      planId: P,
      site: { id: 'w250', name: 'Site', category: 'bank', status: 'changed' },
    },
    { type: 'gate.set', planId: P, gateId: 'account-normal', status: 'met' },
  ];
  const runs = 2000;
  const applyAndReadiness = time((i) => {
    const r = apply(base, commands[i % commands.length]!, now);
    if (!r.ok) throw new Error(r.error.code);
    readiness(r.value.doc.plans[0]!, now);
  }, runs);
  const applyOnly = time((i) => {
    apply(base, commands[i % commands.length]!, now);
  }, runs);
  const readinessOnly = time(() => {
    readiness(plan, now);
  }, runs);
  const clone = time(() => {
    structuredClone(base);
  }, 200);

  const rows: [string, number][] = [
    ['structuredClone(document) [reference]', clone],
    ['apply + readiness', applyAndReadiness],
    ['apply only', applyOnly],
    ['readiness only', readinessOnly],
  ];
  console.log(
    `document: ${plan.services.length} services, ${plan.assets.length} assets, ${plan.sites.length} sites, ${base.history.length} history entries`,
  );
  console.log('| operation | median ms | x clone |');
  console.log('|---|---:|---:|');
  for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(3)} | ${(ms / clone).toFixed(2)} |`);
  const verdict = applyAndReadiness < 1 && applyAndReadiness < 2 * clone ? 'within target' : 'OVER TARGET';
  console.log(
    `\napply + readiness: ${applyAndReadiness.toFixed(3)} ms (target < 1 ms and < 2x clone = ${(2 * clone).toFixed(3)} ms): ${verdict}`,
  );
}
