import { test, expect, startHarness, watchPage } from './fixtures';
import {
  confirmRecoveryCode,
  createVaultWithPassphrase,
  expectAccessible,
  openApp,
  PASSPHRASE,
  screenshot,
  unlock,
} from './helpers';

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`first run (${lang})`, () => {
    test.use({ locale: lang });

    test('create a vault with a passphrase, write down the recovery code, lock and unlock', async ({
      page,
      harness,
    }) => {
      const problems = watchPage(page);
      await openApp(page, harness.url);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByTestId('create-vault')).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, lang, '01-create-vault');

      // The meter moves with the passphrase, and a weak one cannot be submitted.
      await page.getByTestId('mode-passphrase').click();
      await page.locator('#new-passphrase').fill('abc');
      await expect(page.getByTestId('strength-meter')).toHaveAttribute('data-level', '0');
      await expect(page.getByTestId('create-vault')).toBeDisabled();
      await page.locator('#new-passphrase').fill(PASSPHRASE);
      await expect(page.getByTestId('strength-meter')).toHaveAttribute('data-level', /[34]/);
      await screenshot(page, lang, '02-create-vault-passphrase');

      const code = await createVaultWithPassphrase(page);
      // The create button is gone: the keyboard starts at the code's heading, not the page's top.
      await expect(page.locator('#recovery-title')).toBeFocused();
      await expectAccessible(page);
      await screenshot(page, lang, '03-recovery-code');
      // A wrong group is refused; the right one continues.
      await page.locator('#recovery-check').fill('ZZZZ-WRONG');
      await page.getByTestId('recovery-done').click();
      await expect(page.locator('#recovery-check')).toBeVisible();
      await confirmRecoveryCode(page, code);

      await expect(page.getByTestId('plans-empty')).toBeVisible();
      await page.getByTestId('lock-now').click();
      await expect(page.locator('#unlock-secret')).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, lang, '04-unlock');
      await unlock(page);
      await expect(page).toHaveURL(/#\/plans/);
      expect(problems).toEqual([]);
    });

    test('a wrong passphrase shows a clear error and the right one still works', async ({
      page,
      harness,
    }) => {
      await openApp(page, harness.url);
      const code = await createVaultWithPassphrase(page);
      await confirmRecoveryCode(page, code);
      await page.getByTestId('lock-now').click();

      await unlock(page, 'not the passphrase at all');
      const alert = page.locator('[data-error-code]');
      await expect(alert).toHaveAttribute('data-error-code', 'vault.wrong-passphrase');
      // Translated, not the English developer message or a raw key.
      await expect(alert).not.toContainText('errors.');
      await expect(alert).not.toContainText('vault.wrong-passphrase');
      if (lang === 'zh-CN') await expect(alert).toContainText(/[\u4e00-\u9fff]/);
      await expectAccessible(page);
      await screenshot(page, lang, '05-wrong-passphrase');
      // The error belongs to what was typed: cleared with the field.
      await page.locator('#unlock-secret').fill('');
      await expect(alert).toHaveCount(0);

      await unlock(page);
      await expect(page).toHaveURL(/#\/plans/);
    });

    test('the recovery code unlocks the vault and leads straight to a new passphrase', async ({
      page,
      harness,
    }) => {
      await openApp(page, harness.url);
      const code = await createVaultWithPassphrase(page);
      await confirmRecoveryCode(page, code);
      await page.getByTestId('lock-now').click();
      await page.getByTestId('toggle-recovery').click();
      await page.locator('#unlock-secret').fill(code.toLowerCase());
      await page.getByTestId('unlock').click();
      // The passphrase was forgotten: set a new one now, with the code still in memory.
      await expect(page.getByTestId('new-passphrase-panel')).toBeVisible();
      await expect(page.locator('#reset-passphrase')).toBeFocused();
      const fresh = 'a brand new passphrase 2026';
      await page.locator('#reset-passphrase').fill(fresh);
      await page.locator('#reset-passphrase-confirm').fill(fresh);
      await expectAccessible(page);
      await screenshot(page, lang, '05a-new-passphrase');
      await page.getByTestId('reset-passphrase-save').click();
      await expect(page).toHaveURL(/#\/plans/);
      // The new passphrase opens the vault; the old one no longer does.
      await page.getByTestId('lock-now').click();
      await unlock(page, PASSPHRASE);
      await expect(page.locator('[role="alert"]').first()).toBeVisible();
      await unlock(page, fresh);
      await expect(page).toHaveURL(/#\/plans/);
    });
  });
}

test.describe('no OS keyring', () => {
  test.use({ locale: 'en' });
  test('warns plainly and requires a passphrase', async ({ page, dataDir }) => {
    const h = await startHarness({ dataDir, keyring: 'insecure' });
    try {
      await openApp(page, h.url);
      await expect(page.getByTestId('no-keyring-warning')).toBeVisible();
      await expect(page.getByTestId('mode-keychain').locator('input')).toBeDisabled();
      await expect(page.getByTestId('mode-passphrase').locator('input')).toBeChecked();
      await expectAccessible(page);
      await screenshot(page, 'en', '06-no-keyring');
    } finally {
      await h.stop();
    }
  });
});

test('keychain mode opens without a passphrase after a restart', async ({ page, dataDir }) => {
  let h = await startHarness({ dataDir });
  await openApp(page, h.url);
  await page.getByTestId('create-vault').click();
  const code = (await page.getByTestId('recovery-code').textContent())?.trim() ?? '';
  await confirmRecoveryCode(page, code);
  expect(await h.stop('SIGTERM')).toBe(0);

  h = await startHarness({ dataDir });
  try {
    await openApp(page, h.url);
    await expect(page).toHaveURL(/#\/plans/);
  } finally {
    await h.stop();
  }
});
