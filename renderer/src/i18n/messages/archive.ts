import type { MessageFile } from '../types';

/**
 * Texts for the mail archive screen (issue 18) and every archive.* error code
 * (electron/common/errors.ts ARCHIVE_ERROR_CODES). Numbers and dates arrive formatted by the screen.
 */
export default {
  'zh-CN': {
    errors: {
      'archive.folder-missing': '找不到这个文件夹，或者没有权限读取它。请检查路径，或者重新选择文件夹。',
      'archive.not-a-backup':
        '这个文件夹不是 Closeout 的邮件备份：里面没有 closeout-backup.json 和 Maildir 文件夹。请选择“备份邮件”时保存备份的那个文件夹。',
      'archive.unknown-folder':
        '只能打开你在“选择文件夹”对话框里选中的备份，或者计划里记录的备份文件夹。请点“选择文件夹”重新选择。',
      'archive.damaged':
        '备份的说明文件 closeout-backup.json 已损坏，无法读取文件夹列表。邮件文件本身没有改动。',
      'archive.io': '读取备份文件时出错。请确认备份所在的磁盘已连接，然后重试。',
      'archive.not-open': '还没有打开邮件存档。请先选择一个备份文件夹。',
      'archive.indexing': '存档还在建立索引，请稍候片刻。',
      'archive.not-found':
        '这封邮件（或附件）在备份里已经找不到了。备份可能在打开后被改动过，请重新打开存档。',
      'archive.stale-search': '存档已经更新，搜索结果已过期。请重新搜索。',
      'archive.busy': '已有一个导出正在进行。请等它完成或取消后再开始。',
      'archive.cancelled': '导出已取消，没有留下不完整的文件。',
      'archive.write-failed': '无法写入所选位置（磁盘已满、只读或没有权限）。请换一个位置再试。',
      'archive.unknown-target':
        '只能导出到你在“选择文件夹”对话框里为导出选中的文件夹。请点“选择文件夹”重新选择保存位置。',
    },
    archive: {
      nav: '邮件存档',
      title: '邮件存档',
      subtitle:
        '注销后，备份就是你的邮箱：不联网也能浏览、搜索、阅读和导出。所有内容只在这台电脑上读取，不会发送到任何地方。',
      open: {
        title: '打开备份',
        fromPlans: '计划中记录的备份',
        planBackup: '{address} 的备份',
        noPlanBackups:
          '你的计划里还没有记录邮件备份。可以在计划的“备份邮件”页面完成备份，或者直接选择一个备份文件夹。',
        pathLabel: '其他备份文件夹',
        chooseHint: '用“选择文件夹”打开任何一个 Closeout 备份。Closeout 只读取你在系统对话框里选中的文件夹。',
        opening: '正在打开…',
        close: '关闭存档',
        current: '当前存档：{address}（{dir}）',
      },
      indexing: {
        title: '正在建立索引',
        progress: '已读取 {done} / {total} 封邮件',
        preparing: '正在列出备份中的邮件…',
        note: '索引在后台建立，界面可以照常使用。索引会保存在备份文件夹里，下次打开会很快；备份有新邮件时会自动重建。',
        failed: '索引建立失败',
      },
      summary: '{messages} 封邮件，{folders} 个文件夹',
      brokenNote: '有 {count} 封邮件无法解析，已按原始信头列出，仍可保存。',
      fromCache: '已使用保存的索引',
      folders: {
        title: '文件夹',
        all: '全部邮件',
        unread: '{count} 封未读',
        unreadSuffix: ' 封未读，',
        countSuffix: ' 封',
        earlier: '{name}（旧副本）',
      },
      search: {
        label: '搜索邮件',
        placeholder: '输入发件人、收件人、主题或正文中的词语',
        field: '搜索范围',
        fields: { all: '全部', from: '发件人', to: '收件人', subject: '主题', body: '正文' },
        dateRange: '日期范围',
        startDate: '开始日期',
        endDate: '结束日期',
        hasAttachment: '只看带附件的邮件',
        clear: '清除条件',
        results: '共 {count} 封',
        took: '用时 {ms} 毫秒',
        none: '没有符合条件的邮件。',
        emptyFolder: '这个文件夹是空的。',
      },
      list: {
        label: '邮件列表',
        from: '发件人',
        subject: '主题',
        date: '日期',
        size: '大小',
        noSubject: '（无主题）',
        unknownSender: '（未知发件人）',
        unknownDate: '日期未知',
        unread: '未读',
        flagged: '已加星标',
        answered: '已回复',
        attachment: '有附件',
        broken: '无法解析',
        loading: '正在载入…',
      },
      reader: {
        empty: '在左侧列表中选择一封邮件来阅读。',
        loading: '正在读取邮件…',
        from: '发件人',
        to: '收件人',
        cc: '抄送',
        date: '日期',
        folder: '文件夹',
        frameTitle: '邮件正文：{subject}',
        remoteBlocked:
          '已阻止 {count} 个远程图片或资源：它们常被用来追踪你是否读过邮件。存档不会联网加载它们。',
        noBody: '这封邮件没有正文。',
        truncated: '这封邮件的正文很长，这里只显示了开头部分。保存原始邮件即可得到完整内容。',
        attachments: '附件（{count}）',
        saveAttachment: '另存为…',
        saveAttachmentLabel: '将附件 {name} 另存为',
        saveMessage: '保存原始邮件（.eml）…',
        saved: '已保存到 {path}',
        brokenTitle: '这封邮件无法解析',
        brokenBody:
          '邮件文件的格式不完整或已损坏。下面是它开头的原始信头；你仍可以把原始文件保存下来，用其他邮件程序打开。',
        attachmentNote: '附件不会自动打开。保存后请先用杀毒软件检查再打开。',
      },
      export: {
        title: '导出给其他邮件程序',
        description:
          '导出的文件可以导入 Foxmail、Thunderbird、Outlook 或 Apple Mail。导出会在所选位置新建一个文件夹，每个邮件文件夹对应一个文件或子文件夹。',
        scope: '导出哪些邮件',
        scopes: {
          all: '全部邮件（{count} 封）',
          folder: '当前文件夹：{name}（{count} 封）',
          search: '当前搜索结果（{count} 封）',
        },
        format: '格式',
        formats: {
          mbox: 'mbox（每个文件夹一个文件，适合 Thunderbird 的 ImportExportTools NG 和 Apple Mail）',
          eml: '.eml（每封邮件一个文件，适合 Foxmail、Outlook 和 Thunderbird）',
        },
        target: '保存到',
        noTarget: '还没有选择文件夹。请点“选择文件夹”，在系统对话框里选一个保存位置。',
        start: '开始导出',
        cancel: '取消导出',
        progress: '已导出 {done} / {total} 封',
        done: '导出完成：{count} 封邮件已写入 {path}',
        cancelled: '导出已取消，没有留下不完整的文件。',
        howTo: '如何导入',
        howToFoxmail:
          'Foxmail：选择 .eml 格式导出，然后在 Foxmail 中选中一个文件夹，把 .eml 文件拖进邮件列表（或使用“文件 → 导入 → 导入邮件”）。',
        howToThunderbird:
          'Thunderbird：.eml 文件可以直接拖进文件夹；mbox 文件请安装附加组件 ImportExportTools NG，在文件夹上右键选择“导入 mbox 文件”。',
      },
      people: {
        title: '我写过信的人',
        description:
          '根据“已发送”文件夹列出你发过邮件的地址。注销前要通知的人，可以一键加入计划的联系人名单。',
        load: '列出联系人',
        none: '“已发送”文件夹里没有找到收件人。',
        messages: '{count} 封',
        last: '最近一次：{date}',
        plan: '加入哪个计划',
        add: '加入联系人',
        addLabel: '把 {name} 加入联系人名单',
        added: '已加入',
        noPlans: '还没有计划，无法加入联系人。',
      },
    },
  },
  en: {
    errors: {
      'archive.folder-missing':
        'This folder cannot be found, or it cannot be read. Check the path, or choose the folder again.',
      'archive.not-a-backup':
        'This folder is not a Closeout mail backup: it has no closeout-backup.json and no Maildir folder. Choose the folder the mail backup was saved to.',
      'archive.unknown-folder':
        'Only a backup you picked in the “Choose folder” dialog, or the backup folder a plan records, can be opened. Click “Choose folder” to pick it again.',
      'archive.damaged':
        'The backup’s description file, closeout-backup.json, is damaged, so its folder list cannot be read. The mail files themselves were not changed.',
      'archive.io':
        'The backup files could not be read. Make sure the disk holding the backup is connected, then try again.',
      'archive.not-open': 'No mail archive is open yet. Choose a backup folder first.',
      'archive.indexing': 'The archive is still being indexed. Please wait a moment.',
      'archive.not-found':
        'This message (or attachment) is no longer in the backup. The backup may have changed since it was opened: open the archive again.',
      'archive.stale-search':
        'The archive was updated, so these search results are out of date. Search again.',
      'archive.busy': 'An export is already running. Wait for it to finish or cancel it first.',
      'archive.cancelled': 'The export was cancelled. No half-written files were left behind.',
      'archive.write-failed':
        'The chosen place cannot be written to (disk full, read-only or no permission). Try another place.',
      'archive.unknown-target':
        'An export can only be written into a folder you picked for it in the “Choose folder” dialog. Click “Choose folder” to pick where to save it again.',
    },
    archive: {
      nav: 'Mail archive',
      title: 'Mail archive',
      subtitle:
        'After the closure, the backup is your mailbox: browse, search, read and export it offline. Everything is read on this computer only and sent nowhere.',
      open: {
        title: 'Open a backup',
        fromPlans: 'Backups recorded in your plans',
        planBackup: 'Backup of {address}',
        noPlanBackups:
          'No mail backup is recorded in your plans yet. Back up from a plan’s “Back up mail” screen, or choose a backup folder directly.',
        pathLabel: 'Another backup folder',
        chooseHint:
          'Open any Closeout backup with “Choose folder”. Closeout reads only a folder you picked in the system dialog.',
        opening: 'Opening…',
        close: 'Close archive',
        current: 'Open archive: {address} ({dir})',
      },
      indexing: {
        title: 'Building the index',
        progress: '{done} of {total} messages read',
        preparing: 'Listing the messages in the backup…',
        note: 'The index is built in the background; the screen stays usable. It is kept in the backup folder, so the next opening is fast, and rebuilt when the backup has new mail.',
        failed: 'The index could not be built',
      },
      summary: '{messages} message in {folders} folders | {messages} messages in {folders} folders',
      brokenNote:
        '{count} message could not be parsed. It is listed with its raw headers and can still be saved. | {count} messages could not be parsed. They are listed with their raw headers and can still be saved.',
      fromCache: 'Using the saved index',
      folders: {
        title: 'Folders',
        all: 'All mail',
        unread: '{count} unread',
        unreadSuffix: ' unread,',
        countSuffix: ' messages',
        earlier: '{name} (earlier copy)',
      },
      search: {
        label: 'Search mail',
        placeholder: 'Words from the sender, recipients, subject or text',
        field: 'Search in',
        fields: { all: 'Everything', from: 'Sender', to: 'Recipients', subject: 'Subject', body: 'Text' },
        dateRange: 'Date range',
        startDate: 'Start date',
        endDate: 'End date',
        hasAttachment: 'Only messages with attachments',
        clear: 'Clear filters',
        results: '{count} message | {count} messages',
        took: '{ms} ms',
        none: 'No messages match.',
        emptyFolder: 'This folder is empty.',
      },
      list: {
        label: 'Messages',
        from: 'From',
        subject: 'Subject',
        date: 'Date',
        size: 'Size',
        noSubject: '(no subject)',
        unknownSender: '(unknown sender)',
        unknownDate: 'Date unknown',
        unread: 'Unread',
        flagged: 'Flagged',
        answered: 'Answered',
        attachment: 'Has attachments',
        broken: 'Cannot be parsed',
        loading: 'Loading…',
      },
      reader: {
        empty: 'Choose a message in the list to read it.',
        loading: 'Reading the message…',
        from: 'From',
        to: 'To',
        cc: 'Cc',
        date: 'Date',
        folder: 'Folder',
        frameTitle: 'Message text: {subject}',
        remoteBlocked:
          '{count} remote images or resources were blocked: they are often used to track whether you read a message. The archive never loads them.',
        noBody: 'This message has no text.',
        truncated:
          'This message’s text is very long; only its beginning is shown here. Save the original message to get all of it.',
        attachments: 'Attachments ({count})',
        saveAttachment: 'Save as…',
        saveAttachmentLabel: 'Save attachment {name} as',
        saveMessage: 'Save the original message (.eml)…',
        saved: 'Saved to {path}',
        brokenTitle: 'This message cannot be parsed',
        brokenBody:
          'The message file is incomplete or damaged. Below are the raw header lines it starts with; you can still save the original file and open it with another mail program.',
        attachmentNote:
          'Attachments are never opened automatically. Check a saved file with your antivirus before opening it.',
      },
      export: {
        title: 'Export for other mail programs',
        description:
          'The exported files can be imported into Foxmail, Thunderbird, Outlook or Apple Mail. The export creates a new folder in the place you choose, with one file or subfolder per mail folder.',
        scope: 'Which messages',
        scopes: {
          all: 'All mail ({count} message) | All mail ({count} messages)',
          folder: 'This folder: {name} ({count} message) | This folder: {name} ({count} messages)',
          search: 'This search result ({count} message) | This search result ({count} messages)',
        },
        format: 'Format',
        formats: {
          mbox: 'mbox (one file per folder, for Thunderbird’s ImportExportTools NG and Apple Mail)',
          eml: '.eml (one file per message, for Foxmail, Outlook and Thunderbird)',
        },
        target: 'Save to',
        noTarget:
          'No folder chosen yet. Click “Choose folder” to pick where to save it in the system dialog.',
        start: 'Export',
        cancel: 'Cancel export',
        progress: '{done} of {total} messages exported',
        done: 'Export finished: {count} message written to {path} | Export finished: {count} messages written to {path}',
        cancelled: 'The export was cancelled. No half-written files were left behind.',
        howTo: 'How to import',
        howToFoxmail:
          'Foxmail: export as .eml, then select a folder in Foxmail and drag the .eml files into its message list (or use File → Import → Import messages).',
        howToThunderbird:
          'Thunderbird: drag .eml files into a folder; for mbox files install the ImportExportTools NG add-on and right-click a folder → Import mbox file.',
      },
      people: {
        title: 'People I wrote to',
        description:
          'The addresses you sent mail to, from the Sent folder. Add the people to tell before the closure to a plan’s contacts in one click.',
        load: 'List the people',
        none: 'No recipients were found in the Sent folder.',
        messages: '{count} message | {count} messages',
        last: 'Last: {date}',
        plan: 'Add to plan',
        add: 'Add as contact',
        addLabel: 'Add {name} to the contacts',
        added: 'Added',
        noPlans: 'There is no plan to add contacts to yet.',
      },
    },
  },
} satisfies MessageFile;
