/// <reference lib="dom" />
/**
 * The plan dashboard with 500 items (200 services, 200 assets, 100 sites) and 10,000 history
 * entries, in Chromium through the harness, next to the floor: the same rows written as plain HTML
 * into the same page in the same run.
 *
 * Seeding: a prepared vault. The commands go through the same pure reducer main uses, and the
 * resulting document is saved once through the real Vault (keychain mode, the harness's key file),
 * so the harness opens and unlocks it as the app would; 10,000 durable saves would measure the disk.
 *
 * Dashboard time: from the `closeout:dashboard-data` mark (the history has arrived; the plan was
 * already in the store) to the first frame after `closeout:dashboard-rendered` (ECharts finished).
 * Floor time: from the same data (already in the page) to the first frame after the plain rows are
 * in the DOM and laid out. Both end the same way: a requestAnimationFrame, then a task.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { systemClock } from '../electron/common/clock';
import type { CloseoutApi } from '../electron/common/contract';
import type { PlanCommand } from '../electron/common/model/commands';
import { emptyDocument, type VaultDocument } from '../electron/common/model/document';
import { apply } from '../electron/common/model/reducer';
import { ok } from '../electron/common/result';
import { createFileKeyProvider } from '../tests/support/doubles/file-key-provider';
import { vaultDocumentCodec } from '../electron/main/vault/codec';
import { Vault } from '../electron/main/vault/vault';
import { startHarness } from '../tests/harness/harness';

const PLAN_ID = 'plan-bench';
const SERVICES = 200;
const ASSETS = 200;
const SITES = 100;
const HISTORY = 10_000;
const RUNS = 7;
const TARGET_RATIO = 5;
const DAY_MS = 86_400_000;

/** The commands of a plan worked on over 60 days until it has HISTORY entries. */
function seedDocument(): VaultDocument {
  const start = Date.now() - 60 * DAY_MS;
  let doc = emptyDocument(new Date(start).toISOString());
  let n = 0;
  const run = (cmd: PlanCommand) => {
    const at = new Date(start + Math.floor((n / HISTORY) * 59 * DAY_MS)).toISOString();
    const r = apply(doc, cmd, at);
    if (!r.ok) throw new Error(`${cmd.type}: ${r.error.message}`);
    if (r.value.doc.history.length === doc.history.length) throw new Error(`${cmd.type} recorded nothing`);
    doc = r.value.doc;
    n++;
  };
  const base = { planId: PLAN_ID } as const;
  run({ type: 'plan.create', ...base, address: 'bench.dashboard@163.com', label: 'Benchmark' });
  run({ type: 'plan.decide', ...base });
  for (let i = 0; i < SERVICES; i++)
    run({ type: 'service.add', ...base, serviceId: `svc-${i}`, name: `Service ${i}` });
  for (let i = 0; i < ASSETS; i++)
    run({
      type: 'asset.upsert',
      ...base,
      asset: {
        id: `asset-${i}`,
        serviceId: `svc-${i % SERVICES}`,
        kind: 'cash-balance',
        label: `Balance ${i}`,
        amount: { measure: 'money', minor: 100 + i, currency: 'CNY' },
        status: 'open',
      },
    });
  for (let i = 0; i < SITES; i++)
    run({
      type: 'site.upsert',
      ...base,
      site: {
        id: `site-${i}`,
        name: `Site ${i}`,
        domain: `site${i}.example`,
        category: 'other',
        status: 'todo',
      },
    });
  // The rest of the history: statuses moving back and forth, as a person's weeks of work do.
  const cycle = ['in-use', 'cleared', 'not-used', 'unchecked'] as const;
  for (let k = 0; doc.history.length < HISTORY; k++) {
    const i = k % SERVICES;
    run({
      type: 'service.set-status',
      ...base,
      serviceId: `svc-${i}`,
      status: cycle[Math.floor(k / SERVICES) % cycle.length] ?? 'in-use',
    });
  }
  return doc;
}

async function prepareVault(dataDir: string): Promise<void> {
  const vault = new Vault({
    dataDir,
    keyProvider: createFileKeyProvider(join(dataDir, 'harness-keychain.key')),
    clock: systemClock,
    codec: vaultDocumentCodec,
    kdfCost: { logN: 14, r: 8, p: 1 },
  });
  await vault.open();
  await vault.create({ mode: 'keychain' });
  const doc = seedDocument();
  const r = await vault.update(() => ok({ doc, value: null }));
  if (!r.ok) throw new Error(r.error.message);
  vault.lock();
}

