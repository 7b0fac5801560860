/**
 * The whole journey of issue 4 item 4, in both languages: a new user creates a vault with a
 * passphrase, adds a 163.com plan, decides to close, acknowledges the risks, adds a game with three
 * assets and empties them, marks backups and sites, watches readiness reach "ready" (no override),
 * submits and sees the countdown; the harness restarts on the same folder and everything is there.
 * Every screen on the way is checked with axe and photographed at 1280x800. journey-keyboard.e2e.ts
 * walks the same journey by keyboard alone.
 */
import type { Page } from '@playwright/test';
import { RISK_IDS } from '../../electron/common/catalog/risks';
import { test, expect, startHarness, watchPage, type HarnessProcess } from './fixtures';
import {
  actionCount,
  addPlan,
  countActions,
  confirmRecoveryCode,
  createVaultWithPassphrase,
  expectAccessible,
  openApp,
  screenshot,
  unlock,
  type Lang,
} from './helpers';

const ADDRESS = 'closeout.journey@163.com';
const GAME = '逆水寒';
const STEPS_BEFORE_CONFIRM = ['login', 'find-page', 'read-notice', 'preconditions', 'verify'];
/** The default placeholder texts of Naive UI: a field must never show them. */
const NAIVE_DEFAULT_PLACEHOLDERS = ['请输入', '请选择', 'Please Input', 'Please Select'];

