/**
 * The mail archive in the browser against the real core: a Closeout backup with generated mail and
 * the hard cases (GBK, RFC 2047/2231 names, cid image, remote tracker, broken file) is opened with
 * the folder picker, searched in Chinese and English, read (HTML in a sandboxed frame, GBK text,
 * attachments), an attachment saved, and everything exported as mbox (read back by Python's
 * mailbox module, byte for byte) and a search result as .eml. No request may leave the page.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startHarness, watchPage, type HarnessProcess } from './fixtures';
import {
  confirmRecoveryCode,
  createVaultWithPassphrase,
  expectAccessible,
  openApp,
  SCREENSHOT_DIR,
  settleAnimations,
} from './helpers';
import { HARD_CASES, writeCloseoutBackupFixture, type CloseoutBackupFixture } from '../support/mail-fixture';
import { mboxForm, readMboxWithPython } from '../support/mbox-read';

/**
 * A screenshot without helpers' networkidle wait: Playwright never sees the sandboxed srcdoc frame
 * reach network idle (it makes no request at all; see the request listener below).
 */
async function screenshot(page: Page, lang: 'zh-CN' | 'en', name: string): Promise<void> {
  await mkdir(join(SCREENSHOT_DIR, lang), { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await settleAnimations(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, lang, `${name}.png`) });
}

async function search(page: Page, text: string): Promise<void> {
  await page.locator('#archive-search-text').fill(text);
  // Results as you type: the list shows the new result once main answered.
  await expect(page.getByTestId('archive-results')).not.toHaveAttribute('aria-busy', 'true');
}

async function openMessage(page: Page, subject: string): Promise<void> {
  await page.locator(`[data-testid="archive-row"][data-subject="${subject}"]`).first().click();
  await expect(page.getByTestId('archive-reader-subject')).toHaveText(subject);
}

