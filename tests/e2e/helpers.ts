/** Steps of the journeys, written against ids and test ids so they run in either language. */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const PASSPHRASE = 'correct horse battery staple 2026';
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../artifacts/screenshots');

export type Lang = 'zh-CN' | 'en';

/** Opens the app with the OS language set to `lang` (the app follows navigator.language). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('#app > *')).toBeVisible();
}

export async function createVaultWithPassphrase(page: Page, passphrase = PASSPHRASE): Promise<string> {
  await page.getByTestId('mode-passphrase').click();
  await page.locator('#new-passphrase').fill(passphrase);
  await page.locator('#confirm-passphrase').fill(passphrase);
  await page.getByTestId('create-vault').click();
  const code = (await page.getByTestId('recovery-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
  return code;
}

/** Types back the group the recovery screen asks for, proving the code was "written down". */
export async function confirmRecoveryCode(page: Page, code: string): Promise<void> {
  const index = Number(await page.getByTestId('recovery-form').getAttribute('data-ask-group'));
  const groups = code.split('-');
  await page.locator('#recovery-check').fill(index >= 0 ? (groups[index] ?? '') : code);
  await page.getByTestId('recovery-done').click();
  await expect(page).toHaveURL(/#\/plans/);
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.locator('#unlock-secret').fill(passphrase);
  await page.getByTestId('unlock').click();
}

/**
 * Settings → auto-lock: never, then back to the plans. For tests that move the clock by hours and
 * are not about the lock: the first request after such a move locks an idle vault.
 */
export async function autoLockOff(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('auto-lock').selectOption('never');
  await expect(page.getByTestId('auto-lock')).toHaveValue('never');
  await page.getByTestId('nav-plans').click();
}

export async function addPlan(page: Page, address: string, label = ''): Promise<void> {
  const form = page.getByTestId('add-plan-form');
  // isVisible() does not wait: right after unlocking, the list may still be loading (neither shown).
  await expect(form.or(page.getByTestId('add-plan')).first()).toBeVisible();
  if (!(await form.isVisible())) await page.getByTestId('add-plan').click();
  await page.locator('#plan-address').fill(address);
  if (label) await page.locator('#plan-label').fill(label);
  await page.getByTestId('add-plan-submit').click();
  await expect(page.getByTestId('plan-address')).toHaveText(address);
}

/**
 * Waits for every finite CSS transition and animation to end (a Naive UI control fading its colour
 * in, a dialog fading out). axe measures colours as they are at that instant: run mid-fade, it
 * reports a contrast failure that depends on how busy the machine is (seen in parallel runs).
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** Serious and critical axe violations of the page as it is now; the journeys expect none. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await settleAnimations(page);
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** A 1280x800 screenshot of the screen, in the test artifacts (gitignored). */
export async function screenshot(page: Page, lang: Lang, name: string): Promise<void> {
  const dir = join(SCREENSHOT_DIR, lang);
  await mkdir(dir, { recursive: true });
  // Let lazy chunks (the chart) and fonts settle.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  // A dialog still fading in was photographed half-transparent: finish transitions first.
  await page.screenshot({ path: join(dir, `${name}.png`), animations: 'disabled' });
}

/**
 * Counts what the user does with the mouse, as a person would: every trusted click, and every
 * choice in a native <select> as two (the click that opens it and the click on the option;
 * Playwright's selectOption does neither, it only fires change). Typing is not counted. Counted
 * this way the journey before issue 15 took 84, the "about 85" the issue reported by hand.
 * Install before the page opens; read with `actionCount`.
 */
export async function countActions(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __closeoutActions: number };
    w.__closeoutActions = 0;
    document.addEventListener(
      'click',
      (e) => {
        if (e.isTrusted) w.__closeoutActions++;
      },
      true,
    );
    document.addEventListener(
      'change',
      (e) => {
        if (e.target instanceof HTMLSelectElement) w.__closeoutActions += 2;
      },
      true,
    );
  });
}

export async function actionCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __closeoutActions: number }).__closeoutActions);
}

/**
 * Types a date and time into a BaseDateTimePicker the way its language writes it
 * ("2026年3月5日 14:00", "Mar 5, 2026 14:00"), in the page's time zone, and confirms with Enter.
 */
export async function fillDateTime(page: Page, selector: string, lang: Lang, at: number): Promise<void> {
  const text = await page.evaluate(
    ({ ms, lang }) => {
      const d = new Date(ms);
      const p = (n: number) => String(n).padStart(2, '0');
      const time = `${p(d.getHours())}:${p(d.getMinutes())}`;
      if (lang === 'en') {
        const month = new Intl.DateTimeFormat('en', { month: 'short' }).format(d);
        return `${month} ${d.getDate()}, ${d.getFullYear()} ${time}`;
      }
      return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
    },
    { ms: at, lang },
  );
  const input = page.locator(selector);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}
