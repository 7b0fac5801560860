/**
 * The closure report end to end: the tab renders the report, "Save as PDF" has Chromium print it
 * (the harness's stand-in for Electron's printToPDF) and `pdftotext` reads the address and every
 * section heading back in both report languages; "Save as Markdown" writes the same headings.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startHarness, watchPage, type HarnessProcess } from './fixtures';
import {
  confirmRecoveryCode,
  createVaultWithPassphrase,
  expectAccessible,
  openApp,
  screenshot,
  SCREENSHOT_DIR,
} from './helpers';

const ADDRESS = 'closeout.report@163.com';
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
] as const;
/** What a reader of the report must find, written out here so a changed text fails loudly. */
const EXPECTED = {
  'zh-CN': {
    title: `${ADDRESS} 注销报告`,
    decided: '决定注销这个账号。',
    section: {
      decision: '决定',
      risks: '注销须知（风险确认）',
      steps: '注销步骤',
      backups: '备份',
      services: '关联服务',
      assets: '虚拟财产',
      sites: '第三方网站',
      contacts: '联系人',
      submission: '提交与冷静期',
      history: '操作记录',
    },
  },
  en: {
    title: `Closure report for ${ADDRESS}`,
    decided: 'Decided to close the account.',
    section: {
      decision: 'Decision',
      risks: 'Risk notice acknowledged',
      steps: 'Closure steps',
      backups: 'Backups',
      services: 'Linked services',
      assets: 'Virtual assets',
      sites: 'Third-party sites',
      contacts: 'Contacts',
      submission: 'Submission and cooling-off period',
      history: 'Activity record',
    },
  },
} as const;
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext', '/opt/homebrew/bin/pdftotext'].find(
  (p) => existsSync(p),
);

/** Text of a PDF as poppler extracts it, with whitespace removed (line breaks fall anywhere in CJK). */
function pdfText(path: string): string {
  return execFileSync(PDFTOTEXT!, ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
const squeeze = (s: string) => s.replace(/\s+/g, '');

async function addAndOpenPlan(page: Page, address: string): Promise<void> {
  // The empty list shows the form at once; a list with plans shows the button that opens it.
  await page.getByTestId('add-plan-form').or(page.getByTestId('add-plan')).first().waitFor();
  if (!(await page.getByTestId('add-plan-form').isVisible())) await page.getByTestId('add-plan').click();
  await page.locator('#plan-address').fill(address);
  await page.getByTestId('add-plan-submit').click();
  // The form opens the new plan's dashboard.
  await expect(page.getByTestId('plan-address')).toHaveText(address);
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`closure report (${lang})`, () => {
    test.use({ locale: lang });

    test('report on screen, PDF and Markdown in both report languages', async ({ page }) => {
      test.setTimeout(180_000);
      if (!PDFTOTEXT) {
        // In CI nothing may skip: a missing poppler-utils is a broken machine, not an optional test.
        if (process.env.CI) throw new Error('pdftotext not found: install poppler-utils');
        test.skip(true, 'pdftotext not found (install poppler-utils)');
      }
      const problems = watchPage(page);
      const root = await mkdtemp(join(tmpdir(), 'closeout-e2e-report-'));
      const saves = join(root, 'saves');
      let h: HarnessProcess | null = null;
      try {
        h = await startHarness({ dataDir: join(root, 'data'), env: { HARNESS_SAVE_DIR: saves } });
        await openApp(page, h.url);
        await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
        await addAndOpenPlan(page, ADDRESS);

        // Something to report: the decision to close.
        await page.getByTestId('plan-nav-plan-alternatives').click();
        await page.getByTestId('decide-close').click();
        const dialog = page.locator('.n-dialog');
        await dialog.locator('.n-dialog__action button').last().click();
        await expect(dialog).toBeHidden();

        await page.getByTestId('plan-nav-plan-report').click();
        await expect(page.getByTestId('screen-plan-report')).toBeVisible();
        const doc = page.getByTestId('report-document');
        await expect(doc).toHaveAttribute('data-locale', lang);
        await expect(page.getByTestId('report-title')).toHaveText(EXPECTED[lang].title);
        for (const id of SECTIONS) {
          await expect(page.getByTestId(`report-section-${id}`).locator('h4')).toHaveText(
            EXPECTED[lang].section[id],
          );
        }
        await expect(page.getByTestId('report-section-decision')).toContainText(EXPECTED[lang].decided);
        await expectAccessible(page);
        await screenshot(page, lang, '70-report');

        // The PDF, in each report language, whatever the app's language is.
        for (const reportLang of ['zh-CN', 'en'] as const) {
          const m = EXPECTED[reportLang];
          await page.getByTestId('report-locale').selectOption(reportLang);
          await expect(doc).toHaveAttribute('data-locale', reportLang);
          await page.getByTestId('report-save-pdf').click();
          const path = (await page.getByTestId('report-path').textContent())?.trim() ?? '';
          expect(path.startsWith(saves)).toBe(true);
          expect(path).toMatch(new RegExp(`-${reportLang}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
          expect((await readFile(path)).subarray(0, 5).toString('ascii')).toBe('%PDF-');
          // Kept with the screenshots, for a person to look at.
          const kept = join(dirname(SCREENSHOT_DIR), 'reports', lang, `report-${reportLang}.pdf`);
          await mkdir(dirname(kept), { recursive: true });
          await copyFile(path, kept);
          const text = pdfText(path);
          expect(text).toContain(ADDRESS);
          expect(text).toContain(squeeze(m.title));
          for (const id of SECTIONS)
            expect(text, `PDF (${reportLang}) heading ${id}`).toContain(squeeze(m.section[id]));
          expect(text).toContain(squeeze(m.decided));
        }
        await page.getByTestId('report-locale').selectOption(lang);
        await expectAccessible(page);
        await screenshot(page, lang, '71-report-saved');

        // Markdown in the app's language: the title and a heading per section.
        await page.getByTestId('report-save-markdown').click();
        const mdPath = (await page.getByTestId('report-path').textContent())?.trim() ?? '';
        expect(mdPath).toMatch(/\.md$/);
        const md = await readFile(mdPath, 'utf8');
        const m = EXPECTED[lang];
        expect(md.startsWith(`# ${m.title}\n`)).toBe(true);
        for (const id of SECTIONS) expect(md).toContain(`\n## ${m.section[id]}\n`);
        expect(problems).toEqual([]);
      } finally {
        await h?.stop();
        await rm(root, { recursive: true, force: true });
      }
    });
  });
}
