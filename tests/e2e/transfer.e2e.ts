/**
 * Carrying a plan to another computer: export one plan from harness A (its own data folder), import
 * the file into a fresh harness B. A wrong passphrase is refused with its own message and changes
 * nothing; the right one previews the plan as "added", merges it, and the plan is there.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startHarness, watchPage, type HarnessProcess } from './fixtures';
import type { Page } from '@playwright/test';
import {
  confirmRecoveryCode,
  createVaultWithPassphrase,
  expectAccessible,
  openApp,
  screenshot,
} from './helpers';

const ADDRESS = 'closeout.move@163.com';
const OTHER = 'closeout.stays@126.com';
const FILE_PASSPHRASE = 'moving day: 7 boxes, 1 laptop';

/** Adds a plan from the plans list and waits until it is listed (the form may or may not open it). */
async function addPlan(page: Page, address: string): Promise<void> {
  await page.getByTestId('nav-plans').click();
  if (!(await page.getByTestId('add-plan-form').isVisible())) await page.getByTestId('add-plan').click();
  await page.locator('#plan-address').fill(address);
  await page.getByTestId('add-plan-submit').click();
  // Creating opens the new plan: wait for it, or going back to the list races the navigation.
  await expect(page.getByTestId('plan-address')).toHaveText(address);
  await page.getByTestId('nav-plans').click();
  await expect(page.getByTestId(`plan-card-${address}`)).toBeVisible();
}

