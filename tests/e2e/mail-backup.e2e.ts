/**
 * The mail backup screen against a real Dovecot on 127.0.0.1: a wrong code gets its own message,
 * the right one connects, the backup runs with live progress, is cancelled, resumes to the end,
 * verifies, and the plan's backups screen shows the verified copy. Both languages.
 *
 * The harness is started with NODE_EXTRA_CA_CERTS naming the test server's self-signed
 * certificate, so the screen connects exactly as it would to imap.163.com: TLS verified, no
 * test-only switch in the UI.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Page } from '@playwright/test';
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
import { startDelayProxy, type DelayProxy } from '../support/delay-proxy';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../support/dovecot';
import { DEFAULT_FOLDERS } from '../support/mail-fixture';

/** A screenshot scrolled to the part it is about (the screen scrolls inside #main). */
async function shotAt(page: Page, lang: 'zh-CN' | 'en', name: string, testid: string): Promise<void> {
  await page.getByTestId(testid).evaluate((el) => {
    // Only the shell's content area scrolls; the window stays put.
    const main = el.closest<HTMLElement>('#main');
    if (main) main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top;
    window.scrollTo(0, 0);
  });
  await screenshot(page, lang, name);
}

/**
 * A harness that trusts the test server's certificate, on its own data folder. Its folder dialog
 * answers a folder too deep for Windows first, then the backup folder (the harness answers several
 * folders in turn); `picks` null: a later session, where nothing is chosen.
 */
