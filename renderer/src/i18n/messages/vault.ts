import type { MessageFile } from '../types';

/**
 * Texts for the vault's error codes (electron/common/errors.ts VAULT_ERROR_CODES) and the words a
 * vault status or recovery screen needs. The bridge's ipc.* codes are in ipc.ts.
 */
export default {
  'zh-CN': {
    errors: {
      'vault.absent': '还没有保险库。请先创建一个。',
      'vault.exists': '这里已经有一个保险库，没有覆盖它。',
      'vault.locked': '保险库已锁定。请先解锁。',
      'vault.wrong-passphrase': '口令不正确。',
      'vault.wrong-recovery-code': '恢复码不正确。请检查是否抄错（不区分大小写，短横线可省略）。',
      'vault.weak-passphrase': '口令太短：至少需要 {min} 个字符。',
      'vault.keychain-unavailable': '系统钥匙串不可用。请改用口令保护保险库。',
      'vault.keychain-entry-missing':
        '系统钥匙串里找不到这个保险库的密钥（可能换了电脑或重置了钥匙串）。请用恢复码解锁。',
      'vault.passphrase-required': '这台电脑没有安全的钥匙串，需要用口令保护保险库。',
      'vault.corrupt': '保险库文件已损坏。损坏的文件已另存保留，你可以恢复较早的完好版本。',
      'vault.tampered':
        '保险库文件未通过完整性校验，可能被改动过。该文件已另存保留，你可以恢复较早的完好版本。',
      'vault.newer-version': '这个保险库由更新版本的 Closeout 写入。请升级 Closeout 后再打开；文件保持原样。',
      'vault.disk-full': '磁盘空间不足，这次更改没有保存。之前保存的内容完好无损。请腾出空间后重试。',
      'vault.read-only': '数据文件夹不可写（只读或没有权限），这次更改没有保存。之前保存的内容完好无损。',
      'vault.io': '读写保险库文件时出错，这次操作没有完成。之前保存的内容完好无损。',
      'vault.restore-unavailable': '只有在保险库文件无法读取时，才能恢复较早的版本。',
    },
    vault: {
      state: { absent: '未创建', locked: '已锁定', unlocked: '已解锁' },
      mode: { keychain: '系统钥匙串', passphrase: '口令' },
      lock: '锁定',
      unlock: '解锁',
      passphrase: '口令',
      recoveryCode: '恢复码',
      useRecoveryCode: '忘记口令？使用恢复码',
      recoveryCodeOnce:
        '这是你的恢复码。它只显示这一次：请抄在纸上或存进密码管理器。忘记口令时，只有它能打开保险库。',
      recoveryCodeSaved: '我已保存恢复码',
      changePassphrase: '更改口令',
      currentPassphrase: '当前口令（或恢复码）',
      newPassphrase: '新口令',
      autoLock: '闲置后自动锁定',
      autoLockMinutes: '{n} 分钟',
      autoLockNever: '从不',
      recovery: {
        title: '保险库无法打开',
        corrupt: '保险库文件已损坏。',
        tampered: '保险库文件未通过完整性校验。',
        'newer-version': '保险库由更新版本的 Closeout 写入。',
        missing: '找不到保险库文件，但有较早保存的版本。',
        quarantined: '原文件已改名保留为 {name}，不会被删除。',
        choose: '选择要恢复的版本：',
        savedAt: '保存于 {time}',
        restore: '恢复这个版本',
        none: '没有可用的较早版本。',
      },
    },
  },
  en: {
    errors: {
      'vault.absent': 'There is no vault yet. Create one first.',
      'vault.exists': 'A vault already exists here; it was not overwritten.',
      'vault.locked': 'The vault is locked. Unlock it first.',
      'vault.wrong-passphrase': 'That passphrase is not correct.',
      'vault.wrong-recovery-code':
        'That recovery code is not correct. Check for typos (case and dashes do not matter).',
      'vault.weak-passphrase': 'The passphrase is too short: use at least {min} characters.',
      'vault.keychain-unavailable':
        'The system keychain is not available. Protect the vault with a passphrase instead.',
      'vault.keychain-entry-missing':
        'The system keychain no longer holds this vault’s key (a new computer or a reset keychain?). Unlock it with your recovery code.',
      'vault.passphrase-required': 'This computer has no secure keychain, so the vault needs a passphrase.',
      'vault.corrupt':
        'The vault file is damaged. It was set aside and kept; you can restore an earlier good version.',
      'vault.tampered':
        'The vault file failed its integrity check and may have been changed. It was set aside and kept; you can restore an earlier good version.',
      'vault.newer-version':
        'This vault was written by a newer version of Closeout. Update Closeout to open it; the file was left as it is.',
      'vault.disk-full':
        'The disk is full, so this change was not saved. What you saved before is intact. Free some space and try again.',
      'vault.read-only':
        'The data folder cannot be written (read-only or no permission), so this change was not saved. What you saved before is intact.',
      'vault.io': 'A file error stopped this action. What you saved before is intact.',
      'vault.restore-unavailable':
        'An earlier version can be restored only when the vault file cannot be read.',
    },
    vault: {
      state: { absent: 'Not created', locked: 'Locked', unlocked: 'Unlocked' },
      mode: { keychain: 'System keychain', passphrase: 'Passphrase' },
      lock: 'Lock',
      unlock: 'Unlock',
      passphrase: 'Passphrase',
      recoveryCode: 'Recovery code',
      useRecoveryCode: 'Forgot the passphrase? Use the recovery code',
      recoveryCodeOnce:
        'This is your recovery code. It is shown only this once: write it on paper or keep it in a password manager. If you forget the passphrase, only this code opens the vault.',
      recoveryCodeSaved: 'I have saved the recovery code',
      changePassphrase: 'Change passphrase',
      currentPassphrase: 'Current passphrase (or recovery code)',
      newPassphrase: 'New passphrase',
      autoLock: 'Lock automatically when idle',
      autoLockMinutes: '{n} minutes',
      autoLockNever: 'Never',
      recovery: {
        title: 'The vault could not be opened',
        corrupt: 'The vault file is damaged.',
        tampered: 'The vault file failed its integrity check.',
        'newer-version': 'The vault was written by a newer version of Closeout.',
        missing: 'The vault file is missing, but earlier saved versions exist.',
        quarantined: 'The original file was kept as {name}; it will not be deleted.',
        choose: 'Choose a version to restore:',
        savedAt: 'Saved {time}',
        restore: 'Restore this version',
        none: 'No earlier version is available.',
      },
    },
  },
} satisfies MessageFile;
