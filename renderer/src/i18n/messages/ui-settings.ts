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
    },
  },
} satisfies MessageFile;
