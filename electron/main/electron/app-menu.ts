/**
 * The application menu. Electron's default one carries "Toggle Developer Tools" and "Reload", which
 * a person closing their account has no use for (and a reload throws away a form being filled in).
 * Ours keeps what people expect of a desktop app: the edit commands with their shortcuts (macOS
 * routes Cmd+C/V/X/A through the menu), zoom, full screen, minimise, close and quit. No DevTools.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../common/locale';

type MenuWords = {
  app: string;
  about: string;
  hide: string;
  hideOthers: string;
  unhide: string;
  quit: string;
  file: string;
  close: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  window: string;
  minimize: string;
  zoom: string;
  front: string;
};

export const menuWords: Record<Locale, MenuWords> = {
  'zh-CN': {
    app: 'Closeout',
    about: '关于 Closeout',
    hide: '隐藏 Closeout',
    hideOthers: '隐藏其他',
    unhide: '全部显示',
    quit: '退出 Closeout',
    file: '文件',
    close: '关闭窗口',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '显示',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '切换全屏',
    window: '窗口',
    minimize: '最小化',
    zoom: '缩放',
    front: '前置全部窗口',
  },
  en: {
    app: 'Closeout',
    about: 'About Closeout',
    hide: 'Hide Closeout',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    quit: 'Quit Closeout',
    file: 'File',
    close: 'Close Window',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
  },
};

/** Roles only (Electron implements each); labels in the app's language. */
export function appMenuTemplate(locale: Locale, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const w = menuWords[locale];
  const mac = platform === 'darwin';
  const edit: MenuItemConstructorOptions = {
    label: w.edit,
    submenu: [
      { role: 'undo', label: w.undo },
      { role: 'redo', label: w.redo },
      { type: 'separator' },
      { role: 'cut', label: w.cut },
      { role: 'copy', label: w.copy },
      { role: 'paste', label: w.paste },
      { role: 'selectAll', label: w.selectAll },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: w.view,
    submenu: [
      { role: 'resetZoom', label: w.resetZoom },
      { role: 'zoomIn', label: w.zoomIn },
      { role: 'zoomOut', label: w.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: w.fullScreen },
    ],
  };
  if (mac) {
    return [
      {
        label: w.app,
        submenu: [
          { role: 'about', label: w.about },
          { type: 'separator' },
          { role: 'hide', label: w.hide },
          { role: 'hideOthers', label: w.hideOthers },
          { role: 'unhide', label: w.unhide },
          { type: 'separator' },
          { role: 'quit', label: w.quit },
        ],
      },
      edit,
      view,
      {
        label: w.window,
        submenu: [
          { role: 'minimize', label: w.minimize },
          { role: 'zoom', label: w.zoom },
          { role: 'close', label: w.close },
          { type: 'separator' },
          { role: 'front', label: w.front },
        ],
      },
    ];
  }
  return [
    {
      label: w.file,
      submenu: [{ role: 'close', label: w.close }, { type: 'separator' }, { role: 'quit', label: w.quit }],
    },
    edit,
    view,
    { label: w.window, submenu: [{ role: 'minimize', label: w.minimize }] },
  ];
}
