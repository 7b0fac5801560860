/**
 * The plan's sub-screens end to end, in both languages: every screen empty (with its empty state,
 * axe and a screenshot), then the preparation journey through them: decide, acknowledge the risks
 * one by one, deal with the services, a game with three assets emptied, sites and contacts,
 * backups, the steps, the submission with its countdown, and the history of it all.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, watchPage } from './fixtures';
import {
  addPlan,
  confirmRecoveryCode,
  createVaultWithPassphrase,
  expectAccessible,
  openApp,
  screenshot,
  type Lang,
} from './helpers';

const ADDRESS = 'closeout.e2e@163.com';
const RISKS = [
  'data-unrecoverable',
  'linked-services-lost',
  'assets-zeroed',
  'bindings-removed',
  'address-recycled',
];
const STEPS_BEFORE_CONFIRM = ['login', 'find-page', 'read-notice', 'preconditions', 'verify'];

async function tab(page: Page, name: string): Promise<void> {
  await page.getByTestId(`plan-nav-${name}`).click();
  await expect(page.getByTestId(`screen-${name}`)).toBeVisible();
}

/** Picks an option of a native select by its value. */
async function choose(page: Page, testid: string, value: string): Promise<void> {
  await page.getByTestId(testid).selectOption(value);
}

async function confirmDialog(page: Page): Promise<void> {
  const dialog = page.locator('.n-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('.n-dialog__action button').last().click();
  await expect(dialog).toBeHidden();
}

/** Checks the screen and saves it, scrolled to the top (or to `testid`, the part the picture is about). */
async function shot(page: Page, lang: Lang, name: string, testid?: string): Promise<void> {
  await expectAccessible(page);
  if (testid)
    await page.getByTestId(testid).evaluate((el) => {
      // Only the shell's content area scrolls; the window stays put.
      const main = el.closest<HTMLElement>('#main');
      if (main) main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top;
      window.scrollTo(0, 0);
    });
  else
    await page.locator('#main').evaluate((el) => {
      el.scrollTo(0, 0);
      window.scrollTo(0, 0);
    });
  await screenshot(page, lang, name);
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`plan screens (${lang})`, () => {
    test.use({ locale: lang });

    test('every sub-screen, from empty to submitted', async ({ page, harness }) => {
      test.setTimeout(300_000);
      const problems = watchPage(page);
      await openApp(page, harness.url);
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      await addPlan(page, ADDRESS);

      // Empty or untouched: each screen says what to do.
      await tab(page, 'plan-alternatives');
      await expect(page.getByTestId('decision')).toHaveAttribute('data-phase', 'deciding');
      await shot(page, lang, '20-alternatives');
      await tab(page, 'plan-steps');
      await expect(page.getByTestId('steps-decide-prompt')).toBeVisible();
      // The submission card says what it waits for, not just its heading.
      await expect(page.getByTestId('submission-decide-first')).toContainText(
        lang === 'en' ? 'First decide' : '先决定',
      );
      await shot(page, lang, '21-steps');
      await tab(page, 'plan-assets');
      await expect(
        page.getByRole('status').filter({ has: page.getByTestId('asset-add-empty') }),
      ).toBeVisible();
      await shot(page, lang, '22-assets-empty');
      await tab(page, 'plan-sites');
      await expect(page.getByTestId('sites-list')).toHaveCount(0);
      await shot(page, lang, '23-sites-empty');
      await tab(page, 'plan-history');
      await expect(page.getByTestId('history-list')).toBeVisible();
      await tab(page, 'plan-discovery');
      await shot(page, lang, '24-discovery-empty');

      // Decide to close (with a confirmation), from the alternatives advisor.
      await tab(page, 'plan-alternatives');
      await page.getByTestId('decide-close').click();
      await confirmDialog(page);
      await expect(page.getByTestId('decision')).toHaveAttribute('data-phase', 'preparing');

      // The risks, one by one; taking one back works too.
      await tab(page, 'plan-steps');
      for (const r of RISKS) {
        await page.getByTestId(`risk-${r}-ack`).click();
        await expect(page.getByTestId(`risk-${r}-undo`)).toBeVisible();
      }
      await page.getByTestId('risk-address-recycled-undo').click();
      await expect(page.getByTestId('risk-address-recycled-ack')).toBeVisible();
      await page.getByTestId('risk-address-recycled-ack').click();
      await expect(page.getByTestId('risks-progress')).toContainText('5');

      // Linked services: the catalog defaults, plus a game of the user's own with three assets.
      await tab(page, 'plan-services');
      const defaults = page.locator('[data-testid^="service-"][data-status]');
      const count = await defaults.count();
      expect(count).toBeGreaterThan(0);
      await page.locator('#custom-service-name').fill('逆水寒');
      await page.getByTestId('custom-service-add').click();
      const game = page.locator('[data-testid^="service-"][data-status]').filter({ hasText: '逆水寒' });
      await expect(game).toHaveCount(1);
      // The same name again is refused, in words: two cards could not be told apart.
      await page.locator('#custom-service-name').fill('逆水寒');
      await page.getByTestId('custom-service-add').click();
      await expect(page.locator('[data-error-code="plan.duplicate-service"]')).toContainText(
        lang === 'en' ? 'already in the list' : '已经在列表里了',
      );
      await expect(game).toHaveCount(1);
      await page.locator('#custom-service-name').fill('');
      await game.locator('select').selectOption('in-use');
      await expect(game).toHaveAttribute('data-status', 'in-use');
      await shot(page, lang, '25-services');
      await game.getByTestId(/-add-asset$/).click();
      await expect(page.getByTestId('asset-add-form')).toBeVisible();

      const assets: [kind: string, label: string, amount: string][] = [
        ['cash-balance', 'Balance', '12.50'],
        ['game-currency', 'Jade', '1200'],
        ['coupon', 'Coupon', '5'],
      ];
      for (const [i, [kind, label, amount]] of assets.entries()) {
        await choose(page, 'asset-new-kind', kind);
        await page.getByTestId('asset-new-label').fill(label);
        await page.getByTestId('asset-new-amount').fill(amount);
        await page.getByTestId('asset-new-save').click();
        await expect(page.locator('tr[data-status]')).toHaveCount(i + 1);
        await expect(
          page
            .locator('tr[data-status]')
            .nth(i)
            .getByTestId(/-label$/),
        ).toHaveValue(label);
      }
      // An invalid amount is refused with a message, and nothing is stored.
      await page.getByTestId('asset-new-label').fill('Broken');
      await page.getByTestId('asset-new-amount').fill('1.234');
      await page.getByTestId('asset-new-save').click();
      await expect(page.getByTestId('asset-add-form').getByRole('alert')).toBeVisible();
      await page.getByTestId('asset-add-form').getByRole('button').first().click();

      await expect(page.getByTestId('assets-readiness')).toHaveAttribute('data-status', 'blocked');
      const totals = page.getByTestId('assets-totals');
      await expect(totals.locator('[data-currency="CNY"]')).toContainText(
        lang === 'en' ? 'CN¥17.50' : '¥17.50',
      );
      await shot(page, lang, '26-assets');
      // Empty them: spend, withdraw, give up.
      const rows = page.locator('tr[data-status]');
      for (let i = 0; i < 3; i++) {
        await rows
          .nth(i)
          .locator('select')
          .last()
          .selectOption(i === 2 ? 'forfeited' : 'emptied');
      }
      await expect(page.getByTestId('assets-totals-none')).toBeVisible();
      await expect(page.getByTestId('assets-readiness')).toHaveAttribute('data-status', 'met');

      // Every service checked: the game dealt with, the rest never used.
      await tab(page, 'plan-services');
      const all = page.locator('article[data-testid^="service-"]');
      const unchecked = page.locator('article[data-testid^="service-"][data-status="unchecked"]');
      await all.filter({ hasText: '逆水寒' }).locator('select').selectOption('cleared');
      const catalogCount = (await all.count()) - 1;
      await expect(unchecked).toHaveCount(catalogCount);
      // "The rest never used" is one press, and one press takes it back.
      await page.getByTestId('services-rest-not-used').click();
      await expect(unchecked).toHaveCount(0);
      await page.getByTestId('services-bulk-undo').click();
      await expect(unchecked).toHaveCount(catalogCount);
      await expect(page.getByTestId('services-bulk-done')).toHaveCount(0);
      await page.getByTestId('services-rest-not-used').click();
      await expect(unchecked).toHaveCount(0);
      for (const g of ['no-open-orders']) await choose(page, `gate-${g}-declare`, 'met');
      await expect(page.getByTestId('gate-third-party-unbound')).toHaveAttribute('data-status', 'met');

      // Sites and contacts, with the message templates in both languages.
      await tab(page, 'plan-sites');
      // A list's label is bound to it (LabeledSelect): a click on the words focuses the list.
      await page.locator('label[for="site-new-category"]').click();
      await expect(page.getByTestId('site-new-category')).toBeFocused();
      await page.locator('#site-new-name').fill('招商银行');
      await page.locator('#site-new-domain').fill('cmbchina.com');
      await page.getByTestId('site-add').click();
      const site = page.locator('li[data-testid^="site-"]');
      await expect(site).toHaveCount(1);
      await site.locator('select').selectOption('changed');
      await expect(site).toHaveAttribute('data-status', 'changed');
      // Each row's status list is named after the row, for a screen reader.
      await expect(page.getByLabel(lang === 'en' ? 'Status: 招商银行' : '状态：招商银行')).toHaveValue(
        'changed',
      );
      await page.locator('#contact-new-name').fill('Li Hua');
      await page.getByTestId('contact-add').click();
      const contact = page.locator('li[data-testid^="contact-"]');
      await contact.locator('select').selectOption('told');
      await expect(contact).toHaveAttribute('data-status', 'told');
      await page.locator('#template-new-address').fill('me@example.org');
      await expect(page.getByTestId('template-zh')).toHaveValue(
        /closeout\.e2e@163\.com[\s\S]*me@example\.org/,
      );
      await expect(page.getByTestId('template-en')).toHaveValue(
        /closeout\.e2e@163\.com[\s\S]*me@example\.org/,
      );
      await shot(page, lang, '27-sites');
      // The new address is kept when the user leaves and comes back.
      await tab(page, 'plan-assets');
      await tab(page, 'plan-sites');
      await expect(page.locator('#template-new-address')).toHaveValue('me@example.org');

      // Backups marked by hand, one not needed.
      await tab(page, 'plan-backups');
      for (const kind of ['mail', 'netdisk', 'contacts', 'calendar']) {
        await page.getByTestId(`backup-${kind}-mark-done`).click();
        // No checked mail backup: the app asks (and explains) before recording it as done.
        if (kind === 'mail') {
          await expect(page.locator('.n-dialog')).toContainText(
            lang === 'en' ? 'gone for good' : '再也找不回来',
          );
          await page.locator('.n-dialog .n-dialog__action button').last().click();
        }
        await expect(page.getByTestId(`backup-${kind}`)).toHaveAttribute('data-status', 'done');
      }
      await choose(page, 'backup-notes-status', 'not-needed');
      await expect(page.getByTestId('backup-notes')).toHaveAttribute('data-status', 'not-needed');
      await expect(page.getByTestId('backups-progress')).toContainText('5');
      await shot(page, lang, '28-backups');

      // The steps, each with a note; the mail clients removed; the account declared normal.
      await tab(page, 'plan-steps');
      await choose(page, 'prep-remove-mail-clients', 'done');
      for (const s of STEPS_BEFORE_CONFIRM) {
        // One press marks a step done; step 4 first says which preconditions are still unmet.
        await page.getByTestId(`step-${s}-done`).click();
        if (s === 'preconditions') {
          await expect(page.getByTestId('confirm-list')).toBeVisible();
          await page.locator('.n-dialog .n-dialog__action button').last().click();
        }
        await expect(page.getByTestId(`step-${s}`)).toHaveAttribute('data-status', 'done');
      }
      // A note is added afterwards, when there is something to say.
      await page.getByTestId('step-verify-note').click();
      await expect(page.getByTestId('step-note-dialog-input')).toBeFocused();
      await expectAccessible(page);
      await screenshot(page, lang, '29a-step-note-dialog');
      await page.getByTestId('step-note-dialog-input').fill('note verify');
      // Esc with a note typed asks first; "keep editing" keeps the note and the dialog.
      await page.keyboard.press('Escape');
      const discard = page.locator('.n-dialog[aria-label]').filter({
        hasText: lang === 'en' ? 'Discard this note?' : '放弃这段备注？',
      });
      await expect(discard).toBeVisible();
      await discard.getByRole('button', { name: lang === 'en' ? 'Keep editing' : '继续编辑' }).click();
      await expect(discard).toHaveCount(0);
      await expect(page.getByTestId('step-note-dialog-input')).toHaveValue('note verify');
      await page.getByTestId('step-note-dialog-confirm').click();
      await expect(page.getByTestId('step-note-dialog')).toBeHidden();
      await expect(page.getByTestId('step-verify')).toContainText('note verify');
      await shot(page, lang, '29-steps-done', 'submission');

      // One required precondition is only known to the user: it blocks until declared or overridden.
      await expect(page.getByTestId('submission-blockers')).toBeVisible();
      await expect(page.getByTestId('submission-record')).toBeDisabled();
      await page
        .getByTestId('submission-override')
        .fill('The account is in good standing; I checked the security centre.');
      await page.getByTestId('submission-record').click();
      await confirmDialog(page);
      await expect(page.getByTestId('submission')).toHaveAttribute('data-phase', 'submitted');
      await expect(page.getByTestId('countdown')).toBeVisible();
      await shot(page, lang, '30-submitted', 'submission');

      // The history tells the story, newest first.
      await tab(page, 'plan-history');
      const entries = page.getByTestId('history-list').locator('li[data-command]');
      await expect.poll(() => entries.count()).toBeGreaterThan(30);
      await expect(entries.first()).toHaveAttribute('data-command', 'plan.submit');
      await shot(page, lang, '31-history');

      // The same screens in the dark theme the OS asks for: still readable (axe checks contrast).
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await tab(page, 'plan-assets');
      await shot(page, lang, '33-assets-dark');
      await tab(page, 'plan-steps');
      await shot(page, lang, '34-steps-dark', 'submission');

      expect(problems).toEqual([]);
    });

    test('removing an item asks first, and cancelling keeps it', async ({ page, harness }) => {
      await openApp(page, harness.url);
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      await addPlan(page, 'keep.me@126.com');
      await tab(page, 'plan-sites');
      await page.locator('#site-new-name').fill('Example Bank');
      await page.getByTestId('site-add').click();
      const site = page.locator('li[data-testid^="site-"]');
      await site.getByTestId(/-remove$/).click();
      const dialog = page.locator('.n-dialog');
      await expect(dialog).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, lang, '32-confirm-remove');
      await dialog.locator('.n-dialog__action button').first().click();
      await expect(site).toHaveCount(1);
      await site.getByTestId(/-remove$/).click();
      await confirmDialog(page);
      await expect(site).toHaveCount(0);
      await expect(page.getByTestId('screen-plan-sites').getByRole('status').first()).toBeVisible();
    });

    test('risks, a step with its note, and an asset, by keyboard alone', async ({ page, harness }) => {
      test.setTimeout(150_000);
      await openApp(page, harness.url);
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      await addPlan(page, 'keys.only@163.com');
      // Moves focus with Tab until the element with this test id has it (Shift+Tab never needed here).
      const tabTo = async (testid: string) => {
        for (let i = 0; i < 300; i++) {
          await page.keyboard.press('Tab');
          if (
            await page.evaluate(
              (id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null,
              testid,
            )
          )
            return;
        }
        throw new Error(`Tab never reached ${testid}`);
      };
      await tabTo('plan-nav-plan-alternatives');
      await page.keyboard.press('Enter');
      await tabTo('decide-close');
      await page.keyboard.press('Enter');
      await expect(page.locator('.n-dialog')).toBeVisible();
      // Focus stays inside the dialog; its last button confirms.
      for (let i = 0; i < 10; i++) {
        if (
          await page.evaluate(
            () => document.activeElement === document.querySelector('.n-dialog__action button:last-child'),
          )
        )
          break;
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('decision')).toHaveAttribute('data-phase', 'preparing');

      await tabTo('plan-nav-plan-steps');
      await page.keyboard.press('Enter');
      await tabTo('risk-data-unrecoverable-ack');
      await expect(page.locator(':focus-visible')).toHaveCount(1);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('risk-data-unrecoverable-undo')).toBeVisible();
      await tabTo('step-login-done');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('step-login')).toHaveAttribute('data-status', 'done');
      await tabTo('step-login-note');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('step-note-dialog-input')).toBeFocused();
      await page.keyboard.type('signed in from the laptop');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.getByTestId('step-note-dialog-confirm')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('step-login')).toContainText('signed in from the laptop');

      await tabTo('plan-nav-plan-assets');
      await page.keyboard.press('Enter');
      await tabTo('asset-add-empty');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('asset-new-service')).toBeFocused();
      await tabTo('asset-new-label');
      await page.keyboard.type('Points');
      await page.keyboard.press('Tab');
      await page.keyboard.type('8.80');
      await page.keyboard.press('Enter');
      await expect(page.locator('tr[data-status]')).toHaveCount(1);
      await expect(page.getByTestId('assets-totals')).toContainText('8.80');
    });
  });
}

test.describe('plan status tag', () => {
  test.use({ locale: 'en' });

  test('"not ready" stays readable at the instant the theme changes (no colour fade)', async ({
    page,
    harness,
  }) => {
    await openApp(page, harness.url);
    await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
    await addPlan(page, ADDRESS);
    await tab(page, 'plan-alternatives');
    await page.getByTestId('decide-close').click();
    await confirmDialog(page);
    const tag = page.getByTestId('plan-status');
    await expect(tag).toHaveAttribute('data-status', 'not-ready');
    await expectAccessible(page);
    // Deliberately not settled: a fade between the themes' colours passed through 2.5:1.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await tag.evaluate((el) => el.getAnimations().length)).toBe(0);
    const result = await new AxeBuilder({ page }).include('[data-testid="plan-status"]').analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
