/**
 * Every screen in the dark theme the OS asks for, in both languages (issue 15: "screenshots of
 * every screen in both languages, light and dark"). The other journeys photograph their screens in
 * the light theme and only a few in the dark; here each top-level screen and each of a plan's
 * twelve tabs is opened dark, checked by axe (colour contrast included) and saved as `dark-*.png`.
 */
import type { Page } from '@playwright/test';
import { test, expect, watchPage } from './fixtures';
import {
  addPlan,
  confirmRecoveryCode,
  createVaultWithPassphrase,
  expectAccessible,
  openApp,
  screenshot,
} from './helpers';

const PLAN_TABS = [
  'plan-dashboard',
  'plan-steps',
  'plan-services',
  'plan-assets',
  'plan-sites',
  'plan-discovery',
  'plan-backups',
  'plan-mail',
  'plan-alternatives',
  'plan-history',
  'plan-report',
];

const TOP_LEVEL = [
  { hash: '#/plans', testid: 'add-plan', name: 'plans' },
  { hash: '#/archive', testid: 'screen-archive', name: 'archive' },
  { hash: '#/reminders', testid: 'screen-reminders', name: 'reminders' },
  { hash: '#/transfer', testid: 'screen-transfer', name: 'transfer' },
  { hash: '#/settings', testid: 'data-folder', name: 'settings' },
];

async function atTop(page: Page): Promise<void> {
  await page.locator('#main').evaluate((el) => el.scrollTo(0, 0));
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`dark theme (${lang})`, () => {
    test.use({ locale: lang, colorScheme: 'dark' });

    test('every screen is readable in the dark theme', async ({ page, harness }) => {
      test.setTimeout(240_000);
      const problems = watchPage(page);
      await openApp(page, harness.url);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expectAccessible(page);
      await screenshot(page, lang, 'dark-01-welcome');
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      await addPlan(page, 'closeout.dark@163.com');
      const planUrl = page.url();

      for (const name of PLAN_TABS) {
        await page.getByTestId(`plan-nav-${name}`).click();
        await expect(
          page.getByTestId(name === 'plan-dashboard' ? 'dashboard' : `screen-${name}`),
        ).toBeVisible();
        await atTop(page);
        await expectAccessible(page);
        await screenshot(page, lang, `dark-${name}`);
      }

      for (const { hash, testid, name } of TOP_LEVEL) {
        await page.goto(planUrl.replace(/#.*$/, hash));
        await expect(page.getByTestId(testid)).toBeVisible();
        await atTop(page);
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        await expectAccessible(page);
        await screenshot(page, lang, `dark-${name}`);
      }
      expect(problems).toEqual([]);
    });
  });
}
