/**
 * The reminders screen against the real scheduler: a reminder added on a plan item is upcoming,
 * becomes overdue when the harness clock moves past it, arrives in the in-app notification list,
 * snoozes, and is marked done; the calendar export downloads an .ics file. Both languages.
 */
import { test, expect, watchPage } from './fixtures';
import {
  addPlan,
  autoLockOff,
  confirmRecoveryCode,
  createVaultWithPassphrase,
  expectAccessible,
  fillDateTime,
  openApp,
  screenshot,
} from './helpers';

const HOUR = 3_600_000;

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`reminders screen (${lang})`, () => {
    test.use({ locale: lang, acceptDownloads: true });

    test('add, become due with the clock, notify in the app, snooze, done, export', async ({
      page,
      harness,
    }) => {
      test.setTimeout(150_000);
      const problems = watchPage(page);
      await openApp(page, harness.url);
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      // The clock moves by hours below: the vault would lock itself at the first request after.
      await autoLockOff(page);
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
      // The picker speaks the app's language (not the OS's native "mm/dd/yyyy, 10:00 PM").
      await page.locator('#reminder-when').click();
      await expect(page.locator('.n-date-panel')).toBeVisible();
      await screenshot(page, lang, '40a-reminder-when-picker');
      await page.keyboard.press('Escape');
      await fillDateTime(page, '#reminder-when', lang, now + 2 * HOUR);
      await expect(page.locator('#reminder-when')).toHaveValue(
        lang === 'en' ? /^[A-Z][a-z]{2} \d+, \d{4} \d\d:\d\d$/ : /^\d{4}年\d+月\d+日 \d\d:\d\d$/,
      );
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
      await fillDateTime(page, '#reminder-when', lang, now + 48 * HOUR);
      await page.getByTestId('reminder-save').click();
      await expect(page.getByTestId('reminders-upcoming').locator('li[data-kind="user"]')).toHaveCount(1);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('reminders-export-ics').click(),
      ]);
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
      await fillDateTime(page, '#reminder-when', lang, now + 24 * HOUR);
      await expectAccessible(page);
      await screenshot(page, lang, '44-remind-me-dialog');
      await dialog.getByTestId('reminder-save').click();
      await expect(dialog).toBeHidden();
      await expect(card.getByRole('status')).toHaveText('✓');

      await page.getByTestId('nav-reminders').click();
      const upcoming = page.getByTestId('reminders-upcoming').locator('li[data-kind="user"]');
      await expect(upcoming).toHaveCount(1);
      await expect(upcoming).toContainText('Spend the balance');
    });

    test('a clicked reminder opens its item, scrolled to and marked; so does its address', async ({
      page,
      harness,
    }) => {
      test.setTimeout(120_000);
      const problems = watchPage(page);
      await openApp(page, harness.url);
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      await autoLockOff(page);
      await addPlan(page, 'click.remind@163.com');
      const planId = /#\/plans\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
      expect(planId).not.toBe('');

      // A reminder on the last service card, so opening it has to scroll.
      await page.getByTestId('plan-nav-plan-services').click();
      const card = page.locator('article[data-testid^="service-"]').last();
      const cardId = (await card.getAttribute('data-testid')) ?? '';
      await card.getByTestId(/-remind$/).click();
      const { now } = (await harness.control('/__test/clock')) as { now: number };
      await page.locator('#reminder-title').fill('Spend the balance');
      await fillDateTime(page, '#reminder-when', lang, now + 2 * HOUR);
      await page.locator('.n-dialog').getByTestId('reminder-save').click();
      await expect(page.locator('.n-dialog')).toBeHidden();

      // Quiet hours off, so the reminder is shown the moment the clock passes it; then leave the plan.
      await page.getByTestId('nav-reminders').click();
      await page.getByTestId('quiet-enabled').click();
      await page.getByTestId('quiet-save').click();
      await expect(page.locator('#quiet-start')).toBeDisabled();
      await harness.control('/__test/clock', { advanceMs: 3 * HOUR });
      type Shown = { notifications: { id: string; title: string }[] };
      const shownOne = async () =>
        ((await harness.control('/__test/notifications')) as Shown).notifications.find((n) =>
          n.title.includes('Spend the balance'),
        );
      await expect.poll(async () => (await shownOne())?.id ?? null, { timeout: 40_000 }).not.toBeNull();
      const shown = await shownOne();

      // The click (main's `reminders:notification`, clicked) opens the services screen at that card.
      await harness.control('/__test/notifications', { clickId: shown?.id });
      await expect(page.getByTestId('screen-plan-services')).toBeVisible();
      const target = page.getByTestId(cardId);
      await expect(target).toHaveAttribute('data-highlighted', '');
      await expect(target).toBeInViewport();
      await expect(page.locator('[data-highlighted]')).toHaveCount(1);
      await expectAccessible(page);
      await screenshot(page, lang, '45-reminder-opened-item');

      // The address itself (a link from elsewhere): a step opens on the steps screen.
      await page.goto(
        harness.url.replace('#/', `#/plans/${planId}?item=${encodeURIComponent('step:verify')}`),
      );
      await expect(page.getByTestId('screen-plan-steps')).toBeVisible();
      await expect(page.getByTestId('step-verify')).toHaveAttribute('data-highlighted', '');
      await expect(page.getByTestId('step-verify')).toBeInViewport();
      expect(problems).toEqual([]);
    });
  });
}