for (const lang of ['zh-CN', 'en'] as const) {
  // A few words of each text, in the language under test (the full texts live in i18n/messages/transfer.ts).
  const words =
    lang === 'en'
      ? {
          warning: 'Without this passphrase',
          wrong: 'does not open the file',
          add: 'Added',
          plan: 'one plan',
          none: 'removes no plan',
          result: 'Import done: 1 added, 0 updated, 0 unchanged, 0 not imported',
        }
      : {
          warning: '没有这个口令',
          wrong: '打不开这个文件',
          add: '新增',
          plan: '一个计划',
          none: '不会删除',
          result: '导入完成：新增 1 个，更新 0 个，未变 0 个，因地址冲突未导入 0 个。',
        };
  test.describe(`move to another computer (${lang})`, () => {
    test.use({ locale: lang });

    test('export a plan in A, import it in a fresh B; a wrong passphrase changes nothing', async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const problems = watchPage(page);
      const root = await mkdtemp(join(tmpdir(), 'closeout-e2e-transfer-'));
      const saves = join(root, 'saves');
      const harnesses: HarnessProcess[] = [];
      const start = async (name: string) => {
        const h = await startHarness({ dataDir: join(root, name), env: { HARNESS_SAVE_DIR: saves } });
        harnesses.push(h);
        return h;
      };
      try {
        // A: a vault with two plans; only one of them is exported.
        const a = await start('a');
        await openApp(page, a.url);
        await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
        await addPlan(page, OTHER);
        await addPlan(page, ADDRESS);

        await page.getByTestId('nav-transfer').click();
        await expect(page.getByTestId('screen-transfer')).toBeVisible();
        await expect(page.getByTestId('export-warning')).toContainText(words.warning);
        await expectAccessible(page);
        await screenshot(page, lang, '60-transfer');

        await page.getByTestId('export-scope-plan').click();
        const planId = await page
          .getByTestId('export-plan')
          .locator('option', { hasText: ADDRESS })
          .getAttribute('value');
        await page.getByTestId('export-plan').selectOption(planId!);
        await page.locator('#export-passphrase').fill(FILE_PASSPHRASE);
        await expect(page.getByTestId('strength-meter')).toHaveAttribute('data-level', /[2-4]/);
        await page.locator('#export-passphrase-confirm').fill(FILE_PASSPHRASE + '!');
        await expect(page.getByTestId('export-submit')).toBeDisabled();
        await page.locator('#export-passphrase-confirm').fill(FILE_PASSPHRASE);
        await page.getByTestId('export-submit').click();
        const path = (await page.getByTestId('export-path').textContent())?.trim() ?? '';
        expect(path.startsWith(saves)).toBe(true);
        expect(path).toMatch(/\.closeout-export$/);
        expect(existsSync(path)).toBe(true);
        expect((await readFile(path)).subarray(0, 16).toString('ascii')).toBe('CLOSEOUT-EXPORT\n');
        await expectAccessible(page);
        await screenshot(page, lang, '61-transfer-exported');
        expect(await a.stop()).toBe(0);

        // B: a fresh vault on another "computer".
        const b = await start('b');
        await openApp(page, b.url);
        await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
        await expect(page.getByTestId('plans-empty')).toBeVisible();
        await page.getByTestId('nav-transfer').click();
        await expect(page.getByTestId('export-no-plans')).toBeVisible();

        // The file button is a real button reachable by keyboard; the input behind it takes the file.
        await expect(page.getByTestId('import-choose')).toBeEnabled();
        await page.getByTestId('import-file').setInputFiles(path);
        await expect(page.getByTestId('import-file-name')).toContainText('.closeout-export');

        // Wrong passphrase: its own clear message, no preview, and nothing imported.
        await page.locator('#import-passphrase').fill('not the passphrase at all');
        await page.getByTestId('import-preview-button').click();
        const alert = page.locator('[data-error-code="transfer.wrong-passphrase"]');
        await expect(alert).toBeVisible();
        await expect(alert).toContainText(words.wrong);
        await expect(page.getByTestId('import-preview')).toHaveCount(0);
        await expectAccessible(page);
        await screenshot(page, lang, '62-transfer-wrong-passphrase');
        await page.getByTestId('nav-plans').click();
        await expect(page.getByTestId('plans-empty')).toBeVisible();

        // Right passphrase: the preview says the plan will be added.
        await page.getByTestId('nav-transfer').click();
        await page.getByTestId('import-file').setInputFiles(path);
        await page.locator('#import-passphrase').fill(FILE_PASSPHRASE);
        await page.getByTestId('import-preview-button').click();
        await expect(page.getByTestId('import-preview')).toBeVisible();
        const row = page.getByTestId(`import-plan-${ADDRESS}`);
        await expect(row).toHaveAttribute('data-action', 'add');
        await expect(row).toContainText(words.add);
        await expect(page.getByTestId(`import-plan-${OTHER}`)).toHaveCount(0);
        await expect(page.getByTestId('import-file-info')).toContainText(words.plan);

        // Replace needs its own confirmation before the import button works.
        await page.getByTestId('import-mode-replace').click();
        await expect(page.getByTestId('import-replace-removes')).toContainText(words.none);
        await expect(page.getByTestId('import-submit')).toBeDisabled();
        await page.getByTestId('import-replace-confirm').click();
        await expect(page.getByTestId('import-submit')).toBeEnabled();
        await page.getByTestId('import-mode-merge').click();
        await expect(page.getByTestId('import-submit')).toBeEnabled();
        await expectAccessible(page);
        await screenshot(page, lang, '63-transfer-preview');

        await page.getByTestId('import-submit').click();
        await expect(page.getByTestId('import-result')).toBeVisible();
        await expect(page.getByTestId('import-result')).toContainText(words.result);
        // The export form above grows once the vault has a plan: bring the result back into view.
        await expect(page.getByTestId('export-form')).toBeVisible();
        await page.getByTestId('import-result').scrollIntoViewIfNeeded();
        await screenshot(page, lang, '64-transfer-imported');

        // The plans list reloaded on transfer:imported: the plan is there, the other one is not.
        await page.getByTestId('nav-plans').click();
        await expect(page.getByTestId(`plan-card-${ADDRESS}`)).toBeVisible();
        await expect(page.getByTestId(`plan-card-${OTHER}`)).toHaveCount(0);
        await page.getByRole('link', { name: ADDRESS }).first().click();
        await expect(page.getByTestId('plan-address')).toHaveText(ADDRESS);
        expect(problems).toEqual([]);
      } finally {
        for (const h of harnesses) await h.stop();
        await rm(root, { recursive: true, force: true });
      }
    });
  });
}
