/**
 * From the plan into the mail archive: a plan whose mail backup was made and verified on the mail
 * screen (against a real Dovecot), so main recorded its folder. The discovery screen proposes that
 * backup (nothing to choose), and links each finding's sender into the archive opened on it and
 * searched for it; the mail and Backups screens link the backup itself. Both languages, against
 * the real core in the harness.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startHarness, watchPage } from './fixtures';
import {
  addPlan,
  confirmRecoveryCode,
  createVaultWithPassphrase,
  expectAccessible,
  openApp,
  screenshot,
} from './helpers';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../support/dovecot';

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`archive links (${lang})`, () => {
    test.use({ locale: lang });
    let server: DovecotServer;

    test.beforeAll(async () => {
      // In CI a missing Dovecot throws here instead of skipping.
      test.skip(!dovecotAvailable(), 'Dovecot is not installed');
      server = await startDovecot({ fixture: { messages: 200, seed: 7 } });
    });
    test.afterAll(async () => {
      await server?.stop();
    });

    test('a discovery finding and the Backups screen open the plan’s backup in the archive', async ({
      page,
      dataDir,
    }) => {
      test.setTimeout(180_000);
      const dir = await mkdtemp(join(tmpdir(), 'closeout-e2e-archive-links-'));
      const backup = join(dir, 'backup');
      const ca = join(dir, 'ca.pem');
      await writeFile(ca, server.caCertPem);
      // The folder dialog answers the backup folder (chosen once, on the mail screen); the harness
      // trusts the test server's certificate as the app trusts imap.163.com's.
      const harness = await startHarness({
        dataDir,
        env: { HARNESS_PICK_FOLDER: backup, NODE_EXTRA_CA_CERTS: ca },
      });
      const messages = server.fixture!.messages;
      try {
        const problems = watchPage(page);
        await openApp(page, harness.url);
        await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
        await addPlan(page, server.user);
        const planId = /#\/plans\/([^/?]+)/.exec(page.url())?.[1];
        expect(planId).toBeTruthy();
        // The mail backup, as the person makes it: server, code, the folder from the dialog, start.
        await page.getByTestId('plan-nav-plan-mail').click();
        await page.getByTestId('mail-custom-server').click();
        await page.locator('#mail-host').fill(server.host);
        await page.locator('#mail-port').fill(String(server.tlsPort));
        await page.locator('#mail-code').fill(server.password);
        await page.getByTestId('mail-choose-folder').click();
        await expect(page.getByTestId('mail-target')).toHaveText(backup);
        await page.getByTestId('mail-start').click();
        await expect(page.getByTestId('mail-summary')).toHaveAttribute('data-outcome', 'completed', {
          timeout: 120_000,
        });
        await expect(page.getByTestId('mail-verification')).toHaveAttribute('data-passed', 'true');
        await page.getByTestId('plan-nav-plan-discovery').click();
        await expect(page.getByTestId('screen-plan-discovery')).toBeVisible();
        // A plan with a recorded backup starts on reading that backup (issue 15): main proposes the
        // folder it recorded, so there is nothing to choose.
        await expect(page.getByTestId('discovery-source-maildir').locator('input')).toBeChecked();
        await expect(page.getByTestId('discovery-path')).toHaveText(backup);
        await page.getByTestId('discovery-scan').click();
        await expect(page.getByTestId('discovery-summary')).toBeVisible({ timeout: 60_000 });
        // Every sender, not only those holding an account.
        await page.getByTestId('discovery-show-all').click();
        const github = page.getByTestId('finding-domain:github.com');
        await github.scrollIntoViewIfNeeded();
        const link = github.getByTestId('finding-open-archive');
        await expect(link).toHaveText(
          lang === 'zh-CN' ? '在邮件存档中查看这个发件人的邮件' : 'Show this sender’s mail in the archive',
        );
        await expectAccessible(page);
        await screenshot(page, lang, '58-discovery-archive-link');
        await link.click();

        // The archive opens the plan's backup (main allows it: the plan records it) and searches the sender.
        await expect(page.getByTestId('screen-archive')).toBeVisible();
        const fromGithub = messages.filter((m) => m.from.address === 'noreply@github.com').length;
        await expect(page.locator('#archive-search-text')).toHaveValue('github.com');
        await expect(page.getByTestId('archive-results')).toContainText(
          new RegExp(`${new Intl.NumberFormat(lang).format(fromGithub)}\\s*(封|messages?)`),
          { timeout: 60_000 },
        );
        await expect(page.locator('[data-testid="archive-row"]').first()).toContainText('GitHub');

        // The mail backup and Backups screens link the verified backup to the archive.
        await page.getByTestId('archive-close').click();
        await page.goBack();
        await page.getByTestId('plan-nav-plan-mail').click();
        await expect(page.getByTestId('mail-open-archive')).toHaveText(
          lang === 'zh-CN'
            ? '在邮件存档中浏览和搜索这份备份'
            : 'Browse and search this backup in the mail archive',
        );
        await page.getByTestId('plan-nav-plan-backups').click();
        const archiveLink = page.getByTestId('open-mail-archive');
        await expect(archiveLink).toBeVisible();
        await screenshot(page, lang, '59-backups-archive-link');
        await archiveLink.click();
        await expect(page.getByTestId('archive-summary')).toContainText(
          new RegExp(`${new Intl.NumberFormat(lang).format(messages.length)}\\s*(封|messages?)`),
          { timeout: 60_000 },
        );
        expect(problems).toEqual([]);
      } finally {
        await harness.stop();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
