import { test, expect, startHarness, watchPage } from './fixtures';
import {
  addPlan,
  confirmRecoveryCode,
  createVaultWithPassphrase,
  expectAccessible,
  openApp,
  screenshot,
  unlock,
} from './helpers';

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`plans and dashboard (${lang})`, () => {
    test.use({ locale: lang });

    test('add a 163.com plan, see its dashboard and settings, restart and find it all again', async ({
      page,
      dataDir,
    }) => {
      const problems = watchPage(page);
      let h = await startHarness({ dataDir });
      try {
        await openApp(page, h.url);
        await confirmRecoveryCode(page, await createVaultWithPassphrase(page));

        // Empty state says what to do, and the form is right there.
        await expect(page.getByTestId('plans-empty')).toBeVisible();
        await expectAccessible(page);
        await screenshot(page, lang, '10-plans-empty');

        // An address that is not NetEase mail is refused with a reason.
        await page.locator('#plan-address').fill('someone@gmail.com');
        await page.getByTestId('add-plan-submit').click();
        await expect(page.getByTestId('add-plan-form')).toContainText(lang === 'en' ? 'NetEase' : '网易');

        await addPlan(page, 'closeout.test@163.com', lang === 'en' ? 'University mail' : '大学邮箱');
        await expect(page.getByTestId('dashboard')).toBeVisible();
        await expect(page.getByTestId('plan-status')).toBeVisible();
        await expect(page.getByTestId('gates').locator('li').first()).toBeVisible();
        await expect(page.getByTestId('next-actions')).toBeVisible();
        await expect(page.getByTestId('total-assets')).toContainText(lang === 'en' ? 'CN¥0.00' : '¥0.00');
        await expectAccessible(page);
        await screenshot(page, lang, '11-dashboard');

        // A gate's fix link leads to a registered screen of the same plan.
        const planUrl = page.url();
        const planId = /#\/plans\/([^/?#]+)/.exec(planUrl)?.[1];
        expect(planId).toBeTruthy();

        await page.getByTestId('nav-plans').click();
        await expect(page.getByTestId('plan-card-closeout.test@163.com')).toBeVisible();
        await expectAccessible(page);
        await screenshot(page, lang, '12-plans-list');

        await page.getByTestId('add-plan').click();
        await expect(page.locator('#plan-address')).toBeFocused();
        await screenshot(page, lang, '13-plans-add');
        await page.locator('#plan-address').fill('closeout.test@163.com');
        await page.getByTestId('add-plan-submit').click();
        await expect(page.getByTestId('add-plan-form')).toContainText(lang === 'en' ? 'already' : '已经');

        await page.getByTestId('nav-settings').click();
        await expect(page.getByTestId('data-folder')).toHaveText(dataDir);
        await expectAccessible(page);
        await screenshot(page, lang, '14-settings');

        // The licences of the open-source packages the page is built from, read from the build's
        // own list; a package's full text opens from the keyboard.
        await page.getByTestId('licences-show').click();
        await expect(page.getByTestId('licences-count')).toContainText(/\d\d/);
        // The pressed button is gone; the keyboard stays in the section, on its summary line.
        await expect(page.getByTestId('licences-count')).toBeFocused();
        const licences = page.getByTestId('licences-list');
        for (const name of ['naive-ui', 'vue-i18n', 'dompurify'])
          await expect(licences.locator('summary', { hasText: name }).first()).toBeVisible();
        const naive = licences.locator('summary', { hasText: 'naive-ui' }).first();
        await naive.focus();
        await page.keyboard.press('Enter');
        await expect(licences.locator('details[open] pre')).toContainText('Permission is hereby granted');
        await expectAccessible(page);
        await screenshot(page, lang, '14a-settings-licences');
        // vdirs ships no licence file: the standard MIT text with its author, said to be so.
        const vdirs = licences.locator('details', { has: page.getByText('vdirs', { exact: true }) });
        await vdirs.locator('summary').click();
        await expect(vdirs.getByTestId('licences-standard')).toHaveText(
          lang === 'en' ? /no licence file.*MIT/ : /没有附带许可证文件.*MIT/,
        );
        await expect(vdirs.locator('pre')).toContainText('Copyright (c) 07akioni');
        await screenshot(page, lang, '14b-settings-licence-standard-text');

        // Restart the harness (clean SIGTERM) on the same folder: the plan is still there.
        expect(await h.stop('SIGTERM')).toBe(0);
        h = await startHarness({ dataDir });
        await openApp(page, h.url);
        await unlock(page);
        await expect(page.getByTestId('plan-card-closeout.test@163.com')).toBeVisible();
        await page.getByRole('link', { name: 'closeout.test@163.com' }).click();
        await expect(page.getByTestId('dashboard')).toBeVisible();
        expect(problems).toEqual([]);
      } finally {
        await h.stop();
      }
    });
  });
}

test.describe('settings', () => {
  test.use({ locale: 'en' });
  test('switch language and theme, change the passphrase, set auto-lock', async ({ page, harness }) => {
    await openApp(page, harness.url);
    await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
    await page.getByTestId('nav-settings').click();

    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
    await page.getByTestId('language-select').selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');

    await page.getByTestId('theme-select').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page);
    await screenshot(page, 'en', '15-settings-dark');
    await page.getByTestId('theme-select').selectOption('light');

    await page.getByTestId('auto-lock').selectOption('15');
    await expect(page.getByTestId('auto-lock')).toHaveValue('15');

    await page.locator('#current-passphrase').fill('correct horse battery staple 2026');
    await page.locator('#next-passphrase').fill('a brand new passphrase for 2027');
    await page.locator('#next-passphrase-confirm').fill('a brand new passphrase for 2027');
    await page.getByTestId('change-passphrase').click();
    await expect(page.getByTestId('passphrase-changed')).toBeVisible();

    await page.getByTestId('settings-lock-now').click();
    await unlock(page, 'a brand new passphrase for 2027');
    // Back where the vault was locked, not at the list of plans.
    await expect(page).toHaveURL(/#\/settings/);
  });
});
