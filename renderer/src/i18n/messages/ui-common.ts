import type { MessageFile } from '../types';

/** App-wide words: the app's name, shared buttons, the shell around every screen. */
export default {
  'zh-CN': {
    app: { name: 'Closeout 注销助手', tagline: '安全、从容地注销网易邮箱' },
    common: {
      loading: '正在加载…',
      retry: '重试',
      cancel: '取消',
      save: '保存',
      close: '关闭',
      back: '返回',
      chooseFolder: '选择文件夹…',
      labelValue: '{label}：{value}',
      labelColon: '{label}：',
      withCount: '{label}（{count}）',
      unknownError:
        '出现了一个未预料的问题（代码 {code}）。你的数据没有改动，请重试；如果反复出现，请记下这个代码。',
    },
    shell: {
      navLabel: '主导航',
      skipToContent: '跳到主要内容',
      recoveryUnconfirmed: {
        title: '恢复码还没有确认抄下',
        body: '恢复码只显示一次，而上次的恢复码在你确认抄下之前，窗口就关闭或刷新了。忘记口令时要靠它打开保险库，请生成一个新的恢复码并抄下，旧的那个随之作废。',
        action: '去生成新的恢复码',
      },
      lockNow: '立即锁定',
      nav: { plans: '注销计划', settings: '设置' },
    },
  },
  en: {
    app: { name: 'Closeout', tagline: 'Close a NetEase mail account safely, at your own pace' },
    common: {
      loading: 'Loading…',
      retry: 'Try again',
      cancel: 'Cancel',
      save: 'Save',
      close: 'Close',
      back: 'Back',
      chooseFolder: 'Choose folder…',
      labelValue: '{label}: {value}',
      labelColon: '{label}:',
      withCount: '{label} ({count})',
      unknownError:
        'Something unexpected went wrong (code {code}). Nothing was changed; please try again, and note the code if it keeps happening.',
    },
    shell: {
      navLabel: 'Main navigation',
      skipToContent: 'Skip to main content',
      recoveryUnconfirmed: {
        title: 'Your recovery code was not confirmed as written down',
        body: 'A recovery code is shown only once, and the window closed or reloaded before you confirmed you had written the last one down. It is what opens the vault if you forget your passphrase: create a new one and write it down; the old one stops working.',
        action: 'Create a new recovery code',
      },
      lockNow: 'Lock now',
      nav: { plans: 'Closure plans', settings: 'Settings' },
    },
  },
} satisfies MessageFile;
