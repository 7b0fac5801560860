import { err, ok } from '../../common/result';
import type { Locale } from '../../common/locale';
import type { DesktopAdapter } from '../adapters/types';
import type { ChosenFolders } from './chosen-folders';
import type { Service, ServiceContext } from './context';

// The dialog's title comes from main, where the renderer's i18n does not reach; both languages are
// short and shown by the OS dialog only.
const TITLES = {
  'mail-backup': { 'zh-CN': '选择保存邮件备份的文件夹', en: 'Choose a folder for the mail backup' },
  'maildir-scan': { 'zh-CN': '选择要扫描的邮件备份文件夹', en: 'Choose a mail backup folder to scan' },
  'mail-archive': { 'zh-CN': '选择要打开的邮件备份文件夹', en: 'Choose a mail backup folder to open' },
  'archive-export': { 'zh-CN': '选择导出邮件的位置', en: 'Choose where to export the mail' },
} as const;

export function createAppService(
  ctx: ServiceContext,
  options: { desktop?: DesktopAdapter; locale?: () => Locale; chosen?: ChosenFolders } = {},
): Service<'app:info' | 'app:choose-folder'> {
  return {
    handlers: {
      'app:info': () => ok(ctx.appInfo),
      'app:choose-folder': async ({ purpose, defaultPath }) => {
        if (!options.desktop) return err('ipc.unavailable', 'No folder picker here');
        const title = TITLES[purpose][options.locale?.() ?? 'zh-CN'];
        const path = await options.desktop.chooseFolder({ title, ...(defaultPath ? { defaultPath } : {}) });
        if (path) await options.chosen?.add(purpose, path);
        return ok({ path });
      },
    },
  };
}
