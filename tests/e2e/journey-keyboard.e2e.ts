/**
 * The main journey by keyboard alone: Tab / Shift+Tab to move, Enter / Space to press, arrow keys
 * in radio groups and selects, and typing into fields. No clicks, no fill(), no selectOption(), no
 * focus(): the test only looks at where the focus is to decide which way to Tab.
 */
import type { Locator, Page } from '@playwright/test';
import { RISK_IDS } from '../../electron/common/catalog/risks';
import { test, expect, watchPage } from './fixtures';
import { openApp, PASSPHRASE } from './helpers';

const ADDRESS = 'keyboard.only@163.com';
const GAME = 'Justice Online';

/** Tabs forwards or backwards, whichever way `target` lies from the focused element, until it has the focus. */
async function tabTo(page: Page, target: Locator, max = 400): Promise<void> {
  // Attached, not visible: Naive UI's radio inputs are focusable but drawn by their label.
  await expect(target).toBeAttached();
  await expect(target).toBeEnabled();
  for (let i = 0; i < max; i++) {
    const where = await target.evaluate((el) => {
      const active = document.activeElement;
      if (active === el) return 'here';
      if (!active || active === document.body) return 'forward';
      return active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? 'forward' : 'back';
    });
    if (where === 'here') return;
    await page.keyboard.press(where === 'forward' ? 'Tab' : 'Shift+Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab in ${max} presses`);
}

async function press(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Moves a native select to `value` with the arrow keys, one option at a time (each change applies). */
async function chooseWithArrows(page: Page, select: Locator, value: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const { current, want } = await select.evaluate((el, v) => {
      const s = el as HTMLSelectElement;
      return { current: s.selectedIndex, want: [...s.options].findIndex((o) => o.value === v) };
    }, value);
    if (want < 0) throw new Error(`no option ${value}`);
    if (current === want) return;
    if (i > 0) await expect(select).toBeFocused();
    await tabTo(page, select);
    await page.keyboard.press(want > current ? 'ArrowDown' : 'ArrowUp');
    const moved = current + (want > current ? 1 : -1);
    await expect.poll(() => select.evaluate((el) => (el as HTMLSelectElement).selectedIndex)).toBe(moved);
    // The change saves (aria-busy while it does); the select keeps the focus all along, so the
    // next arrow key still goes to it (a select disabled while saving threw focus to <body>).
    await expect(select).not.toHaveAttribute('aria-busy', 'true');
    await expect(select).toBeEnabled();
    await expect(select).toBeFocused();
  }
  throw new Error(`select did not reach ${value}`);
}

async function openTab(page: Page, name: string): Promise<void> {
  await press(page, page.getByTestId(`plan-nav-${name}`));
  await expect(page.getByTestId(`screen-${name}`).or(page.getByTestId('dashboard'))).toBeVisible();
}

/** The positive button of the open confirmation, reached inside its focus trap. */
async function confirmByKeyboard(page: Page): Promise<void> {
  const dialog = page.locator('.n-dialog');
  await expect(dialog).toBeVisible();
  await press(page, dialog.locator('.n-dialog__action button').last());
  await expect(dialog).toHaveCount(0);
}

test.describe('journey by keyboard alone', () => {
  test.use({ locale: 'en' });

  test('create, plan, decide, acknowledge, empty assets, back up, reach ready and submit', async ({
    page,
    harness,
  }) => {
    test.setTimeout(300_000);
    const problems = watchPage(page);
    await openApp(page, harness.url);

    // First run: the passphrase mode is a radio group (arrow keys), then the two fields.
    await tabTo(page, page.getByTestId('mode-keychain').locator('input'));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('mode-passphrase').locator('input')).toBeChecked();
    await typeInto(page, page.locator('#new-passphrase'), PASSPHRASE);
    await typeInto(page, page.locator('#confirm-passphrase'), PASSPHRASE);
    await press(page, page.getByTestId('create-vault'));
    const code = (await page.getByTestId('recovery-code').textContent())?.trim() ?? '';
    const index = Number(await page.getByTestId('recovery-form').getAttribute('data-ask-group'));
    await typeInto(page, page.locator('#recovery-check'), index >= 0 ? (code.split('-')[index] ?? '') : code);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/plans/);

    // A plan: Enter in the field submits the form and opens the new plan.
    await typeInto(page, page.locator('#plan-address'), ADDRESS);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('plan-address')).toHaveText(ADDRESS);

    await openTab(page, 'plan-alternatives');
    await press(page, page.getByTestId('decide-close'));
    await confirmByKeyboard(page);
    await expect(page.getByTestId('decision')).toHaveAttribute('data-phase', 'preparing');

    await openTab(page, 'plan-steps');
    for (const r of RISK_IDS) {
      await press(page, page.getByTestId(`risk-${r}-ack`), 'Space');
      await expect(page.getByTestId(`risk-${r}-undo`)).toBeVisible();
    }
    await chooseWithArrows(page, page.getByTestId('prep-remove-mail-clients'), 'done');

    // The game and its three assets.
    await openTab(page, 'plan-services');
    await typeInto(page, page.locator('#custom-service-name'), GAME);
    await page.keyboard.press('Enter');
    const game = page.locator('article[data-testid^="service-"]').filter({ hasText: GAME });
    await expect(game).toHaveCount(1);
    await chooseWithArrows(page, game.locator('select'), 'in-use');
    await expect(game).toHaveAttribute('data-status', 'in-use');
    await press(page, game.getByTestId(/-add-asset$/));
    await expect(page.getByTestId('asset-add-form')).toBeVisible();
    for (const [n, [kind, label, amount]] of (
      [
        ['cash-balance', 'Wallet', '30.00'],
        ['game-currency', 'Jade', '1200'],
        ['coupon', 'Coupon', '5'],
      ] as const
    ).entries()) {
      await chooseWithArrows(page, page.getByTestId('asset-new-kind'), kind);
      await typeInto(page, page.getByTestId('asset-new-label'), label);
      await typeInto(page, page.getByTestId('asset-new-amount'), amount);
      await page.keyboard.press('Enter');
      await expect(page.locator('tr[data-status]')).toHaveCount(n + 1);
    }
    await press(page, page.getByTestId('asset-add-form').getByRole('button').first());
    const rows = page.locator('tr[data-status]');
    await expect(rows).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await chooseWithArrows(page, rows.nth(i).locator('select').last(), 'emptied');
      await expect(rows.nth(i)).toHaveAttribute('data-status', 'emptied');
    }
    await expect(page.getByTestId('assets-readiness')).toHaveAttribute('data-status', 'met');

    await openTab(page, 'plan-services');
    const cards = page.locator('article[data-testid^="service-"]');
    for (let i = 0; i < (await cards.count()); i++) {
      const card = cards.nth(i);
      const status = (await card.textContent())?.includes(GAME) ? 'cleared' : 'not-used';
      await chooseWithArrows(page, card.locator('select'), status);
      await expect(card).toHaveAttribute('data-status', status);
    }
    await chooseWithArrows(page, page.getByTestId('gate-no-open-orders-declare'), 'met');
    await expect(page.getByTestId('gate-no-open-orders')).toHaveAttribute('data-status', 'met');

    await openTab(page, 'plan-sites');
    await typeInto(page, page.locator('#site-new-name'), 'My bank');
    await typeInto(page, page.locator('#site-new-domain'), 'bank.example');
    await page.keyboard.press('Enter');
    const site = page.locator('li[data-testid^="site-"]');
    await expect(site).toHaveCount(1);
    await chooseWithArrows(page, site.locator('select'), 'changed');
    await typeInto(page, page.locator('#contact-new-name'), 'Li Hua');
    await page.keyboard.press('Enter');
    const contact = page.locator('li[data-testid^="contact-"]');
    await expect(contact).toHaveCount(1);
    await chooseWithArrows(page, contact.locator('select'), 'told');

    await openTab(page, 'plan-backups');
    for (const kind of ['mail', 'netdisk', 'contacts', 'calendar']) {
      await press(page, page.getByTestId(`backup-${kind}-mark-done`));
      // The mail has no checked copy: marking it backed up asks first.
      if (kind === 'mail') await confirmByKeyboard(page);
      await expect(page.getByTestId(`backup-${kind}`)).toHaveAttribute('data-status', 'done');
    }
    await chooseWithArrows(page, page.getByTestId('backup-notes-status'), 'not-needed');

    await openTab(page, 'plan-dashboard');
    await chooseWithArrows(page, page.getByTestId('gate-account-normal-declare'), 'met');
    await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'ready');

    await openTab(page, 'plan-steps');
    for (const s of ['login', 'find-page', 'read-notice', 'preconditions', 'verify']) {
      await press(page, page.getByTestId(`step-${s}-done`));
      await expect(page.getByTestId(`step-${s}`)).toHaveAttribute('data-status', 'done');
      // A note, by keyboard: the field has the focus as soon as the dialog opens.
      await press(page, page.getByTestId(`step-${s}-note`));
      await expect(page.getByTestId('step-note-dialog-input')).toBeFocused();
      await page.keyboard.type(`by keyboard: ${s}`);
      await press(page, page.getByTestId('step-note-dialog-confirm'));
      // Until its fade-out ends the dialog is still in the page (and holds the focus trap).
      await expect(page.getByTestId('step-note-dialog')).toHaveCount(0);
    }
    await press(page, page.getByTestId('submission-record'));
    await confirmByKeyboard(page);
    await expect(page.getByTestId('submission')).toHaveAttribute('data-phase', 'submitted');
    await expect(page.getByTestId('countdown')).toBeVisible();

    // Lock by keyboard too.
    await press(page, page.getByTestId('lock-now'));
    await expect(page.locator('#unlock-secret')).toBeVisible();
    expect(problems).toEqual([]);
  });
});