async function check(page: Page, lang: Lang, name: string): Promise<void> {
  const placeholders = await page
    .locator('input[placeholder], textarea[placeholder]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('placeholder') ?? ''));
  expect(placeholders.filter((p) => NAIVE_DEFAULT_PLACEHOLDERS.includes(p))).toEqual([]);
  await expectAccessible(page);
  await screenshot(page, lang, name);
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByTestId(`plan-nav-${name}`).click();
  await expect(page.getByTestId(`screen-${name}`).or(page.getByTestId('dashboard'))).toBeVisible();
}

async function confirmDialog(page: Page): Promise<void> {
  const dialog = page.locator('.n-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('.n-dialog__action button').last().click();
  await expect(dialog).toHaveCount(0);
}

/** Waits for the plan to settle (no command in flight) before the next change. */
async function settled(page: Page, testid: string, status: string): Promise<void> {
  await expect(page.getByTestId(testid)).toHaveAttribute('data-status', status);
}

async function journey(page: Page, lang: Lang, h: HarnessProcess): Promise<void> {
  await openApp(page, h.url);
  await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
  await check(page, lang, '80-plans-empty');
  const before = await actionCount(page);
  await addPlan(page, ADDRESS);
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'deciding');
  // Day one: the progress card is there and says what it will show, instead of being left out.
  await expect(page.getByTestId('burndown-empty')).toBeVisible();
  await check(page, lang, '81-dashboard-new');

  // Decide to close.
  await tab(page, 'plan-alternatives');
  await page.getByTestId('decide-close').click();
  await confirmDialog(page);
  await expect(page.getByTestId('decision')).toHaveAttribute('data-phase', 'preparing');
  await check(page, lang, '82-alternatives-decided');

  // The risks, one by one; and the mail clients removed.
  await tab(page, 'plan-steps');
  for (const r of RISK_IDS) {
    await page.getByTestId(`risk-${r}-ack`).click();
    await expect(page.getByTestId(`risk-${r}-undo`)).toBeVisible();
  }
  // The answer most give is one press beside the list.
  await page.getByTestId('prep-remove-mail-clients-done').click();
  await expect(page.getByTestId('prep-remove-mail-clients')).toHaveValue('done');
  await expect(page.getByTestId('prep-remove-mail-clients-done')).toHaveCount(0);
  await check(page, lang, '83-steps-risks');

  // A game of the user's own, in use, with three assets.
  await tab(page, 'plan-services');
  await page.locator('#custom-service-name').fill(GAME);
  await page.getByTestId('custom-service-add').click();
  const game = page.locator('article[data-testid^="service-"]').filter({ hasText: GAME });
  await expect(game).toHaveCount(1);
  // A service the user names is in use until they say otherwise.
  await expect(game).toHaveAttribute('data-status', 'in-use');
  await check(page, lang, '84-services');
  await game.getByTestId(/-add-asset$/).click();
  await expect(page.getByTestId('asset-add-form')).toBeVisible();
  for (const [n, [kind, label, amount]] of (
    [
      ['cash-balance', lang === 'en' ? 'Wallet' : '钱包余额', '30.00'],
      ['game-currency', lang === 'en' ? 'Jade' : '元宝', '1200'],
      ['coupon', lang === 'en' ? 'Coupon' : '代金券', '5'],
    ] as const
  ).entries()) {
    await page.getByTestId('asset-new-kind').selectOption(kind);
    await page.getByTestId('asset-new-label').fill(label);
    await page.getByTestId('asset-new-amount').fill(amount);
    await page.getByTestId('asset-new-save').click();
    await expect(page.locator('tr[data-status]')).toHaveCount(n + 1);
  }
  await page.getByTestId('asset-add-form').getByRole('button').first().click();
  await expect(page.getByTestId('assets-readiness')).toHaveAttribute('data-status', 'blocked');
  await expect(page.getByTestId('assets-totals').locator('[data-currency="CNY"]')).toContainText(
    lang === 'en' ? 'CN¥35.00' : '¥35.00',
  );
  await check(page, lang, '85-assets-open');
  const rows = page.locator('tr[data-status]');
  await expect(rows).toHaveCount(3);
  // Two used up with one press each; the third given up through its list.
  for (let i = 0; i < 2; i++) {
    await rows
      .nth(i)
      .getByTestId(/-emptied$/)
      .click();
    await expect(rows.nth(i)).toHaveAttribute('data-status', 'emptied');
  }
  await rows.nth(2).locator('select').last().selectOption('forfeited');
  await expect(rows.nth(2)).toHaveAttribute('data-status', 'forfeited');
  await expect(rows.nth(2).getByTestId(/-emptied$/)).toHaveCount(0);
  await expect(page.getByTestId('assets-totals-none')).toBeVisible();
  await expect(page.getByTestId('assets-readiness')).toHaveAttribute('data-status', 'met');
  await check(page, lang, '86-assets-emptied');

  // Every service checked: the game cleared, the rest never used; no open orders.
  await tab(page, 'plan-services');
  await game.getByTestId(/-cleared$/).click();
  await expect(game).toHaveAttribute('data-status', 'cleared');
  // The catalog's services were never used: one press for all of them.
  await page.getByTestId('services-rest-not-used').click();
  await expect(page.locator('article[data-testid^="service-"][data-status="unchecked"]')).toHaveCount(0);
  await expect(page.getByTestId('services-bulk-done')).toBeVisible();
  await page.getByTestId('gate-no-open-orders-met').click();
  await settled(page, 'gate-no-open-orders', 'met');
  await settled(page, 'gate-third-party-unbound', 'met');
  await settled(page, 'gate-pay-closed', 'met');

  // Sites and contacts.
  await tab(page, 'plan-sites');
  await page.locator('#site-new-name').fill(lang === 'en' ? 'My bank' : '招商银行');
  await page.locator('#site-new-domain').fill('cmbchina.com');
  await page.getByTestId('site-add').click();
  const site = page.locator('li[data-testid^="site-"]');
  await expect(site).toHaveCount(1);
  await site.getByTestId(/-changed$/).click();
  await expect(site).toHaveAttribute('data-status', 'changed');
  await page.locator('#contact-new-name').fill(lang === 'en' ? 'Li Hua' : '李华');
  await page.getByTestId('contact-add').click();
  const contact = page.locator('li[data-testid^="contact-"]');
  await contact.getByTestId(/-told$/).click();
  await expect(contact).toHaveAttribute('data-status', 'told');
  await check(page, lang, '87-sites');

  // Backups marked by hand, notes not needed.
  await tab(page, 'plan-backups');
  for (const kind of ['mail', 'netdisk', 'contacts', 'calendar']) {
    await page.getByTestId(`backup-${kind}-mark-done`).click();
    // The mail has no checked copy: marking it backed up asks first, and says what is at stake.
    if (kind === 'mail') await confirmDialog(page);
    await settled(page, `backup-${kind}`, 'done');
  }
  await page.getByTestId('backup-notes-not-needed').click();
  await settled(page, 'backup-notes', 'not-needed');
  await check(page, lang, '88-backups');

  // The last precondition only the user knows: answered on the dashboard, where its fix link points.
  await tab(page, 'plan-dashboard');
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'not-ready');
  await page.getByTestId('gate-account-normal-met').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('[data-gate][data-status]:not([data-status="met"])')).toHaveCount(2); // the two advisory gates
  await check(page, lang, '89-dashboard-ready');

  // The five steps before the submission with one press on the last of them (the earlier ones are
  // recorded with it), a note, then the submission: no blockers, so no override is asked for.
  await tab(page, 'plan-steps');
  await page.getByTestId('step-verify-done-with-earlier').click();
  for (const s of STEPS_BEFORE_CONFIRM)
    await expect(page.getByTestId(`step-${s}`)).toHaveAttribute('data-status', 'done');
  // A note is optional now (a step is done with one press); the journey still writes one.
  await page.getByTestId('step-verify-note').click();
  await page.getByTestId('step-note-dialog-input').fill(`${lang} verify`);
  await page.getByTestId('step-note-dialog-confirm').click();
  await expect(page.getByTestId('step-verify')).toContainText(`${lang} verify`);
  const noteClicks = 2;
  // Let the last note dialog finish leaving: axe would measure its half-faded text.
  await expect(page.locator('.n-dialog')).toHaveCount(0);
  await expect(page.getByTestId('submission-blockers')).toHaveCount(0);
  await expect(page.getByTestId('submission-override')).toHaveCount(0);
  await check(page, lang, '90-steps-ready');
  await page.getByTestId('submission-record').click();
  await confirmDialog(page);
  await expect(page.getByTestId('submission')).toHaveAttribute('data-phase', 'submitted');
  await expect(page.getByTestId('countdown')).toBeVisible();
  const clicks = (await actionCount(page)) - before - noteClicks;
  console.log(
    `[journey ${lang}] clicks and choices from a new plan to a submitted plan: ${clicks} (before issue 15: 84; target 50)`,
  );
  // 50 is 40% below the 84 counted before issue 15: one more click anywhere on the way fails this.
  expect(clicks).toBeLessThanOrEqual(50);

  await tab(page, 'plan-dashboard');
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'submitted');
  await expect(page.getByTestId('countdown')).toContainText(lang === 'en' ? /\d+ days?/ : /\d+\s*天/);
  await check(page, lang, '91-dashboard-submitted');
  await tab(page, 'plan-history');
  await expect(page.getByTestId('history-list').locator('li[data-command]').first()).toHaveAttribute(
    'data-command',
    'plan.submit',
  );
  await check(page, lang, '92-history');

  // The rest of the plan's screens and the app's, as they look after submitting.
  for (const [name, shot] of [
    ['plan-mail', '93-mail'],
    ['plan-discovery', '94-discovery'],
    ['plan-report', '95-report'],
  ] as const) {
    await tab(page, name);
    await check(page, lang, shot);
  }
  for (const [name, shot] of [
    ['reminders', '96-reminders'],
    ['transfer', '97-transfer'],
    ['settings', '98-settings'],
    ['plans', '99-plans-submitted'],
  ] as const) {
    await page.getByTestId(`nav-${name}`).click();
    await expect(page).toHaveURL(new RegExp(`#/${name}`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await check(page, lang, shot);
  }
  await expect(page.getByTestId(`plan-card-${ADDRESS}`).getByTestId('countdown')).toBeVisible();
}

/** After a restart: the same plan, submitted, with its countdown, assets, sites, backups and history. */
async function expectEverythingThere(page: Page, lang: Lang): Promise<void> {
  await expect(page.getByTestId(`plan-card-${ADDRESS}`)).toBeVisible();
  await page.getByRole('link', { name: ADDRESS }).click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'submitted');
  await expect(page.getByTestId('countdown')).toBeVisible();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-stage', 'cooling-off');
  await tab(page, 'plan-backups');
  for (const kind of ['mail', 'netdisk', 'contacts', 'calendar'])
    await settled(page, `backup-${kind}`, 'done');
  await tab(page, 'plan-assets');
  await expect(page.locator('tr[data-status]')).toHaveCount(3);
  await expect(page.getByTestId('assets-totals-none')).toBeVisible();
  await tab(page, 'plan-sites');
  await expect(page.locator('li[data-testid^="site-"]')).toHaveAttribute('data-status', 'changed');
  await tab(page, 'plan-steps');
  for (const s of STEPS_BEFORE_CONFIRM)
    await expect(page.getByTestId(`step-${s}`)).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('step-verify')).toContainText(`${lang} verify`);
  await expect(page.getByTestId('submission')).toHaveAttribute('data-phase', 'submitted');
  await tab(page, 'plan-history');
  await expect(page.getByTestId('history-list').locator('li[data-command]').first()).toHaveAttribute(
    'data-command',
    'plan.submit',
  );
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`journey (${lang})`, () => {
    test.use({ locale: lang });

    test('from a new vault to a submitted closure with its countdown, and all of it after a restart', async ({
      page,
      dataDir,
    }) => {
      test.setTimeout(360_000);
      const problems = watchPage(page);
      await countActions(page);
      let h = await startHarness({ dataDir });
      try {
        await journey(page, lang, h);

        expect(await h.stop('SIGTERM')).toBe(0);
        h = await startHarness({ dataDir });
        await openApp(page, h.url);
        await expect(page.locator('#unlock-secret')).toBeVisible();
        await check(page, lang, '100-unlock-after-restart');
        await unlock(page);
        await expectEverythingThere(page, lang);
        expect(problems).toEqual([]);
      } finally {
        await h.stop();
      }
    });
  });
}