async function harnessTrusting(
  server: DovecotServer,
  dir: string,
  picks: string[] | null = [join(dir, 'a-rather-deep-folder', 'x'.repeat(60)), join(dir, 'backup')],
): Promise<HarnessProcess> {
  const ca = join(dir, 'ca.pem');
  await writeFile(ca, server.caCertPem);
  const previous = process.env.NODE_EXTRA_CA_CERTS;
  process.env.NODE_EXTRA_CA_CERTS = ca;
  try {
    // The system folder dialog, in the harness, answers with HARNESS_PICK_FOLDER.
    return await startHarness({
      dataDir: join(dir, 'data'),
      env: picks ? { HARNESS_PICK_FOLDER: picks.join(delimiter) } : {},
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = previous;
  }
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`mail backup screen (${lang})`, () => {
    test.use({ locale: lang });
    let server: DovecotServer;
    // The server is reached through a slow, distant link (20 ms each way, 8 Mbit/s per connection):
    // on loopback the parallel backup finishes in about 3 s, before anyone could press cancel.
    let link: DelayProxy;
    let dir: string;
    let harness: HarnessProcess;

    test.beforeAll(async () => {
      // In CI a missing Dovecot throws here instead of skipping.
      test.skip(!dovecotAvailable(), 'Dovecot is not installed');
      // One folder whose name cannot be a directory name as it is: the screen shows both names.
      const folders = [...DEFAULT_FOLDERS, { name: 'Q&A: 问题?', weight: 2 }];
      server = await startDovecot({
        fixture: { messages: 1500, largeEvery: 4, largeSize: 120_000, seed: 7, folders },
      });
      link = await startDelayProxy({ targetPort: server.tlsPort, oneWayDelayMs: 20, bitsPerSecond: 8e6 });
    });
    test.afterAll(async () => {
      await link?.close();
      await server?.stop();
    });
    test.beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'closeout-e2e-mail-'));
      harness = await harnessTrusting(server, dir);
    });
    test.afterEach(async () => {
      await harness?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    test('wrong code, then back up with cancel and resume, verified and recorded in the plan', async ({
      page,
    }) => {
      test.setTimeout(240_000);
      const problems = watchPage(page);
      await openApp(page, harness.url);
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      await addPlan(page, server.user);
      await page.getByTestId('plan-nav-plan-mail').click();
      await expect(page.getByTestId('screen-plan-mail')).toBeVisible();
      // The catalog's server for 163.com is shown before anything is typed.
      await expect(page.getByTestId('mail-server')).toContainText('imap.163.com');
      await page.getByTestId('mail-howto').locator('summary').click();
      await page.getByTestId('mail-unsafe-login').locator('summary').click();
      await expect(page.getByTestId('mail-unsafe-login')).toContainText('Unsafe Login');
      await expectAccessible(page);
      await screenshot(page, lang, '50-mail-backup');

      await page.getByTestId('mail-custom-server').click();
      await page.locator('#mail-host').fill(server.host);
      await page.locator('#mail-port').fill(String(link.port));
      await page.locator('#mail-code').fill('not-the-code');
      await page.getByTestId('mail-test').click();
      await expect(page.locator('[data-error-code]')).toHaveAttribute('data-error-code', 'mail.auth-failed');
      // The error takes its own room beside the buttons: neither it nor anything around it floats
      // (a sticky alert at the top covered the code field when scrolled), and with the code field
      // scrolled up as far as it goes, nothing lies over the field.
      const floating = await page.locator('[data-error-code]').evaluate((el) => {
        const found: string[] = [];
        for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
          const position = getComputedStyle(e).position;
          if (position === 'sticky' || position === 'fixed') found.push(`${e.className}: ${position}`);
        }
        return found;
      });
      expect(floating).toEqual([]);
      await page.locator('#mail-code').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const covers = await page.locator('#mail-code').evaluate((el) => {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!top && top !== el && !el.contains(top) && !top.contains(el);
      });
      expect(covers).toBe(false);
      await expectAccessible(page);
      await shotAt(page, lang, '51-mail-wrong-code', 'mail-test');

      await page.locator('#mail-code').fill(server.password);
      await page.getByTestId('mail-test').click();
      await expect(page.getByTestId('mail-test-ok')).toBeVisible();
      await expect(page.locator('[data-error-code]')).toHaveCount(0);
      const target = join(dir, 'backup');
      // The folder comes from the system dialog only and is shown as it is: nothing to type.
      await expect(page.getByTestId('mail-target')).toHaveText(
        lang === 'en' ? 'No folder chosen yet.' : '还没有选择文件夹。',
      );
      await expect(page.locator('[data-testid="mail-target"] input, input#mail-target')).toHaveCount(0);
      await expect(page.getByTestId('mail-start')).toBeDisabled();
      // A folder too deep for Windows' 260-character paths gets a warning.
      await page.getByTestId('mail-choose-folder').click();
      await expect(page.getByTestId('mail-target')).toHaveText(
        join(dir, 'a-rather-deep-folder', 'x'.repeat(60)),
      );
      await expect(page.getByTestId('mail-target-too-deep')).toBeVisible();
      await page.getByTestId('mail-choose-folder').click();
      await expect(page.getByTestId('mail-target')).toHaveText(target);
      await expect(page.getByTestId('mail-target-too-deep')).toHaveCount(0);
      await expectAccessible(page);
      await shotAt(page, lang, '50b-mail-folder-chosen', 'mail-choose-folder');
      // A path the page names itself is refused by main, in the person's language, and nothing is written.
      const planId = /#\/plans\/([^/?]+)/.exec(page.url())?.[1];
      const named = await page.evaluate(
        async ({ planId, address, targetDir }) => {
          const api = (
            window as unknown as {
              closeout: {
                mail: { startBackup(i: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
              };
            }
          ).closeout;
          return api.mail.startBackup({ planId, account: { address }, authCode: 'x', targetDir });
        },
        { planId: planId!, address: server.user, targetDir: join(dir, 'named') },
      );
      expect(named).toMatchObject({ ok: false, error: { code: 'mail.unknown-target' } });
      await expect(page.getByTestId('mail-start')).toBeEnabled();

      // Start, and cancel as soon as messages are arriving: what was saved stays, and it resumes.
      await page.getByTestId('mail-start').click();
      await expect(page.getByTestId('mail-progress')).toBeVisible();
      await expect(page.getByTestId('mail-progress')).toHaveAttribute('data-phase', 'exporting');
      await expectAccessible(page);
      await shotAt(page, lang, '52-mail-progress', 'screen-plan-mail');
      await page.getByTestId('mail-cancel').click();
      await expect(page.getByTestId('mail-summary')).toHaveAttribute('data-outcome', 'cancelled', {
        timeout: 60_000,
      });
      await expectAccessible(page);
      await shotAt(page, lang, '53-mail-cancelled', 'screen-plan-mail');

      await page.locator('#mail-code').fill(server.password);
      await expect(page.getByTestId('mail-start')).toHaveText(lang === 'en' ? 'Resume backup' : '继续备份');
      await page.getByTestId('mail-start').click();
      await expect(page.getByTestId('mail-summary')).toHaveAttribute('data-outcome', 'completed', {
        timeout: 120_000,
      });
      await expect(page.getByTestId('mail-verification')).toHaveAttribute('data-passed', 'true');
      await expect(page.getByTestId('mail-summary')).toContainText(new Intl.NumberFormat(lang).format(1500));
      await expect(page.getByTestId('mail-open-folder')).toBeVisible();
      // The true folder name beside the one it was saved under.
      await expect(page.getByTestId('mail-saved-names')).toContainText('Q&A: 问题?');
      await expect(page.getByTestId('mail-saved-names')).toContainText('.Q&A_ 问题_');
      await expectAccessible(page);
      await shotAt(page, lang, '54-mail-done', 'screen-plan-mail');

      // The code did its job and is gone from the page.
      await expect(page.locator('#mail-code')).toHaveValue('');

      await page.getByTestId('plan-nav-plan-backups').click();
      await expect(page.getByTestId('backup-mail')).toHaveAttribute('data-status', 'done');
      await expect(page.getByTestId('backup-mail-verification')).toContainText(
        new Intl.NumberFormat(lang).format(1500),
      );
      await shotAt(page, lang, '55-backups-mail-verified', 'screen-plan-backups');
      expect(existsSync(join(dir, 'named'))).toBe(false);

      // Days later, a new session: nothing is chosen, and the screen proposes the folder main
      // recorded for the plan; the backup can be checked again there without the dialog.
      await harness.stop();
      harness = await harnessTrusting(server, dir, null);
      await openApp(page, harness.url);
      await unlock(page);
      await page.goto(harness.url.replace('#/', `#/plans/${planId}/mail`));
      await expect(page.getByTestId('screen-plan-mail')).toBeVisible();
      await expect(page.getByTestId('mail-target')).toHaveText(target);
      await expect(page.getByTestId('mail-target-recorded')).toBeVisible();
      await expect(page.getByTestId('mail-existing')).toBeVisible();
      await expect(page.getByTestId('mail-start')).toHaveText(lang === 'en' ? 'Resume backup' : '继续备份');
      await page.getByTestId('mail-custom-server').click();
      await page.locator('#mail-host').fill(server.host);
      await page.locator('#mail-port').fill(String(link.port));
      await page.locator('#mail-code').fill(server.password);
      await page.getByTestId('mail-verify').click();
      await expect(page.getByTestId('mail-verification')).toHaveAttribute('data-passed', 'true', {
        timeout: 120_000,
      });
      await expect(page.locator('[data-error-code]')).toHaveCount(0);
      await expectAccessible(page);
      await shotAt(page, lang, '55a-mail-recorded-folder', 'mail-target');
      expect(problems).toEqual([]);
    });
  });
}
