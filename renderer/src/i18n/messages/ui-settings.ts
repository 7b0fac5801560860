import type { MessageFile } from '../types';

export default {
  'zh-CN': {
    settings: {
      title: '设置',
      subtitle: '安全、外观和数据位置。',
      security: {
        title: '安全',
        passphraseMode: '保险库由你的口令保护。',
        keychainMode: '保险库由系统钥匙串保护。',
        lockHint: '锁定后需要重新解锁才能查看计划。',
        keychainNoPassphrase: '使用系统钥匙串时没有口令可修改；自动锁定仅适用于口令模式。',
      },
      autoLock: { title: '自动锁定', label: '闲置多久后锁定', never: '从不', minutes: '{n} 分钟' },
      passphrase: {
        title: '修改口令',
        current: '当前口令',
        currentHint: '忘记了？这里也可以填恢复码。',
        next: '新口令',
        confirm: '再次输入新口令',
        submit: '修改口令',
        changed: '口令已修改。恢复码仍然有效。',
      },
      appearance: { title: '外观' },
      language: { label: '语言', os: '跟随系统' },
      theme: { label: '主题', os: '跟随系统', light: '浅色', dark: '深色' },
      data: {
        title: '数据文件夹',
        description: '加密的保险库和它的早期版本保存在这里。备份这台电脑时请包含这个文件夹。',
        copy: '复制路径',
      },
      licences: {
        title: '开源软件许可',
        description:
          'Closeout 使用了下面这些开源软件。按照它们的许可证要求，这里附上每个软件包的许可证全文。',
        show: '查看开源软件许可',
        count: '共 {n} 个软件包。点击名称展开许可证全文。',
        unnamed: '未注明许可证',
        noText: '这个软件包没有附带许可证全文，它注明的许可证是 {license}。',
        standardText:
          '这个软件包没有附带许可证文件。下面是它注明的 {license} 许可证的标准文本，版权人是它的 package.json 里注明的作者。',
        failed:
          '没能读取开源软件许可清单。它随 Closeout 一起安装，缺失时请重新安装 Closeout；你的计划和备份不受影响。',
      },
    },
  },
  en: {
    settings: {
      title: 'Settings',
      subtitle: 'Security, appearance and where your data lives.',
      security: {
        title: 'Security',
        passphraseMode: 'The vault is protected by your passphrase.',
        keychainMode: 'The vault is protected by the system keychain.',
        lockHint: 'After locking, unlock again to see your plans.',
        keychainNoPassphrase:
          'With the system keychain there is no passphrase to change; auto-lock applies to passphrase mode only.',
      },
      autoLock: {
        title: 'Auto-lock',
        label: 'Lock after being idle for',
        never: 'Never',
        minutes: '{n} minutes',
      },
      passphrase: {
        title: 'Change passphrase',
        current: 'Current passphrase',
        currentHint: 'Forgot it? Your recovery code works here too.',
        next: 'New passphrase',
        confirm: 'New passphrase again',
        submit: 'Change passphrase',
        changed: 'The passphrase was changed. Your recovery code still works.',
      },
      appearance: { title: 'Appearance' },
      language: { label: 'Language', os: 'Same as the system' },
      theme: { label: 'Theme', os: 'Same as the system', light: 'Light', dark: 'Dark' },
      data: {
        title: 'Data folder',
        description:
          'The encrypted vault and its earlier saves are kept here. Include this folder when you back up this computer.',
        copy: 'Copy path',
      },
      licences: {
        title: 'Open-source licences',
        description:
          'Closeout uses the open-source software below. As their licences ask, the full text of each package’s licence is included here.',
        show: 'Show open-source licences',
        count: '{n} packages. Choose a name to read its licence.',
        unnamed: 'no licence named',
        noText: 'This package ships no licence text; the licence it names is {license}.',
        standardText:
          'This package ships no licence file. Below is the standard text of the licence it names, {license}, with the author its package.json names as the holder.',
        failed:
          'The list of open-source licences could not be read. It is installed with Closeout; if it is missing, reinstall Closeout. Your plans and backups are not affected.',
      },
    },
  },
} satisfies MessageFile;
