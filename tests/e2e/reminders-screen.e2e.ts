/**
 * The reminders screen against the real scheduler: a reminder added on a plan item is upcoming,
 * becomes overdue when the harness clock moves past it, arrives in the in-app notification list,
 * snoozes, and is marked done; the calendar export downloads an .ics file. Both languages.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, watchPage } from './fixtures';
import { addPlan, confirmRecoveryCode, createVaultWithPassphrase, openApp, screenshot } from './helpers';

const HOUR = 3_600_000;

async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).include('[data-testid="screen-reminders"]').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

/** "YYYY-MM-DDTHH:MM" in the browser's time zone, for a datetime-local input. */
async function localInputValue(page: Page, at: number): Promise<string> {
  return page.evaluate((ms) => {
    const d = new Date(ms);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, at);
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`reminders screen (${lang})`, () => {
    test.use({ locale: lang, acceptDownloads: true });

    test('add, become due with the clock, notify in the app, snooze, done, export', async ({ page, harness }) => {
      test.setTimeout(150_000);
      const problems = watchPage(page);
      await openApp(page, harness.url);
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      await addPlan(page, 'remind.me@yeah.net');

      await page.getByTestId('nav-reminders').click();
      await expect(page.getByTestId('screen-reminders')).toBeVisible();
      await expect(page.getByTestId('reminders-upcoming').locator('li')).toHaveCount(0);
      await expect(page.getByTestId('reminders-empty')).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, lang, '40-reminders-empty');

      // Quiet hours off, so the moment the clock passes the reminder it is delivered.
      await page.getByTestId('quiet-enabled').click();
      await page.getByTestId('quiet-save').click();
      await expect(page.locator('#quiet-start')).toBeDisabled();

      const { now } = (await harness.control('/__test/clock')) as { now: number };
      await page.getByTestId('reminder-add').click();
      await page.locator('#reminder-title').fill('Check the game refund');
      await page.locator('#reminder-when').fill(await localInputValue(page, now + 2 * HOUR));
      await page.getByTestId('reminder-item').selectOption({ index: 1 });
      await page.locator('#reminder-note').fill('Order 1234');
      await expectAccessible(page);
      await page.getByTestId('reminder-save').click();
      const upcoming = page.getByTestId('reminders-upcoming').locator('li[data-kind="user"]');
      await expect(upcoming).toHaveCount(1);
      await expect(upcoming).toContainText('Check the game refund');
      await screenshot(page, lang, '41-reminders-upcoming');

      // Three hours later it is due: overdue on the screen, and delivered to the in-app list.
      await harness.control('/__test/clock', { advanceMs: 3 * HOUR });
      await page.getByTestId('quiet-save').click(); // any change makes the scheduler check now
      const overdue = page.getByTestId('reminders-overdue').locator('li[data-kind="user"]');
      await expect(overdue).toHaveCount(1, { timeout: 40_000 });
      await expect(page.getByTestId('notifications').locator('li')).toHaveCount(1, { timeout: 40_000 });
      await expect(page.getByTestId('notifications')).toContainText('Check the game refund');
      await expectAccessible(page);
      await screenshot(page, lang, '42-reminders-overdue');

      // Snooze for an hour: upcoming again; then done.
      await overdue.getByTestId('reminder-snooze-hour').click();
      await expect(upcoming).toHaveCount(1);
      await upcoming.getByTestId('reminder-dismiss').click();
      const done = page.getByTestId('reminders-done').locator('li[data-kind="user"]');
      await expect(done).toHaveCount(1);
      await expect(done).toHaveAttribute('data-status', 'done');

      // The calendar export: nothing upcoming left, so it says so instead of an empty file.
      await page.getByTestId('reminders-export-ics').click();
      await expect(page.getByTestId('ics-message')).toBeVisible();
      await screenshot(page, lang, '43-reminders-done');
      expect(problems).toEqual([]);
    });

    test('the calendar export downloads the upcoming reminders as .ics', async ({ page, harness }) => {
      await openApp(page, harness.url);
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      await page.getByTestId('nav-reminders').click();
      const { now } = (await harness.control('/__test/clock')) as { now: number };
      await page.getByTestId('reminder-add').click();
      await page.locator('#reminder-title').fill('Renew the domain');
      await page.getByTestId('reminder-plan').selectOption({ index: 0 });
      await page.locator('#reminder-when').fill(await localInputValue(page, now + 48 * HOUR));
      await page.getByTestId('reminder-save').click();
      await expect(page.getByTestId('reminders-upcoming').locator('li[data-kind="user"]')).toHaveCount(1);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reminders-export-ics').click()]);
      expect(download.suggestedFilename()).toMatch(/\.ics$/);
      const path = await download.path();
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(path, 'utf8');
      expect(text).toContain('BEGIN:VCALENDAR');
      expect(text).toContain('Renew the domain');
      expect(text).toContain('BEGIN:VALARM');
    });

    test('remind me about a linked service from its card', async ({ page, harness }) => {
      await openApp(page, harness.url);
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      await addPlan(page, 'card.remind@126.com');
      await page.getByTestId('plan-nav-plan-services').click();
      const card = page.locator('article[data-testid^="service-"]').first();
      await card.getByTestId(/-remind$/).click();
      const dialog = page.locator('.n-dialog');
      await expect(dialog).toBeVisible();
      // The form comes preset to this plan and this service.
      await expect(dialog.getByTestId('reminder-item')).toHaveValue(/^service:/);
      await expect(page.locator('#reminder-title')).toBeFocused();
      const { now } = (await harness.control('/__test/clock')) as { now: number };
      await page.locator('#reminder-title').fill('Spend the balance');
      await page.locator('#reminder-when').fill(await localInputValue(page, now + 24 * HOUR));
      const a11y = await new AxeBuilder({ page }).include('.n-modal-container').analyze();
      expect(a11y.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await screenshot(page, lang, '44-remind-me-dialog');
      await dialog.getByTestId('reminder-save').click();
      await expect(dialog).toBeHidden();
      await expect(card.getByRole('status')).toHaveText('✓');

      await page.getByTestId('nav-reminders').click();
      const upcoming = page.getByTestId('reminders-upcoming').locator('li[data-kind="user"]');
      await expect(upcoming).toHaveCount(1);
      await expect(upcoming).toContainText('Spend the balance');
    });
  });
}
