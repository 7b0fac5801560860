/**
 * The discovery review screen over a local Maildir (no network): the scan ranks what uses the
 * address, each finding shows its evidence and reason, one click adds it to the plan as a site or
 * a service, and scanning again does not duplicate it. Suspicious senders carry a warning and no
 * add button; NetEase products from the shared service.netease.com are rows of their own, added
 * as linked services. Both languages.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
import { writeMailFixture } from '../support/mail-fixture';

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`discovery review (${lang})`, () => {
    test.use({ locale: lang });

    test('scan a Maildir, review the evidence, add a site and a service once each', async ({
      page,
      dataDir,
    }) => {
      test.setTimeout(150_000);
      const dir = await mkdtemp(join(tmpdir(), 'closeout-e2e-maildir-'));
      const maildir = join(dir, 'Maildir');
      // The system folder dialog, in the harness, answers with HARNESS_PICK_FOLDER.
      const harness = await startHarness({ dataDir, env: { HARNESS_PICK_FOLDER: maildir } });
      try {
        // Known senders of the fixture: a bank, shops, NetEase's own mail, people; plus a NetEase game that is not in a new plan.
        await writeMailFixture(maildir, {
          messages: 400,
          seed: 11,
          largeEvery: 0,
          senders: [
            { name: '招商银行信用卡', address: 'ccsvc@message.cmbchina.com' },
            { name: '网易游戏', address: 'gm@game.163.com' },
            { name: '支付宝', address: 'service@mail.alipay.com' },
            { name: '王小明', address: 'xiaoming.wang@126.com' },
            { name: 'GitHub', address: 'noreply@github.com' },
          ],
        });
        // Issue 16's hard cases beside them: phishing on a lookalike domain, a NetEase game mailing
        // from the shared service.netease.com, an e-invoice platform mailing for a shop.
        const extra: Array<[from: string, subject: string]> = [
          ['"PayPal" <service@paypal-resolution.top>', 'Your account has been limited'],
          ['"PayPal" <service@paypal-resolution.top>', 'Action required: confirm your information'],
          [
            '"网易游戏" <nsh@service.netease.com>',
            '=?UTF-8?B?' + Buffer.from('逆水寒充值到账通知').toString('base64') + '?=',
          ],
          [
            '"网易游戏" <nsh@service.netease.com>',
            '=?UTF-8?B?' + Buffer.from('逆水寒版本更新公告').toString('base64') + '?=',
          ],
          [
            '"诺诺发票" <invoice@nuonuo.com>',
            '=?UTF-8?B?' +
              Buffer.from('您收到一张【上海盒马网络科技有限公司】开具的电子发票').toString('base64') +
              '?=',
          ],
        ];
        for (const [i, [from, subject]] of extra.entries()) {
          await writeFile(
            join(maildir, 'cur', `1800000000.E${i}.e2e:2,S`),
            `From: ${from}\r\nTo: closeout@163.com\r\nSubject: ${subject}\r\nDate: Mon, ${i + 1} Jan 2024 08:00:00 +0800\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nbody\r\n`,
          );
        }
        // A folder where a message file should be: skipped, reported, and the scan goes on.
        await mkdir(join(maildir, 'cur', '1800000099.Mdir.e2e:2,'));
        const problems = watchPage(page);
        await openApp(page, harness.url);
        await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
        await addPlan(page, 'closeout@163.com');
        await page.getByTestId('plan-nav-plan-discovery').click();
        await expect(page.getByTestId('screen-plan-discovery')).toBeVisible();

        // No backup in the plan yet: the mailbox online is offered first; the folder is one press away.
        await expect(page.getByTestId('discovery-source-imap').locator('input')).toBeChecked();
        await page.getByTestId('discovery-source-maildir').click();
        // The folder comes from the system dialog only (main reads no folder the page names) and is
        // shown as it is: nothing to type.
        await expect(page.getByTestId('discovery-scan')).toBeDisabled();
        await expect(page.locator('[data-testid="discovery-path"] input, input#discovery-path')).toHaveCount(
          0,
        );
        await page.getByTestId('discovery-choose-folder').click();
        await expect(page.getByTestId('discovery-path')).toHaveText(maildir);
        await page.getByTestId('discovery-scan').click();
        await expect(page.getByTestId('discovery-summary')).toBeVisible({ timeout: 60_000 });
        const list = page.getByTestId('discovery-list');
        const findings = list.locator('article[data-verdict]');
        await expect(findings.first()).toBeVisible();
        // Every finding shows its evidence count and why it was judged so.
        const first = findings.first();
        await expect(first.locator('dd').first()).toHaveText(/\d/);
        await expect(first.locator('.finding__reason')).not.toBeEmpty();
        await expectAccessible(page);
        await screenshot(page, lang, '56-discovery-results');

        // The phishing sender is in the default view, with its warning and nothing to add.
        const phishing = page.getByTestId('finding-domain:paypal-resolution.top');
        await expect(phishing).toHaveAttribute('data-verdict', 'suspicious');
        await expect(phishing.getByTestId('finding-warning')).toBeVisible();
        await expect(phishing.getByTestId('finding-warning')).toContainText(
          lang === 'zh-CN' ? '钓鱼' : 'phishing',
        );
        await expect(phishing.locator('button')).toHaveCount(0);
        await expect(page.getByTestId('discovery-suspicious-summary')).toBeVisible();
        await expect(page.getByTestId('discovery-skipped-entries')).toContainText('1800000099.Mdir.e2e:2,');
        // The NetEase game is its own row, offered as a linked service only.
        const product = page.getByTestId('finding-netease:product.nsh');
        await expect(product).toHaveAttribute('data-verdict', 'netease-service');
        await expect(product.locator('h3')).toHaveText(
          lang === 'zh-CN' ? '逆水寒' : 'Justice Online (逆水寒)',
        );
        await expect(product.getByTestId('finding-add-site')).toHaveCount(0);
        await product.scrollIntoViewIfNeeded();
        await screenshot(page, lang, '57-discovery-product');
        await product.getByTestId('finding-add-service').click();
        await expect(product.getByTestId('finding-in-plan')).toBeVisible();

        // Add one site and one service, one click each.
        const site = findings.filter({ has: page.getByTestId('finding-add-site') }).first();
        const siteId = await site.getAttribute('data-testid');
        await site.getByTestId('finding-add-site').click();
        await expect(page.getByTestId(siteId!).getByTestId('finding-in-plan')).toBeVisible();
        const service = findings.filter({ has: page.getByTestId('finding-add-service') }).first();
        const serviceId = await service.getAttribute('data-testid');
        await service.getByTestId('finding-add-service').click();
        await expect(page.getByTestId(serviceId!).getByTestId('finding-in-plan')).toBeVisible();

        // Scanning again keeps them marked, and the plan holds each once.
        await page.getByTestId('discovery-scan').click();
        await expect(page.getByTestId('discovery-scan')).toBeEnabled({ timeout: 60_000 });
        await expect(page.getByTestId(siteId!).getByTestId('finding-in-plan')).toBeVisible();
        await page.getByTestId('discovery-show-all').click();
        await expect(findings.first()).toBeVisible();
        await expectAccessible(page);

        // The invoice platform names the shop and offers nothing to add.
        const platform = page.getByTestId('finding-domain:nuonuo.com');
        await expect(platform).toHaveAttribute('data-verdict', 'on-behalf');
        await expect(platform.getByTestId('finding-merchants')).toContainText('上海盒马网络科技有限公司');
        await expect(platform.locator('button')).toHaveCount(0);

        await page.getByTestId('plan-nav-plan-sites').click();
        await expect(page.locator('li[data-testid^="site-"]')).toHaveCount(1);
        expect(problems).toEqual([]);
      } finally {
        await harness.stop();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
