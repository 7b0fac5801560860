/**
 * The narrowest window the app allows (960 × 560, electron/main/electron/window.ts), in both
 * languages: an outside tester's 720 and 800 px screenshots showed the assets table's name and
 * amount columns collapsed to a few letters, the stepper's "冷静期" broken over two lines and a long
 * address broken inside its domain. At the minimum size each of them still reads whole.
 */
import { test, expect, watchPage } from './fixtures';
import { addPlan, confirmRecoveryCode, createVaultWithPassphrase, openApp, screenshot } from './helpers';

const ADDRESS = 'zhangsan2008.daxue.shihou@163.com';

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`the narrowest window (${lang})`, () => {
    test.use({ locale: lang, viewport: { width: 960, height: 560 } });

    test('stepper, address and assets table still read whole', async ({ page, harness }) => {
      const problems = watchPage(page);
      await openApp(page, harness.url);
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      await addPlan(page, ADDRESS);

      // The stepper's names each on one line.
      const names = page.getByTestId('stepper').locator('.stepper__name');
      await expect(names).toHaveCount(5);
      for (const name of await names.all()) {
        const lines = await name.evaluate(
          (el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '20'),
        );
        expect(lines).toBeLessThan(1.5);
      }
      // The address breaks, if at all, before its @: the domain stays whole on one line.
      const domainWhole = await page.getByTestId('plan-address').evaluate((h) => {
        const range = document.createRange();
        const text = [...h.childNodes].find(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes('@'),
        )!;
        range.selectNodeContents(text);
        return range.getClientRects().length === 1;
      });
      expect(domainWhole).toBe(true);
      await screenshot(page, lang, '90-narrow-dashboard');

      // An asset: its name and amount columns wide enough to read.
      await page.getByTestId('plan-nav-plan-assets').click();
      await page.getByTestId('asset-add').click();
      await page.getByTestId('asset-new-label').fill('Jade from the summer event');
      await page.getByTestId('asset-new-amount').fill('12,345.67');
      await page.getByTestId('asset-new-save').click();
      const row = page.locator('tr[data-status]').first();
      await expect(row).toBeVisible();
      const label = row.getByTestId(/-label$/);
      expect(await label.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(100);
      // The whole amount shows (the tester saw "305." for 305.00).
      const amount = row.getByTestId(/-amount$/);
      await expect(amount).toHaveValue('12345.67');
      expect(await amount.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await screenshot(page, lang, '91-narrow-assets');
      expect(problems).toEqual([]);
    });
  });
}
