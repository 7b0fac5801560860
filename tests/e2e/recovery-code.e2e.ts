/**
 * Settings, "new recovery code", against the real core through the harness: it needs the current
 * passphrase, shows the new code once, and afterwards the old code no longer unlocks the vault
 * while the new one does. The passphrase field shows zxcvbn-ts feedback in Chinese.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, startHarness, watchPage } from './fixtures';
import {
  confirmRecoveryCode,
  addPlan,
  createVaultWithPassphrase,
  expectAccessible,
  openApp,
  PASSPHRASE,
  screenshot,
} from './helpers';

test.describe('new recovery code (zh-CN)', () => {
  test.use({ locale: 'zh-CN' });

  test('needs the passphrase, shows the new code once, and the old code stops working', async ({
    page,
    harness,
  }) => {
    const problems = watchPage(page);
    await openApp(page, harness.url);

    // Strength feedback in Chinese for a very common password.
    await page.getByTestId('mode-passphrase').click();
    await page.locator('#new-passphrase').fill('password');
    await expect(page.getByTestId('strength-feedback')).toContainText('最常用的口令');
    await expect(page.getByTestId('create-vault')).toBeDisabled();

    const oldCode = await createVaultWithPassphrase(page);
    await confirmRecoveryCode(page, oldCode);
    await page.getByTestId('nav-settings').click();

    await page.locator('#recovery-current-passphrase').fill('not the passphrase');
    await page.getByTestId('new-recovery-code').click();
    await expect(page.locator('[data-error-code="vault.wrong-passphrase"]')).toBeVisible();

    await page.locator('#recovery-current-passphrase').fill(PASSPHRASE);
    await page.getByTestId('new-recovery-code').click();
    await expect(page.getByTestId('new-recovery-code-shown')).toBeVisible();
    const newCode = (await page.getByTestId('recovery-code').textContent())?.trim() ?? '';
    expect(newCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    expect(newCode).not.toBe(oldCode);
    await expectAccessible(page);
    await screenshot(page, 'zh-CN', '16-new-recovery-code');
    const index = Number(await page.getByTestId('recovery-form').getAttribute('data-ask-group'));
    await page.locator('#recovery-check').fill(newCode.split('-')[index] ?? newCode);
    await page.getByTestId('recovery-done').click();
    // Shown once: gone once confirmed.
    await expect(page.getByTestId('new-recovery-code-form')).toBeVisible();
    await expect(page.getByTestId('recovery-code')).toHaveCount(0);

    await page.getByTestId('settings-lock-now').click();
    await page.getByTestId('toggle-recovery').click();
    await page.locator('#unlock-secret').fill(oldCode);
    await page.getByTestId('unlock').click();
    await expect(page.locator('[data-error-code="vault.wrong-recovery-code"]')).toBeVisible();
    await page.locator('#unlock-secret').fill(newCode);
    await page.getByTestId('unlock').click();
    // A recovery-code unlock means the passphrase was forgotten: setting a new one is offered at once.
    await expect(page.getByTestId('new-passphrase-panel')).toBeVisible();
    await page.getByTestId('reset-passphrase-skip').click();
    // Back in Settings, where the vault was locked.
    await expect(page).toHaveURL(/#\/settings/);
    expect(problems).toEqual([]);
  });
});

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`a recovery code lost before it was confirmed (${lang})`, () => {
    test.use({ locale: lang });

    test('a reload on the code screen: every screen asks for a new code until one is confirmed', async ({
      page,
      harness,
    }) => {
      // An outside tester reloaded the window while the code was shown: it was gone, silently.
      const problems = watchPage(page);
      await openApp(page, harness.url);
      await createVaultWithPassphrase(page);
      await page.reload();
      await expect(page).toHaveURL(/#\/plans/);
      const banner = page.getByTestId('recovery-unconfirmed');
      await expect(banner).toContainText(lang === 'en' ? 'not confirmed as written down' : '还没有确认抄下');
      await expectAccessible(page);
      await screenshot(page, lang, '05a-recovery-code-unconfirmed');
      await addPlan(page, 'lost.code@163.com');
      await expect(banner).toBeVisible();
      // Its link leads to Settings' recovery code, where a new code is made and typed back.
      await page.getByTestId('nav-plans').click();
      await page.getByTestId('recovery-unconfirmed-go').click();
      await expect(page.locator('#settings-recovery')).toBeInViewport();
      await expect(banner).toHaveCount(0);
      await page.locator('#recovery-current-passphrase').fill(PASSPHRASE);
      await page.getByTestId('new-recovery-code').click();
      const code = (await page.getByTestId('recovery-code').textContent())?.trim() ?? '';
      const index = Number(await page.getByTestId('recovery-form').getAttribute('data-ask-group'));
      await page.locator('#recovery-check').fill(code.split('-')[index] ?? code);
      await page.getByTestId('recovery-done').click();
      await expect(page.getByTestId('new-recovery-code-form')).toBeVisible();
      // Confirmed: no screen asks any more, also after a reload.
      await page.getByTestId('nav-plans').click();
      await expect(page.getByText('lost.code@163.com').first()).toBeVisible();
      await expect(banner).toHaveCount(0);
      await page.reload();
      await expect(page.getByText('lost.code@163.com').first()).toBeVisible();
      await expect(banner).toHaveCount(0);
      expect(problems).toEqual([]);
    });
  });

  test.describe(`restoring an earlier save (${lang})`, () => {
    test.use({ locale: lang });

    test('is offered only when the file is unreadable, and needs the passphrase', async ({
      page,
      dataDir,
    }) => {
      const problems = watchPage(page);
      let h = await startHarness({ dataDir });
      try {
        await openApp(page, h.url);
        await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
        await addPlan(page, 'restore.me@163.com');
        await page.getByTestId('nav-plans').click();
        await addPlan(page, 'added.later@126.com');
        expect(await h.stop('SIGTERM')).toBe(0);

        // One damaged byte in the current file: it is set aside and the earlier saves are offered.
        const file = join(dataDir, 'vault.closeout');
        const bytes = readFileSync(file);
        bytes[40] = bytes[40]! ^ 0x5a;
        writeFileSync(file, bytes);
        h = await startHarness({ dataDir });
        await openApp(page, h.url);
        await expect(page.getByTestId('recovery-offer')).toBeVisible();
        await expect(page.getByTestId('restore-0')).toBeDisabled();
        // What restoring means is said before the choice: later changes are not in an earlier save.
        await expect(page.getByTestId('restore-means')).toBeVisible();
        await screenshot(page, lang, '06-vault-damaged-restore-offer');
        await page.locator('#restore-secret').fill('not the passphrase');
        await page.getByTestId('restore-0').click();
        await expect(page.locator('[data-error-code="vault.wrong-passphrase"]')).toBeVisible();
        await page.locator('#restore-secret').fill(PASSPHRASE);
        await expectAccessible(page);
        await page.getByTestId('restore-0').click();
        await expect(page).toHaveURL(/#\/plans/);
        // The newest earlier save is the one before the last change: the first plan is back, the
        // plan added in the damaged save is not.
        await expect(page.getByText('restore.me@163.com').first()).toBeVisible();
        await expect(page.getByText('added.later@126.com')).toHaveCount(0);
        await screenshot(page, lang, '06a-vault-restored');
        expect(problems).toEqual([]);
      } finally {
        await h.stop();
      }
    });
  });
}
