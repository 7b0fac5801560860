import type { FixTarget } from './gates';
import { FACTS, GUIDE, type Sourced, type Text } from './types';

export const BACKUP_KINDS = ['mail', 'netdisk', 'contacts', 'calendar', 'notes'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const PREPARATION_IDS = [
  'backup-mail',
  'backup-netdisk',
  'backup-contacts',
  'backup-calendar',
  'backup-notes',
  'change-address-sites',
  'tell-contacts',
  'remove-mail-clients',
] as const;
export type PreparationId = (typeof PREPARATION_IDS)[number];

export interface Preparation extends Sourced {
  id: PreparationId;
  title: Text;
  detail: Text;
  /** Tracked through the plan's backups (`backup.set`) rather than `preparation.set`. */
  backupKind?: BackupKind;
  /** Tracked together with a list the user keeps (third-party sites, contacts). */
  list?: 'sites' | 'contacts';
  fixTarget: FixTarget;
}

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

export const preparations: readonly Preparation[] = [
  {
    id: 'backup-mail',
    title: t('备份邮件', 'Back up your mail'),
    detail: t(
      '用客户端授权码通过 IMAP 把所有文件夹的邮件和附件下载到本机，并核对数量。授权码的生成需要绑定的手机。',
      'Download every folder with attachments over IMAP using a client authorization code, and check the counts. Creating the code needs the bound phone.',
    ),
    backupKind: 'mail',
    fixTarget: 'backups',
    source: `${GUIDE} §注意事项1 · ${FACTS} high`,
    confidence: 'high',
  },
  {
    id: 'backup-netdisk',
    title: t('备份网盘文件', 'Back up netdisk files'),
    detail: t(
      '把网易网盘里的文件全部下载保存。',
      'Download and keep every file stored in the NetEase netdisk.',
    ),
    backupKind: 'netdisk',
    fixTarget: 'backups',
    source: `${GUIDE} §注意事项1`,
    confidence: 'medium',
  },
  {
    id: 'backup-contacts',
    title: t('备份通讯录', 'Back up contacts'),
    detail: t('从网页邮箱导出通讯录文件。', 'Export the address book from web mail.'),
    backupKind: 'contacts',
    fixTarget: 'backups',
    source: `${GUIDE} §注意事项1`,
    confidence: 'medium',
  },
  {
    id: 'backup-calendar',
    title: t('备份日程', 'Back up the calendar'),
    detail: t(
      '导出日程安排，或抄到新的日历里。',
      'Export your calendar events, or copy them to a new calendar.',
    ),
    backupKind: 'calendar',
    fixTarget: 'backups',
    source: `${GUIDE} §注意事项1`,
    confidence: 'medium',
  },
  {
    id: 'backup-notes',
    title: t('备份笔记和其他数据', 'Back up notes and other data'),
    detail: t(
      '存在邮箱或关联服务里的笔记等个人数据也要保存。',
      'Save notes and any other personal data kept in the mailbox or linked services.',
    ),
    backupKind: 'notes',
    fixTarget: 'backups',
    source: `${GUIDE} §注意事项1`,
    confidence: 'medium',
  },
  {
    id: 'change-address-sites',
    title: t('在各处换掉这个地址', 'Replace the address everywhere it is registered'),
    detail: t(
      '银行、运营商、社交网站和其他用这个地址注册的网站，都换成新地址；否则以后无法找回密码。',
      'Banks, carriers, social networks and every other site registered with this address: switch them to the new address, or you lose password recovery there.',
    ),
    list: 'sites',
    fixTarget: 'sites',
    source: `${GUIDE} §注意事项2, 4`,
    confidence: 'medium',
  },
  {
    id: 'tell-contacts',
    title: t('告诉联系人新地址', 'Tell your contacts the new address'),
    detail: t(
      '常用这个地址联系你的亲友和同事，提前告诉他们新地址。',
      'Tell friends, family and colleagues who write to this address where to reach you now.',
    ),
    list: 'contacts',
    fixTarget: 'sites',
    source: `${GUIDE} §注意事项4`,
    confidence: 'medium',
  },
  {
    id: 'remove-mail-clients',
    title: t('从所有邮件客户端移除账号', 'Remove the account from every mail client'),
    detail: t(
      '手机邮件应用、电脑客户端、网易邮箱大师：冷静期里它们的自动登录是否算登录并不清楚，提交前全部移除。',
      'Phone mail apps, desktop clients, 网易邮箱大师: nobody knows whether their automatic sign-in during the cooling-off period counts as a login, so remove the account from all of them before submitting.',
    ),
    fixTarget: 'steps',
    source: `${FACTS} low`,
    confidence: 'low',
  },
];
