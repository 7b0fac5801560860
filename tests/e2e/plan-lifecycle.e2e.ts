/**
 * The days after submitting, in both languages, with the harness clock and the page clock moved
 * together: an override submission warns in red with the mail first; the cooling-off counts down;
 * once it ends the tag, headline and the one primary action agree ("ended, waiting for
 * confirmation"); closing early asks in red; a closed plan is read-only until reopened; the plan is
 * renamed, switched to from the header, and deleted only after its address is typed back.
 */
import type { Page } from '@playwright/test';
import { RISK_IDS } from '../../electron/common/catalog/risks';
import { test, expect, startHarness, watchPage, type HarnessProcess } from './fixtures';
import {
  addPlan,
  confirmRecoveryCode,
  createVaultWithPassphrase,
  expectAccessible,
  openApp,
  screenshot,
  unlock,
} from './helpers';

const DAY = 86_400_000;
const ADDRESS = 'closeout.later@163.com';
const OTHER = 'closeout.other@126.com';

async function confirmDialog(page: Page): Promise<void> {
  const dialog = page.locator('.n-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('.n-dialog__action button').last().click();
  await expect(dialog).toHaveCount(0);
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByTestId(`plan-nav-${name}`).click();
  await expect(page.getByTestId(`screen-${name}`).or(page.getByTestId('dashboard'))).toBeVisible();
}

/** No ISO date (2026-03-01) in the words on screen: dates are written as the language writes them. */
async function noIsoDates(page: Page): Promise<void> {
  expect(await page.locator('main').innerText()).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
}

/** Moves the core's clock and the page's together (readiness is computed in main, countdowns in the page). */
async function advance(page: Page, h: HarnessProcess, ms: number): Promise<void> {
  await h.control('/__test/clock', { advanceMs: ms });
  await page.clock.fastForward(ms);
}

async function submitWithOverride(page: Page, lang: string): Promise<void> {
  await page.getByTestId('primary-action').click();
  await expect(page).toHaveURL(/plan-alternatives|alternatives/);
  await page.getByTestId('decide-close').click();
  await confirmDialog(page);
  await tab(page, 'plan-steps');
  for (const r of RISK_IDS) await page.getByTestId(`risk-${r}-ack`).click();
  for (const s of ['login', 'find-page', 'read-notice', 'preconditions', 'verify']) {
    await page.getByTestId(`step-${s}-done`).click();
    if (s === 'preconditions') {
      // Step 4 and the gates disagree: the step says so, names them and asks.
      await expect(page.getByTestId('confirm-list').locator('li')).not.toHaveCount(0);
      await screenshot(page, lang as 'en' | 'zh-CN', '59-step4-gates-unmet');
      await page.locator('.n-dialog .n-dialog__action button').last().click();
    }
    await expect(page.getByTestId(`step-${s}`)).toHaveAttribute('data-status', 'done');
  }
  await page.getByTestId('submission-override').fill(lang === 'en' ? 'Testing the warning' : '测试警告');
  await page.getByTestId('submission-record').click();
  // Red, with the unmet conditions listed and the mail first.
  const dialog = page.locator('.n-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.n-dialog__action .n-button--error-type')).toHaveCount(1);
  await expect(page.getByTestId('confirm-list').locator('li').first()).toContainText(
    lang === 'en' ? 'mail' : '邮件',
  );
  await screenshot(page, lang as 'en' | 'zh-CN', '60-override-warning');
  await dialog.locator('.n-dialog__action button').last().click();
  await expect(page.getByTestId('submission')).toHaveAttribute('data-phase', 'submitted');
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`plan lifecycle (${lang})`, () => {
    test.use({ locale: lang });

    test('cooling-off, its end, an early-close warning, closed and read-only, reopen, rename, switch, delete', async ({
      page,
      dataDir,
    }) => {
      test.setTimeout(180_000);
      const problems = watchPage(page);
      await page.clock.install();
      const h = await startHarness({ dataDir });
      try {
        await openApp(page, h.url);
        await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
        await addPlan(page, OTHER);
        await page.getByTestId('nav-plans').click();
        await addPlan(page, ADDRESS);

        // A new plan: the stepper stands on 决定, one primary action leads to the decision.
        await expect(page.getByTestId('stepper').locator('[aria-current="step"]')).toHaveAttribute(
          'data-milestone',
          'decide',
        );
        await expect(page.getByTestId('primary-action')).toBeVisible();
        await expectAccessible(page);
        await screenshot(page, lang, '61-dashboard-new');

        await submitWithOverride(page, lang);

        // During the cooling-off: a countdown, no percentage, no button that leads nowhere.
        await tab(page, 'plan-dashboard');
        await expect(page.getByTestId('plan-status')).toHaveAttribute('data-stage', 'cooling-off');
        await expect(page.getByTestId('countdown')).toBeVisible();
        await expect(page.getByTestId('readiness-ring')).toHaveCount(0);
        await expect(page.getByTestId('primary-action')).toHaveCount(0);
        await expectAccessible(page);
        await screenshot(page, lang, '62-dashboard-cooling-off');
        await noIsoDates(page);

        // Closing now is an early close: asked in red, and cancelled here.
        await tab(page, 'plan-steps');
        await page.getByTestId('submission-close').click();
        await expect(page.locator('.n-dialog .n-dialog__action .n-button--error-type')).toHaveCount(1);
        await screenshot(page, lang, '63-early-close-warning');
        await page.locator('.n-dialog .n-dialog__action button').first().click();
        await expect(page.locator('.n-dialog')).toHaveCount(0);

        // Connecting to the mailbox signs in, which may withdraw the request: after submitting, the
        // mail screen's buttons wait until the person ticks that they want to connect anyway.
        await tab(page, 'plan-mail');
        const risk = page.getByTestId('mail-login-risk');
        await expect(risk).toContainText(lang === 'en' ? 'withdraws the request' : '撤销注销申请');
        await page.getByTestId('mail-code').fill('abcdefghijklmnop');
        await expect(page.getByTestId('mail-test')).toBeDisabled();
        await expectAccessible(page);
        await screenshot(page, lang, '63a-mail-login-risk');
        await page.getByTestId('mail-login-risk-ack').click();
        await expect(page.getByTestId('mail-test')).toBeEnabled();
        // The same for reading the mailbox online in discovery; a backup folder needs no sign-in.
        await tab(page, 'plan-discovery');
        await page.getByTestId('discovery-source-imap').click();
        await expect(page.getByTestId('discovery-login-risk')).toBeVisible();
        await page.getByTestId('discovery-code').fill('abcdefghijklmnop');
        await expect(page.getByTestId('discovery-scan')).toBeDisabled();
        await page.getByTestId('discovery-login-risk-ack').click();
        await expect(page.getByTestId('discovery-scan')).toBeEnabled();
        await page.getByTestId('discovery-source-maildir').click();
        await expect(page.getByTestId('discovery-login-risk')).toHaveCount(0);

        // The reminders of the cooling-off show their words, never a raw key.
        await page.getByTestId('nav-reminders').click();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('main')).not.toContainText('reminders.');
        await expect(page.locator('main')).not.toContainText('cooling-off.');
        await screenshot(page, lang, '64-reminders-cooling-off');

        // Sixteen days later the period is over: tag, headline and the primary action agree.
        await page.getByTestId('nav-plans').click();
        await advance(page, h, 16 * DAY);
        // Sixteen days away: the vault locked itself (auto-lock, 15 minutes by default) at the
        // page's first request after the jump, before the core's timer looked; the person unlocks it.
        await expect(page.locator('#unlock-secret')).toBeVisible();
        await unlock(page);
        await page.getByRole('link', { name: ADDRESS }).click();
        await expect(page.getByTestId('plan-status')).toHaveAttribute('data-stage', 'cooling-off-ended');
        await expect(page.getByTestId('dashboard')).toHaveAttribute('data-stage', 'cooling-off-ended');
        await expect(page.getByTestId('primary-action')).toBeVisible();
        await expect(page.locator('main')).not.toContainText(
          lang === 'en' ? 'Do not log in to this account during' : '冷静期内请不要登录',
        );
        await expectAccessible(page);
        await screenshot(page, lang, '65-dashboard-cooling-off-ended');
        await noIsoDates(page);
        // The same in the dark theme: still readable (axe checks the contrast).
        await page.emulateMedia({ colorScheme: 'dark' });
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        await expectAccessible(page);
        await screenshot(page, lang, '65a-dashboard-cooling-off-ended-dark');
        await page.emulateMedia({ colorScheme: 'light' });

        // The primary action goes where closing is done, and closing is an ordinary confirmation now.
        await page.getByTestId('primary-action').click();
        await expect(page).toHaveURL(/#submission$/);
        await expect(page.getByTestId('submission')).toBeInViewport();
        await expect(page.getByTestId('submission-check-bounce')).toBeVisible();
        await page.getByTestId('submission-close').click();
        await confirmDialog(page);
        await expect(page.getByTestId('plan-status')).toHaveAttribute('data-stage', 'closed');

        // Closed: read-only until reopened; the dashboard says so, with no countdown and no percentage.
        await expect(page.getByTestId('plan-read-only')).toBeVisible();
        await expect(page.getByTestId('submission-close')).toHaveCount(0);
        await tab(page, 'plan-services');
        await expect(page.locator('fieldset[data-read-only] select').first()).toBeDisabled();
        // Its buttons are disabled, and look it (Naive UI's do not follow the fieldset by themselves).
        const button = page.locator('fieldset[data-read-only] .n-button').first();
        await expect(button).toBeDisabled();
        expect(Number(await button.evaluate((b) => getComputedStyle(b).opacity))).toBeLessThan(0.7);
        await screenshot(page, lang, '66b-services-closed-read-only');
        await tab(page, 'plan-dashboard');
        await expect(page.getByTestId('countdown')).toHaveCount(0);
        await expect(page.getByTestId('readiness-ring')).toHaveCount(0);
        await expect(page.getByTestId('stepper').locator('[data-state="done"]')).toHaveCount(5);
        await expectAccessible(page);
        await screenshot(page, lang, '66-dashboard-closed');
        await noIsoDates(page);
        await page.getByTestId('plan-reopen').click();
        await confirmDialog(page);
        await expect(page.getByTestId('plan-status')).toHaveAttribute('data-stage', 'cooling-off-ended');
        await expect(page.getByTestId('plan-read-only')).toHaveCount(0);
        await screenshot(page, lang, '66a-dashboard-reopened');

        // Rename, then switch to the other plan from the header and back.
        await page.getByTestId('plan-rename').click();
        await page
          .getByTestId('plan-rename-input')
          .fill(lang === 'en' ? 'Old university mail' : '大学时的邮箱');
        await page.getByTestId('plan-rename-save').click();
        await expect(page.getByTestId('plan-label')).toHaveText(
          lang === 'en' ? 'Old university mail' : '大学时的邮箱',
        );
        await page.getByTestId('plan-switch').selectOption({ label: OTHER });
        await expect(page.getByTestId('plan-address')).toHaveText(OTHER);
        await screenshot(page, lang, '67-plan-switched');

        // Delete asks for the address to be typed: a wrong one leaves the button disabled.
        await page.getByTestId('plan-delete').click();
        await page.getByTestId('plan-delete-input').fill('closeout.other@163.com');
        await expect(page.getByTestId('plan-delete-confirm')).toBeDisabled();
        await page.getByTestId('plan-delete-input').fill(OTHER);
        await expectAccessible(page);
        await screenshot(page, lang, '68-plan-delete');
        await page.getByTestId('plan-delete-confirm').click();
        await expect(page).toHaveURL(/#\/plans$/);
        await expect(page.getByTestId(`plan-card-${OTHER}`)).toHaveCount(0);
        await expect(page.getByTestId(`plan-card-${ADDRESS}`)).toBeVisible();
        await screenshot(page, lang, '69-plans-after-delete');
        expect(problems).toEqual([]);
      } finally {
        await h.stop();
      }
    });
  });
}