const count = (n: number, lang: 'zh-CN' | 'en') =>
  new RegExp(`${new Intl.NumberFormat(lang).format(n)}\\s*(封|messages?)`);

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`mail archive (${lang})`, () => {
    test.use({ locale: lang });
    let dir: string;
    let fixture: CloseoutBackupFixture;
    let harness: HarnessProcess;

    test.beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'closeout-e2e-archive-'));
      fixture = await writeCloseoutBackupFixture(join(dir, 'backup'), {
        messages: 400,
        seed: 11,
        largeEvery: 40,
        largeSize: 40_000,
      });
      harness = await startHarness({
        dataDir: join(dir, 'data'),
        // The folder dialog answers the backup first, then the place to export into.
        env: {
          HARNESS_PICK_FOLDER: [fixture.root, join(dir, 'exports')].join(delimiter),
          HARNESS_SAVE_DIR: join(dir, 'saves'),
        },
      });
    });
    test.afterEach(async () => {
      await harness?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    test('open, search, read, save an attachment and export, with no request leaving the page', async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const problems = watchPage(page);
      const origin = new URL(harness.url).origin;
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));

      await openApp(page, harness.url);
      await confirmRecoveryCode(page, await createVaultWithPassphrase(page));
      await page.getByTestId('nav-archive').click();
      await expect(page.getByTestId('screen-archive')).toBeVisible();
      await screenshot(page, lang, 'archive-open');

      // The system folder dialog (HARNESS_PICK_FOLDER in the harness) opens the backup at once.
      await page.getByTestId('archive-choose-folder').click();
      await expect(page.getByTestId('archive-summary')).toContainText(count(fixture.messages.length, lang), {
        timeout: 60_000,
      });
      await expect(page.getByTestId('archive-broken-note')).toBeVisible();
      for (const f of fixture.folders) {
        await expect(page.locator(`[data-testid="archive-folder"][data-folder="${f.name}"]`)).toContainText(
          new Intl.NumberFormat(lang).format(f.count),
        );
      }
      await expect(page.getByTestId('archive-row').first()).toBeVisible();
      await screenshot(page, lang, 'archive-list');

      // Chinese, segmented by Intl.Segmenter; then English.
      const train = fixture.messages.filter((m) => m.subject.includes('火车票')).length;
      await search(page, '火车票');
      await expect(page.getByTestId('archive-results')).toContainText(count(train, lang));
      const statement = fixture.messages.filter((m) => m.subject.startsWith('Your monthly statement')).length;
      await page.locator('#archive-search-field').selectOption('subject');
      await search(page, 'monthly statement');
      await expect(page.getByTestId('archive-results')).toContainText(count(statement, lang));
      await page.locator('#archive-search-field').selectOption('all');

      // GBK: body, sender name and a GB2312 file name decoded.
      await search(page, '合同续签');
      await openMessage(page, HARD_CASES.gbk.subject);
      await expect(page.getByTestId('archive-reader-from')).toContainText(HARD_CASES.gbk.fromName);
      await expect(page.getByTestId('archive-text')).toContainText(HARD_CASES.gbk.bodyPhrase);
      await expect(page.getByTestId('archive-attachment')).toContainText(HARD_CASES.gbk.attachmentName);

      // HTML: sanitized, sandboxed, inline cid image shown, remote image blocked.
      await search(page, 'quarterly');
      await openMessage(page, HARD_CASES.html.subject);
      const frameEl = page.getByTestId('archive-frame');
      await expect(frameEl).toHaveAttribute('sandbox', '');
      const srcdoc = (await frameEl.getAttribute('srcdoc')) ?? '';
      expect(srcdoc).toContain("default-src 'none'");
      expect(srcdoc).not.toMatch(/<script|onclick|tracker\.example|https?:\/\/example\.com\/frame|<iframe/i);
      const frame = page.frameLocator('[data-testid="archive-frame"]');
      await expect(frame.locator('h1')).toHaveText(HARD_CASES.html.bodyPhrase);
      await expect
        .poll(() => frame.locator('img[alt="logo"]').evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBe(96);
      await expect(page.getByTestId('archive-remote-blocked')).toBeVisible();
      await screenshot(page, lang, 'archive-html');

      // An attachment with an RFC 2231 name, saved by main through "save as".
      await search(page, 'contract scan');
      await openMessage(page, HARD_CASES.rfc2231.subject);
      const attachment = page.getByTestId('archive-attachment');
      await expect(attachment).toContainText(HARD_CASES.rfc2231.attachmentName);
      await attachment.getByTestId('archive-save-attachment').click();
      await expect(page.getByTestId('archive-saved')).toContainText(HARD_CASES.rfc2231.attachmentName);
      const saved = await readFile(join(dir, 'saves', HARD_CASES.rfc2231.attachmentName));
      expect(saved.length).toBe(HARD_CASES.rfc2231.attachmentSize);
      expect(saved.subarray(0, 8).toString()).toBe('%PDF-1.4');
      await screenshot(page, lang, 'archive-attachment');

      // Everything as mbox: Python's mailbox reads every message back, byte for byte.
      await page.locator('#archive-search-text').fill('');
      await expect(page.getByTestId('archive-results')).toContainText(count(fixture.messages.length, lang));
      // The place is picked in the system dialog only (main writes into no folder the page names).
      await expect(page.getByTestId('archive-export-start')).toBeDisabled();
      await expect(page.getByTestId('archive-export')).not.toContainText(join(dir, 'exports'));
      await mkdir(join(dir, 'exports'));
      // A page that names the folder itself (as a compromised one could) is refused, and nothing is written.
      const named = await page.evaluate(
        (targetDir) =>
          (
            window as unknown as {
              closeout: {
                archive: { export(input: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
              };
            }
          ).closeout.archive.export({ scope: { kind: 'all' }, format: 'mbox', targetDir }),
        join(dir, 'exports'),
      );
      expect(named).toMatchObject({ ok: false, error: { code: 'archive.unknown-target' } });
      expect(await readdir(join(dir, 'exports'))).toEqual([]);
      await page.getByTestId('archive-export-choose').click();
      await expect(page.getByTestId('archive-export-target')).toHaveText(join(dir, 'exports'));
      await page.getByTestId('archive-export-scope-all').click();
      await page.getByTestId('archive-export-mbox').click();
      await page.getByTestId('archive-export-start').click();
      await expect(page.getByTestId('archive-export-done')).toBeVisible({ timeout: 60_000 });
      const [exportDir] = await readdir(join(dir, 'exports'));
      const mboxes = (await readdir(join(dir, 'exports', exportDir!))).map((f) =>
        join(dir, 'exports', exportDir!, f),
      );
      const read = [...readMboxWithPython(mboxes).values()]
        .flat()
        .map((b) => b.toString('hex'))
        .sort();
      const originals = (
        await Promise.all(fixture.messages.map((m) => readFile(join(fixture.maildir, m.file))))
      )
        .map((b) => mboxForm(b).toString('hex'))
        .sort();
      expect(read.length).toBe(fixture.messages.length);
      expect(read).toEqual(originals);
      await screenshot(page, lang, 'archive-export');

      // A search result as .eml: each file the Maildir file unchanged.
      await search(page, '火车票');
      await page.getByTestId('archive-export-scope-search').click();
      await page.getByTestId('archive-export-eml').click();
      await page.getByTestId('archive-export-start').click();
      await expect(page.getByTestId('archive-export-done')).toContainText(
        new Intl.NumberFormat(lang).format(train),
      );
      const emlDir = (await readdir(join(dir, 'exports'))).find((d) => d !== exportDir && d.includes('eml'))!;
      const emlFiles: Buffer[] = [];
      for (const sub of await readdir(join(dir, 'exports', emlDir))) {
        for (const f of await readdir(join(dir, 'exports', emlDir, sub)))
          emlFiles.push(await readFile(join(dir, 'exports', emlDir, sub, f)));
      }
      const trainFiles = new Set(
        (
          await Promise.all(
            fixture.messages
              .filter((m) => m.subject.includes('火车票'))
              .map((m) => readFile(join(fixture.maildir, m.file))),
          )
        ).map((b) => b.toString('hex')),
      );
      expect(emlFiles.length).toBe(train);
      for (const f of emlFiles) expect(trainFiles.has(f.toString('hex'))).toBe(true);

      // The broken message is listed and opens with its raw headers.
      // Wait for the whole list (the 火车票 rows stay until main answers), newest first: the broken file.
      await search(page, '');
      await page.getByTestId('archive-folder-all').click();
      await expect(page.getByTestId('archive-results')).toContainText(count(fixture.messages.length, lang));
      const first = page.locator('[data-testid="archive-row"]').first();
      await expect(first).toHaveAttribute('data-broken', 'true');
      await first.click();
      await expect(page.getByTestId('archive-broken')).toBeVisible();

      // Other screens link into the archive (a discovery finding's sender): dir, words and field.
      const github = fixture.messages.filter((m) => m.from.address === 'noreply@github.com').length;
      await page.getByTestId('nav-plans').click();
      await page.evaluate(
        (dir) => (location.hash = `#/archive?dir=${encodeURIComponent(dir)}&q=github.com&field=from`),
        fixture.root,
      );
      await expect(page.locator('#archive-search-text')).toHaveValue('github.com');
      await expect(page.locator('#archive-search-field')).toHaveValue('from');
      await expect(page.getByTestId('archive-results')).toContainText(count(github, lang));

      await expectAccessible(page);
      // No request left the page: everything went to the harness that serves it (the app's own origin).
      expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
      expect(problems).toEqual([]);
    });
  });
}
