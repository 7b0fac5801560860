/**
 * The mail summary says which folders could not be saved and why (in the user's language), that
 * file names use `;` on a disk that refuses `:`, and which folder has recorded files missing or
 * changed (issue 13).
 */
import { describe, expect, it } from 'vitest';
import MailSummaryPanel from '../../../renderer/src/components/plan/MailSummaryPanel.vue';
import type { MailFinished, MailVerification } from '@common/contract/mail';
import { mountIn } from './mount';

const verification: MailVerification = {
  passed: false,
  verifiedAt: '2026-03-01T08:00:00.000Z',
  folders: [
    {
      folder: 'INBOX',
      uidValidity: 1,
      onServer: true,
      serverMessages: 10,
      backedUp: 12,
      missing: 0,
      sizeMismatches: 0,
      extra: 2,
      filesMissing: 1,
      filesDifferent: 2,
    },
    {
      folder: '已发送',
      uidValidity: 1,
      onServer: true,
      serverMessages: 5,
      backedUp: 5,
      missing: 0,
      sizeMismatches: 0,
      extra: 0,
      filesMissing: 0,
      filesDifferent: 0,
    },
  ],
  serverMessages: 15,
  backedUpMessages: 17,
  backedUpBytes: 1000,
  missing: 0,
  sizeMismatches: 0,
  corruptFiles: 2,
  filesMissing: 1,
};

const finished: MailFinished = {
  jobId: 'j',
  planId: 'plan-1',
  outcome: 'completed',
  error: null,
  summary: {
    address: 'someone@163.com',
    targetDir: '/media/usb/backup',
    maildir: '/media/usb/backup/Maildir',
    folders: 3,
    messages: 15,
    bytes: 1000,
    fetchedMessages: 15,
    fetchedBytes: 1000,
    durationMs: 2000,
    uidValidityChanges: [],
    folderFailures: [
      {
        folder: '工作/项目 A',
        dir: 'Maildir/.工作.项目 A',
        error: {
          code: 'mail.name-refused',
          message: 'The backup disk refused a file or folder name (EINVAL)',
        },
      },
    ],
    separator: ';',
    verification,
    recordedInPlan: false,
  },
};

describe('MailSummaryPanel', () => {
  it('names the folder that could not be saved, with the reason, in Chinese', () => {
    const w = mountIn(MailSummaryPanel, 'zh-CN', { props: { finished, verification: null } });
    const failures = w.get('[data-testid="mail-folder-failures"]').text();
    expect(failures).toContain('有 1 个文件夹没能保存，其他文件夹都已保存：');
    expect(failures).toContain(
      '“工作/项目 A”（Maildir/.工作.项目 A）：备份所在的磁盘不接受这个文件夹或文件的名称',
    );
    expect(w.get('[data-testid="mail-portable-separator"]').text()).toContain('用“;”代替“:”');
    expect(w.text()).toContain('文件夹“INBOX”：1 个已记录的邮件文件不见了，2 个与记录不一致。');
    expect(w.text()).not.toContain('文件夹“已发送”：');
  });

  it('says the same in English', () => {
    const w = mountIn(MailSummaryPanel, 'en', { props: { finished, verification: null } });
    expect(w.get('[data-testid="mail-folder-failures"]').text()).toContain(
      '“工作/项目 A” (Maildir/.工作.项目 A): The backup disk refused a folder or file name',
    );
    expect(w.text()).toContain(
      'Folder “INBOX”: 1 recorded message files are gone, 2 differ from the record.',
    );
  });

  it('says "the rest were saved before" only when some were', () => {
    const run = (fetchedMessages: number) => ({
      ...finished,
      summary: { ...finished.summary!, fetchedMessages },
    });
    expect(
      mountIn(MailSummaryPanel, 'zh-CN', { props: { finished: run(15), verification: null } }).text(),
    ).toContain('本次下载了全部 15 封');
    const some = mountIn(MailSummaryPanel, 'zh-CN', {
      props: { finished: run(4), verification: null },
    }).text();
    expect(some).toContain('本次下载 4 封');
    expect(some).toContain('其余在之前的备份中已保存');
    const none = mountIn(MailSummaryPanel, 'en', { props: { finished: run(0), verification: null } }).text();
    expect(none).toContain('Nothing new to download');
    expect(none).not.toContain('the rest were already saved');
  });

  it('shows neither when every folder was saved with `:`', () => {
    const ok = {
      ...finished,
      summary: { ...finished.summary!, folderFailures: [], separator: ':' as const },
    };
    const w = mountIn(MailSummaryPanel, 'en', { props: { finished: ok, verification: null } });
    expect(w.find('[data-testid="mail-folder-failures"]').exists()).toBe(false);
    expect(w.find('[data-testid="mail-portable-separator"]').exists()).toBe(false);
  });
});
