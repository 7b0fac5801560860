/**
 * From the plan into the mail archive: a plan whose verified backup is a Closeout backup. The
 * discovery screen, scanning that backup's Maildir, links each finding's sender into the archive
 * opened on the backup and searched for it; the Backups screen links the backup itself. Both
 * languages, against the real core in the harness.
 */
import { mkdtemp, rm } from 'node:fs/promises';
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
import { writeCloseoutBackupFixture } from '../support/mail-fixture';

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`archive links (${lang})`, () => {
    test.use({ locale: lang });

    test('a discovery finding and the Backups screen open the plan’s backup in the archive', async ({
      page,
      dataDir,
    }) => {
      test.setTimeout(150_000);
      const dir = await mkdtemp(join(tmpdir(), 'closeout-e2e-archive-links-'));
      const fixture = await writeCloseoutBackupFixture(join(dir, 'backup'), { messages: 200, seed: 7 });
      // The discovery scan's folder dialog answers with the backup's Maildir.
      const harness = await startHarness({ dataDir, env: { HARNESS_PICK_FOLDER: fixture.maildir } });
      try {
        const problems = watchPage(page);
        await openApp(page, harness.url);
        await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
        await addPlan(page, 'closeout@163.com');
        const planId = /#\/plans\/([^/?]+)/.exec(page.url())?.[1];
        expect(planId).toBeTruthy();
        // The verification a finished backup records (the mail backup screen's own step).
        const recorded = await page.evaluate(
          async ({ planId, location }) => {
            const api = (
              window as unknown as { closeout: { plan: { apply(c: unknown): Promise<{ ok: boolean }> } } }
            ).closeout;
            return api.plan.apply({
              type: 'backup.record-verification',
              planId,
              kind: 'mail',
              verifiedAt: '2026-03-01T08:00:00.000Z',
              messages: 200,
              folders: 3,
              bytes: 1000,
              location,
            });
          },
          { planId: planId!, location: fixture.root },
        );
        expect(recorded.ok).toBe(true);
        // The reply went to this page's direct call, not to the renderer's store (a plan's new state
        // arrives once, to the caller): the plans list loads the plans again, as after any restart.
        await page.goto(harness.url.replace('#/', '#/plans'));
        await expect(page.getByTestId('add-plan')).toBeVisible();
        await page.goto(harness.url.replace('#/', `#/plans/${planId}/discovery`));
        await expect(page.getByTestId('screen-plan-discovery')).toBeVisible();
        // A plan with a recorded backup starts on reading that backup (issue 15).
        await expect(page.getByTestId('discovery-source-maildir').locator('input')).toBeChecked();
        await page.getByTestId('discovery-choose-folder').click();
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
        const fromGithub = fixture.messages.filter((m) => m.from.address === 'noreply@github.com').length;
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
          new RegExp(`${new Intl.NumberFormat(lang).format(fixture.messages.length)}\\s*(封|messages?)`),
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
