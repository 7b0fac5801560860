import type { MessageFile } from '../types';

/**
 * Texts for the mail backup screen (issue 6) and every mail.* error code
 * (electron/common/errors.ts MAIL_ERROR_CODES). Interpolations: {server} is the server's own
 * words (may be empty), {address} another backup's address, numbers are pre-formatted by the screen.
 */
export default {
  'zh-CN': {
    errors: {
      'mail.auth-failed':
        '登录失败：邮箱地址或客户端授权码不正确。请注意这里要填的是授权码，不是网页登录密码。授权码可能已被删除或重新生成，请到网页邮箱设置里核对。',
      'mail.unsafe-login':
        '服务器以“Unsafe Login（不安全登录）”拒绝了这次连接。网易要求邮件客户端在登录后报上自己的名称和版本（IMAP ID 命令），Closeout 会自动发送。如果仍然出现，多半是该邮箱的 IMAP 服务未开启或授权码无效：请在网页邮箱的“POP3/SMTP/IMAP”设置中开启 IMAP 并重新生成授权码。',
      'mail.unreachable': '连不上邮件服务器。请检查网络连接，以及服务器地址和端口是否正确。',
      'mail.tls-failed':
        '无法建立安全连接（TLS）：服务器证书不受信任或加密协商失败。为保护你的授权码，Closeout 不会改用不加密的连接。',
      'mail.server-refused': '服务器拒绝了请求：{server}',
      'mail.timeout': '服务器长时间没有响应。请稍后再试；已经保存的邮件不会丢失，下次会接着备份。',
      'mail.connection-lost':
        '与服务器的连接中断了。已经保存的邮件不会丢失：点击“继续备份”即可从中断处接着下载。',
      'mail.target-not-writable': '无法写入所选的备份文件夹（只读、没有权限或路径无效）。请换一个文件夹。',
      'mail.disk-full': '备份所在的磁盘已满。已经保存的邮件完好无损；腾出空间后点击“继续备份”。',
      'mail.cancelled': '备份已取消。已经保存的邮件都保留着，随时可以继续。',
      'mail.io': '读写备份文件时出错。已经记录的邮件不受影响，请重试。',
      'mail.busy': '已有一个备份正在进行。请等它完成或取消后再开始。',
      'mail.no-server': '不认识这个邮箱域名的服务器。请手动填写 IMAP 服务器地址和端口。',
      'mail.code-required': '请输入客户端授权码。',
      'mail.no-backup': '这个文件夹里还没有 Closeout 的邮件备份。',
      'mail.other-account': '这个文件夹里已有另一个邮箱（{address}）的备份。请为每个邮箱选择单独的文件夹。',
      'mail.open-failed': '无法打开备份文件夹。你可以在文件管理器中手动打开它。',
      'mail.name-refused': '备份所在的磁盘不接受这个文件夹或文件的名称（太长，或含有该磁盘不允许的字符）。',
      'mail.response-too-large':
        '服务器一次发来的数据远超邮件程序应当接收的上限，为保护这台电脑的内存，连接已断开。这通常是服务器故障；已经保存的邮件不受影响，请稍后再试。',
      'mail.saved-code-other-server':
        '保存的授权码只用于保存它时的服务器（{host}:{port}）。要连接其他服务器，请重新输入授权码。',
      'mail.unknown-folder':
        '这里只能打开 Closeout 做过备份的文件夹。这个文件夹里没有 Closeout 的备份，请在文件管理器中手动打开。',
      'mail.unknown-target':
        '邮件备份只能使用你在“选择文件夹…”对话框里选中的文件夹，或者这个计划记录的备份文件夹。请点“选择文件夹…”选择保存备份的位置。没有写入或读取任何文件。',
      'mail.internal':
        'Closeout 自身出了错，备份停了下来。这不是网络、服务器或磁盘的问题。已经保存的邮件完好无损；可以点击“继续备份”再试一次，如果每次都停在同一处，请先不要注销邮箱。',
      'mail.verify-internal':
        'Closeout 自身出了错，校验停了下来。这不是网络、服务器或磁盘的问题，备份里的邮件没有被改动。可以点击“重新校验”再试一次；在校验通过之前，请先不要注销邮箱。',
    },
    mail: {
      loginRisk: {
        title: '你已经提交了注销申请',
        body: '连接邮箱要用客户端授权码登录：测试连接、备份、校验和读取网上的邮箱都是。冷静期内这样的登录会不会撤销注销申请，目前没有可靠的说法。',
        advice: '备份已经完成并校验通过的话，就不必再连接了。仍然要连接，请先勾选下面这一项。',
        ack: '我明白这可能撤销我的注销申请，仍然要连接邮箱',
      },
      title: '备份邮件',
      intro:
        '注销后，邮箱里的所有邮件都会被删除，且无法恢复。先把每个文件夹完整下载到这台电脑上：之后可以在“邮件存档”里查看和搜索，也能用 Thunderbird 等邮件程序打开。',
      address: '邮箱地址',
      server: {
        label: 'IMAP 服务器',
        fromCatalog: '根据邮箱域名自动填写：{host}，端口 {port}（加密连接）',
        custom: '手动填写服务器',
        host: '服务器地址',
        port: '端口',
        secure: '使用 SSL/TLS 加密连接（端口 993）',
        starttls: '使用 STARTTLS（端口 143）',
        unverified: '这个服务器地址的可靠程度为“中”，如果连不上，请到网页邮箱的设置页面核对。',
      },
      code: {
        label: '客户端授权码',
        placeholder: '16 位左右的字母组合',
        notPassword: '这不是网页登录密码。网易邮箱只允许邮件客户端用授权码登录。',
        save: '把授权码加密保存在保险库里，下次不必再输入',
        saveHint:
          '不勾选时，授权码只在本次运行期间保存在内存中，退出或锁定后即被清除。无论哪种方式都不会写入日志或发回界面。',
        saved: '已使用保险库中保存的授权码',
        forget: '删除保存的授权码',
        howTitle: '如何获取授权码',
        how: {
          step1: '在浏览器中登录网页邮箱（mail.163.com、mail.126.com 或 mail.yeah.net）。',
          step2: '打开“设置” → “POP3/SMTP/IMAP”。',
          step3: '开启“IMAP/SMTP 服务”。',
          step4: '点击“新增授权密码”（或“客户端授权密码”），按提示用绑定的手机发送短信验证。',
          step5: '复制页面显示的授权码，粘贴到这里。它只显示一次；忘记了可以删除后重新生成。',
          phone: '生成授权码需要绑定的手机。所以请在解绑手机之前完成邮件备份。',
          revoke: '备份并校验完成后，可以在同一页面删除这个授权码。',
        },
        unsafeTitle: '什么是 “Unsafe Login”？',
        unsafe:
          '网易的 IMAP 服务器要求邮件程序在登录后通过 IMAP ID 命令报上自己的名称和版本；不这样做的程序会被拒绝，提示 “NO SELECT Unsafe Login”。Closeout 会自动发送 ID（名称 Closeout 和版本号），一般不会遇到。若仍出现，请确认已开启 IMAP 服务、授权码有效，并稍后重试。',
      },
      target: {
        label: '备份保存到',
        folder: '文件夹',
        none: '还没有选择文件夹。',
        recorded: '这是这个计划的备份上次保存的文件夹，可以直接继续。',
        hint: '点“选择文件夹…”，选一个有足够空间的文件夹（例如移动硬盘）。同一个文件夹可以随时继续上次的备份。',
        existing:
          '这个文件夹里已有 {address} 的备份：{messages} 封邮件，{bytes}。将接着备份，已保存的邮件不会重复下载。',
        tooDeep:
          '这个文件夹的路径较长（{length} 个字符）。备份里的文件路径在 Windows 上可能超过 260 个字符的限制，一些程序将打不开这些邮件。建议选择不超过 {max} 个字符的路径，例如磁盘根目录下的一个文件夹。',
        savedNames:
          '以下文件夹在备份中用了另一个名称（名称太长、含有磁盘不允许的字符，或与其他文件夹只差大小写）：',
        savedName: '“{folder}” 保存为 {dir}',
      },
      actions: {
        test: '测试连接',
        start: '开始备份',
        resume: '继续备份',
        cancel: '取消',
        verify: '重新校验',
        openFolder: '打开备份文件夹',
        openArchive: '在邮件存档中浏览和搜索这份备份',
      },
      test: {
        ok: '连接成功：{folders} 个文件夹，共 {messages} 封邮件。',
      },
      phase: {
        connecting: '正在连接服务器…',
        listing: '正在读取文件夹列表…',
        exporting: '正在下载邮件',
        reconnecting: '连接中断，正在重新连接…已保存的邮件不会重复下载',
        verifying: '正在与服务器核对…',
      },
      progress: {
        folders: '文件夹 {done} / {total}',
        current: '当前：{folder}',
        messages: '{done} / {total} 封邮件',
        bytes: '{done} / {total}',
        rate: '{rate}/秒',
        eta: '剩余约 {time}',
        etaUnknown: '正在估算剩余时间…',
        cancelling: '正在取消，当前这一批写完后停止…',
      },
      summary: {
        title: '备份完成',
        cancelledTitle: '备份已暂停',
        failedTitle: '备份中断',
        counts: '{folders} 个文件夹，{messages} 封邮件，{bytes}',
        fetched: '本次下载 {messages} 封（{bytes}），其余在之前的备份中已保存。',
        fetchedAll: '本次下载了全部 {messages} 封（{bytes}）。',
        fetchedNone: '没有需要下载的新邮件：所有邮件都已在之前的备份中。',
        duration: '用时 {time}',
        location: '保存位置：{path}',
        maildir: '邮件所在的文件夹：{path}',
        resumable: '已保存的邮件都保留着。点击“继续备份”会从中断处接着下载，不会重复，也不会遗漏。',
        uidValidityChanged:
          '服务器上的文件夹“{folder}”已被重建，新旧邮件无法逐封对应，因此完整地重新备份到了子文件夹 {dir}。之前的副本仍保留在原处。',
        folderFailures: '有 {count} 个文件夹没能保存，其他文件夹都已保存：',
        folderFailed: '“{folder}”（{dir}）：{reason}',
        portableSeparator:
          '这个磁盘不接受文件名中的“:”（例如 FAT32、exFAT 格式的 U 盘），所以邮件文件名在状态标记前用“;”代替“:”。',
      },
      verification: {
        title: '校验结果',
        passed: '校验通过：服务器上的 {server} 封邮件都在备份中，大小一致。',
        failed:
          '校验未通过：缺少 {missing} 封，大小不一致 {mismatches} 封，文件损坏 {corrupt} 个。请点击“继续备份”补齐后再校验。',
        extra: '备份中另有 {extra} 封邮件已不在服务器上（可能已被删除），它们仍保留在备份里。',
        files: '文件夹“{folder}”：{missing} 个已记录的邮件文件不见了，{different} 个与记录不一致。',
        recorded: '已在计划中把“邮件备份”标记为完成（{time}）。',
        notRecorded: '校验通过，但没能写入计划（保险库是否已锁定？）。解锁后点击“重新校验”。',
        at: '校验时间：{time}',
        folder: '文件夹',
        onServer: '服务器上',
        inBackup: '备份中',
        missing: '缺少',
      },
      format: {
        title: '用其他邮件程序打开',
        body: '每封邮件保存为一个单独的文件，已读、星标等状态也一并保存。在本应用的“邮件存档”里可以直接打开和搜索，不需要其他程序。',
        technical: '技术细节',
        layout:
          '备份是 Maildir++ 格式：收件箱在 Maildir 文件夹本身，其他文件夹是以点开头的子文件夹（例如 .已发送），每封邮件一个文件，已读、星标等状态写在文件名里。',
        uidValidity:
          '如果服务器重建了某个文件夹（UIDVALIDITY 改变），那个文件夹会完整地重新备份到一个新的子文件夹里。',
        mutt: 'mutt：set mbox_type=Maildir，folder=<备份位置>/Maildir，然后用 mutt -f <备份位置>/Maildir 打开。',
        thunderbird: 'Thunderbird：用 ImportExportTools NG 扩展的“导入 Maildir 文件夹”。',
        dovecot:
          'Dovecot / mbsync：mail_location = maildir:<备份位置>/Maildir:UTF-8；mbsync 使用 SubFolders Maildir++。',
        manifest: 'manifests 文件夹里记录了每封邮件的文件夹、UIDVALIDITY、UID、大小和 SHA-256，用于校验。',
      },
    },
  },
  en: {
    errors: {
      'mail.auth-failed':
        'Sign-in failed: the address or the client authorization code is wrong. Enter the authorization code, not the web mail password. The code may have been deleted or replaced; check it in the web mail settings.',
      'mail.unsafe-login':
        'The server refused the session as an "Unsafe Login". NetEase requires a mail program to send its name and version (the IMAP ID command) after signing in, and Closeout does. If you still see this, IMAP is most likely switched off for this mailbox or the code is invalid: turn on IMAP under "POP3/SMTP/IMAP" in the web mail settings and create a new authorization code.',
      'mail.unreachable':
        'The mail server cannot be reached. Check your network connection and the server address and port.',
      'mail.tls-failed':
        'A secure (TLS) connection could not be made: the server certificate is not trusted or encryption could not be agreed. To protect your code, Closeout does not fall back to an unencrypted connection.',
      'mail.server-refused': 'The server refused the request: {server}',
      'mail.timeout':
        'The server stopped answering. Try again later; the mail already saved is kept and the next run continues from there.',
      'mail.connection-lost':
        'The connection to the server was lost. The mail already saved is kept: choose "Resume backup" to continue where it stopped.',
      'mail.target-not-writable':
        'The chosen backup folder cannot be written (read-only, no permission, or not a valid path). Choose another folder.',
      'mail.disk-full':
        'The backup disk is full. The mail already saved is intact; free some space, then choose "Resume backup".',
      'mail.cancelled':
        'The backup was cancelled. Everything saved so far is kept; you can resume at any time.',
      'mail.io':
        'A file error occurred while writing the backup. Messages already recorded are not affected; try again.',
      'mail.busy': 'A backup is already running. Wait for it to finish or cancel it first.',
      'mail.no-server': 'The server for this address is not known. Enter the IMAP server address and port.',
      'mail.code-required': 'Enter the client authorization code.',
      'mail.no-backup': 'This folder holds no Closeout mail backup yet.',
      'mail.other-account':
        'This folder already holds the backup of another address ({address}). Use a separate folder for each mailbox.',
      'mail.open-failed':
        'The backup folder could not be opened. You can open it yourself in your file manager.',
      'mail.name-refused':
        'The backup disk refused a folder or file name (too long, or characters that disk does not allow).',
      'mail.response-too-large':
        'The server sent far more at once than a mail program should accept, so the connection was closed to protect this computer’s memory. This usually means a fault on the server; the mail already saved is not affected. Try again later.',
      'mail.saved-code-other-server':
        'The kept authorization code is used only with the server it was kept for ({host}:{port}). To connect to another server, enter the code again.',
      'mail.unknown-folder':
        'Only a folder Closeout has backed up into can be opened here, and this one holds no Closeout backup. Open it yourself in your file manager.',
      'mail.unknown-target':
        'The mail backup uses only a folder you picked in the “Choose folder…” dialog, or the backup folder this plan records. Click “Choose folder…” to pick where the backup goes. Nothing was written or read.',
      'mail.internal':
        'The backup stopped on an error in Closeout itself, not in the network, the server or the disk. The mail already saved is intact. You can choose "Resume backup" to try again; if it stops at the same place every time, do not close the mailbox yet.',
      'mail.verify-internal':
        'The verification stopped on an error in Closeout itself, not in the network, the server or the disk. Nothing in the backup was changed. You can choose "Verify again" to try again; until a verification passes, do not close the mailbox yet.',
    },
    mail: {
      loginRisk: {
        title: 'You have submitted the closure request',
        body: 'Connecting to the mailbox means signing in with the client authorization code: testing the connection, backing up, verifying and reading the mailbox online all do. Whether such a sign-in during the cooling-off period withdraws the request is not reliably known.',
        advice:
          'If your backup is complete and verified, there is no need to connect again. To connect anyway, tick the box below first.',
        ack: 'I understand this may withdraw my closure request; connect to the mailbox anyway',
      },
      title: 'Back up mail',
      intro:
        'Closing the account deletes every message in the mailbox for good. First download every folder to this computer: afterwards you can read and search it in “Mail archive”, or open it in a mail program such as Thunderbird.',
      address: 'Mail address',
      server: {
        label: 'IMAP server',
        fromCatalog: 'Filled in from the address: {host}, port {port} (encrypted)',
        custom: 'Enter the server myself',
        host: 'Server address',
        port: 'Port',
        secure: 'SSL/TLS encryption (port 993)',
        starttls: 'STARTTLS (port 143)',
        unverified:
          'This server address is of medium confidence; if it does not connect, check it in the web mail settings.',
      },
      code: {
        label: 'Client authorization code',
        placeholder: 'About 16 letters',
        notPassword:
          'This is not the web mail password. NetEase lets mail programs sign in only with an authorization code.',
        save: 'Keep the code encrypted in the vault so I do not have to enter it again',
        saveHint:
          'Unticked, the code stays in memory for this session only and is gone when you quit or lock. Either way it is never logged or sent back to the screen.',
        saved: 'Using the code kept in the vault',
        forget: 'Delete the kept code',
        howTitle: 'How to get an authorization code',
        how: {
          step1: 'Sign in to web mail in your browser (mail.163.com, mail.126.com or mail.yeah.net).',
          step2: 'Open Settings → "POP3/SMTP/IMAP".',
          step3: 'Turn on the "IMAP/SMTP service".',
          step4:
            'Choose "Add authorization password" (or "client authorization password") and confirm by SMS from the bound phone.',
          step5:
            'Copy the code shown and paste it here. It is shown only once; if you lose it, delete it and create a new one.',
          phone:
            'Creating a code needs the bound phone, so finish the mail backup before you unbind the phone.',
          revoke: 'After the backup is verified you can delete the code on the same page.',
        },
        unsafeTitle: 'What does "Unsafe Login" mean?',
        unsafe:
          'NetEase IMAP servers require a mail program to send its name and version with the IMAP ID command after signing in; programs that do not are refused with "NO SELECT Unsafe Login". Closeout sends ID (the name Closeout and its version) by itself, so you should not meet it. If you do, make sure IMAP is turned on and the code is valid, then try again later.',
      },
      target: {
        label: 'Save the backup in',
        folder: 'Folder',
        none: 'No folder chosen yet.',
        recorded: 'This plan’s backup was saved in this folder last time; it can simply continue.',
        hint: 'Click “Choose folder…” and pick a folder with enough free space (an external disk, for example). The same folder can resume an earlier backup at any time.',
        existing:
          'This folder already holds a backup of {address}: {messages} messages, {bytes}. The backup continues from it; saved messages are not downloaded again.',
        tooDeep:
          'This folder’s path is long ({length} characters). Paths inside the backup could pass Windows’ limit of 260 characters, and some programs there could not open those messages. Choose a path of at most {max} characters, such as a folder at the top of a disk.',
        savedNames:
          'These folders are saved under another name (too long, characters a disk does not allow, or differing from another folder only in case):',
        savedName: '“{folder}” saved as {dir}',
      },
      actions: {
        test: 'Test connection',
        start: 'Start backup',
        resume: 'Resume backup',
        cancel: 'Cancel',
        verify: 'Verify again',
        openFolder: 'Open backup folder',
        openArchive: 'Browse and search this backup in the mail archive',
      },
      test: {
        ok: 'Connected: {folders} folders, {messages} messages.',
      },
      phase: {
        connecting: 'Connecting to the server…',
        listing: 'Reading the folder list…',
        exporting: 'Downloading mail',
        reconnecting: 'Connection lost, reconnecting… mail already saved will not be downloaded again',
        verifying: 'Checking against the server…',
      },
      progress: {
        folders: 'Folder {done} of {total}',
        current: 'Now: {folder}',
        messages: '{done} of {total} messages',
        bytes: '{done} of {total}',
        rate: '{rate}/s',
        eta: 'About {time} left',
        etaUnknown: 'Estimating time left…',
        cancelling: 'Cancelling: stopping after the current batch is written…',
      },
      summary: {
        title: 'Backup complete',
        cancelledTitle: 'Backup paused',
        failedTitle: 'Backup interrupted',
        counts: '{folders} folders, {messages} messages, {bytes}',
        fetched:
          'Downloaded {messages} messages ({bytes}) this time; the rest were already saved by an earlier run.',
        fetchedAll: 'Downloaded all {messages} messages ({bytes}) this time.',
        fetchedNone: 'Nothing new to download: every message was already saved by an earlier run.',
        duration: 'Took {time}',
        location: 'Saved in: {path}',
        maildir: 'The messages are in: {path}',
        resumable:
          'Everything saved so far is kept. "Resume backup" continues where it stopped, with no duplicates and nothing skipped.',
        uidValidityChanged:
          'The folder "{folder}" was recreated on the server, so its messages can no longer be matched with the earlier copy. It was backed up again in full into the subfolder {dir}; the earlier copy stays where it was.',
        folderFailures: 'Folders that could not be saved: {count}. All the others were saved:',
        folderFailed: '“{folder}” ({dir}): {reason}',
        portableSeparator:
          'This disk does not accept ":" in file names (a FAT32 or exFAT USB stick, for example), so the message file names use ";" instead of ":" before the flags.',
      },
      verification: {
        title: 'Verification',
        passed: 'Verified: all {server} messages on the server are in the backup, with matching sizes.',
        failed:
          'Verification failed: {missing} missing, {mismatches} with a different size, {corrupt} damaged files. Choose "Resume backup" to fill the gaps, then verify again.',
        extra:
          '{extra} messages in the backup are no longer on the server (probably deleted there); they stay in the backup.',
        files:
          'Folder “{folder}”: {missing} recorded message files are gone, {different} differ from the record.',
        recorded: 'The mail backup is marked done in the plan ({time}).',
        notRecorded:
          'Verified, but it could not be recorded in the plan (is the vault locked?). Unlock it and choose "Verify again".',
        at: 'Checked at {time}',
        folder: 'Folder',
        onServer: 'On server',
        inBackup: 'In backup',
        missing: 'Missing',
      },
      format: {
        title: 'Open it in another mail program',
        body: 'Every message is saved as a file of its own, with its read and flagged state. “Mail archive” in this app opens and searches it, no other program needed.',
        technical: 'Technical details',
        layout:
          'The backup is Maildir++: the inbox is the Maildir folder itself, other folders are subfolders whose names start with a dot (such as .已发送), one file per message, with read, flagged and other states in the file name.',
        uidValidity:
          'When the server recreates a folder (its UIDVALIDITY changes), that folder is backed up again in full into a new subfolder.',
        mutt: 'mutt: set mbox_type=Maildir and folder=<backup>/Maildir, then open it with mutt -f <backup>/Maildir.',
        thunderbird: 'Thunderbird: use "Import Maildir folder" from the ImportExportTools NG add-on.',
        dovecot:
          'Dovecot / mbsync: mail_location = maildir:<backup>/Maildir:UTF-8; in mbsync use SubFolders Maildir++.',
        manifest:
          'The manifests folder lists every message’s folder, UIDVALIDITY, UID, size and SHA-256, for verification.',
      },
    },
  },
} satisfies MessageFile;