/** Opens the dashboard (from the plans list, so the plan is in the store) and times data -> rendered. */
async function dashboardRun(page: Page): Promise<number> {
  await page.evaluate(() => {
    performance.clearMarks();
    location.hash = '#/plans';
  });
  await page.getByTestId('plan-card-bench.dashboard@163.com').waitFor();
  return page.evaluate(async (planId) => {
    const ended = new Promise<number>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        if (!list.getEntriesByName('closeout:dashboard-rendered').length) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
      });
      observer.observe({ type: 'mark' });
    });
    location.hash = `#/plans/${planId}`;
    const end = await ended;
    const data = performance.getEntriesByName('closeout:dashboard-data').at(-1);
    if (!data) throw new Error('no closeout:dashboard-data mark');
    return end - data.startTime;
  }, PLAN_ID);
}

/** The same rows (items and burndown points) as plain HTML, from data already in the page. */
async function floorRun(page: Page): Promise<number> {
  return page.evaluate(async (planId) => {
    const api = (window as unknown as { closeout: CloseoutApi }).closeout;
    const list = await api.plan.list();
    const history = await api.plan.history({ planId, utcOffsetMinutes: 0 });
    if (!list.ok || !history.ok) throw new Error('bridge failed');
    const plan = list.value.find((v) => v.plan.id === planId)!.plan;
    const host = document.createElement('div');
    document.body.append(host);
    const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    const start = performance.now();
    const rows: string[] = [];
    for (const s of plan.services) rows.push(`<tr><td>${esc(s.name ?? s.id)}</td><td>${s.status}</td></tr>`);
    for (const a of plan.assets)
      rows.push(
        `<tr><td>${esc(a.label)}</td><td>${a.amount.measure === 'money' ? a.amount.minor : a.amount.amount}</td><td>${a.status}</td></tr>`,
      );
    for (const s of plan.sites) rows.push(`<tr><td>${esc(s.name)}</td><td>${s.status}</td></tr>`);
    for (const p of history.value.burndown)
      rows.push(`<tr><td>${p.date}</td><td>${p.open}</td><td>${p.total}</td></tr>`);
    host.innerHTML = `<table>${rows.join('')}</table>`;
    void host.offsetHeight;
    const end = await new Promise<number>((resolve) =>
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))),
    );
    host.remove();
    return end - start;
  }, PLAN_ID);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function dashboardBench(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'closeout-bench-dashboard-'));
  const harness = await (async () => {
    await prepareVault(dataDir);
    return startHarness({ dataDir });
  })();
  const browser = await chromium.launch({
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en' });
    // tsx (esbuild, keepNames) wraps named functions in __name(); the page functions run without it.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(harness.url);
    await page.getByTestId('plan-card-bench.dashboard@163.com').waitFor({ timeout: 60_000 });
    const items = await page.evaluate(async () => {
      const r = await (window as unknown as { closeout: CloseoutApi }).closeout.plan.list();
      return r.ok
        ? r.value[0]!.plan.services.length + r.value[0]!.plan.assets.length + r.value[0]!.plan.sites.length
        : -1;
    });
    // plan.create adds the catalog's default services too.
    if (items < SERVICES + ASSETS + SITES) throw new Error(`seeded only ${items} items`);
    // One warm-up of each, so the lazy chart chunk and the JIT are not what is measured.
    await dashboardRun(page);
    await floorRun(page);
    const dash: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      dash.push(await dashboardRun(page));
      floor.push(await floorRun(page));
    }
    const d = median(dash);
    const f = median(floor);
    console.log(`\nplan dashboard, ${items} items and ${HISTORY} history entries (median of ${RUNS}):\n`);
    console.log('| measure | ms | ratio to floor |');
    console.log('|---|---:|---:|');
    console.log(`| dashboard: data arrived -> rendered | ${d.toFixed(1)} | ${(d / f).toFixed(2)} |`);
    console.log(`| floor: same rows as plain HTML | ${f.toFixed(1)} | 1.00 |`);
    console.log(
      `\ndashboard ${(d / f).toFixed(2)}x the floor vs target < ${TARGET_RATIO}x: ${d / f < TARGET_RATIO ? 'within' : 'OVER'} target`,
    );
  } finally {
    await browser.close();
    await harness.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
