import type { MessageFile } from '../types';

/**
 * Texts for discovery (issue 7): the review screen's words, every verdict and category, every
 * reason a verdict carries (`discovery.reasons.<key>` with the reason's params), and every
 * `discovery.*` error code. The scan over IMAP reports connection problems with the mail
 * backup's `mail.*` codes, whose texts live in mail.ts.
 */
export default {
  'zh-CN': {
    discovery: {
      title: '查找仍在使用这个地址的服务',
      intro:
        '只读取邮件的发件人、收件人、主题、日期和退订标记，不读正文，全部在本机完成，不联网查询。结果只供你审阅：每一项都需要你亲手加入计划。',
      source: {
        imap: '直接读取网上的邮箱（需要客户端授权码）',
        maildir: '读取这台电脑上的邮件备份',
        maildirPath: '邮件备份文件夹',
        noFolder: '还没有选择文件夹。请点“选择文件夹…”。',
        authCode: '客户端授权码',
        useSaved: '使用邮件备份时保存的授权码',
      },
      actions: {
        scan: '开始查找',
        rescan: '重新查找',
        cancel: '停止',
        addService: '加入关联服务',
        addSite: '加入第三方网站',
        added: '已在计划中',
        openInArchive: '在邮件存档中查看这个发件人的邮件',
        openSubject: '在邮件存档中打开这封邮件',
        showAll: '显示全部',
        showAccounts: '只看账号和可疑项',
      },
      phase: {
        connecting: '正在连接…',
        listing: '正在列出文件夹…',
        scanning: '正在读取邮件头…',
        classifying: '正在整理结果…',
      },
      progress:
        '已读取 {done} / {total} 封，{folders} 个文件夹中的第 {folder} 个；已发现 {accounts} 个可能的账号',
      summary:
        '读取了 {messages} 封邮件（{folders} 个文件夹），发现 {findings} 个发件方，其中 {accounts} 个像是账号。',
      cancelledNote: '查找被中途停止，下面只包含已读取部分的结果。',
      skippedFolders: '未读取的文件夹（垃圾邮件、草稿、已发送）：{folders}',
      skippedEntries:
        '有 {count} 个条目不是普通的邮件文件（如文件夹、管道）或无法读取，已跳过，未打开：{samples}',
      suspiciousSummary: '其中 {count} 个发件方可疑（可能是钓鱼或虚假注册），已标出警告，不能加入计划。',
      suspiciousWarning:
        '警告：这很可能是钓鱼或虚假的注册邮件。不要点击其中的链接，不要回复或转告验证码，也不要在这个网站修改地址。如有疑问，请直接打开官方网站或 App 核实。',
      onBehalfOf: '代发对象：{merchants}',
      listSeparator: '、',
      productSource: '网易产品列表（团队整理，未经官方核实）',
      resultsInMemory: '结果只保存在本次运行的内存中，关闭应用后需要重新查找。',
      empty: '还没有结果。',
      columns: {
        sender: '发件方',
        verdict: '判断',
        category: '类别',
        evidence: '邮件数',
        firstSeen: '最早',
        lastSeen: '最近',
        samples: '主题示例',
        reason: '依据',
      },
      verdicts: {
        account: '有账号',
        'netease-service': '网易关联服务',
        'netease-passport': '网易通行证本身',
        newsletter: '订阅邮件',
        personal: '个人来信',
        'mailing-list': '邮件列表',
        'one-off': '一次性来信',
        unclear: '无法判断',
        suspicious: '可疑',
        'on-behalf': '代发平台',
      },
      categories: {
        bank: '银行与支付',
        carrier: '运营商',
        social: '社交',
        shopping: '购物与生活',
        game: '游戏',
        work: '工作与开发',
        government: '政务与公共服务',
        other: '其他',
      },
      reasons: {
        accountCue: '有 {count} 封与账号本身有关的邮件（如“{cue}”）。',
        transactions: '有 {count} 封账单、订单或付款邮件（如“{cue}”）。',
        activity: '有 {count} 封只发给用户本人的动态通知（如“{cue}”）。',
        knownService: '已知的服务商，{messages} 封邮件直接发给这个地址，且不是群发订阅。',
        neteaseService: '网易关联服务（{messages} 封邮件），注销通行证时会一起失去。',
        neteaseOther: '来自网易的其他服务（{host}），邮件与账号有关。',
        neteasePassport: '网易邮箱或通行证的系统邮件：这就是要注销的账号本身。',
        mailingList: '邮件列表 {list} 的来信（{messages} 封），不是发给你本人的。',
        newsletter: '{messages} 封中有 {count} 封带退订标记，主题是推广或资讯：像是订阅，不是账号。',
        newsletterSignup: '订阅确认（如“{cue}”）加上群发邮件：订阅了资讯，不代表有账号。',
        conversation: '有 {count} 封回复或转发：是人与人之间的往来。',
        freeMailPerson: '来自个人免费邮箱 {address}：是个人来信。',
        singleReceipt: '只有一封购买凭证（如“{cue}”），可能是免注册购买。',
        oneOff: '只有一封邮件，没有账号迹象。',
        unclear: '{messages} 封邮件，但没有明显的账号或订阅迹象。请你自己判断。',
        neteaseProduct:
          '网易产品“{service}”（{messages} 封邮件），用网易通行证登录：注销通行证时可能一起失去。',
        knownOrganisation: '银行、运营商和公共机构只给自己的用户写信：有 {messages} 封邮件直接发给这个地址。',
        brandMismatch: '自称“{brand}”，却不是从“{brand}”的域名发出（发件域名：{domain}）。很可能是钓鱼邮件。',
        lookalike:
          '发件域名 {domain} 在模仿“{brand}”（加了词，或用数字、相似字符代替字母）。很可能是钓鱼邮件。',
        throwaway: '来自常被滥用的廉价域名 {domain}，却在谈账号（如“{cue}”）。很可能是钓鱼或垃圾邮件。',
        fakeRegistration:
          '“注册成功”类邮件（如“{cue}”），却在推销博彩、贷款或奖品，或者根本不是发给你的：你很可能从未注册过。',
        codeOnly: '只有 {count} 封验证码邮件，没有任何其他使用迹象：可能是别人输错了地址，也可能是钓鱼。',
        onBehalf:
          '平台代“{merchant}”发出的邮件（电子发票、快递、表单或电子签约）：你在平台本身没有账号。要改地址，请找“{merchant}”。',
        onBehalfUnnamed:
          '平台代商家或他人发出的邮件（电子发票、快递、表单或电子签约），邮件没有写明是谁：你在平台本身没有账号。',
      },
    },
    errors: {
      'discovery.busy': '这个计划正在查找中，请等它完成或先停止。',
      'discovery.maildir-not-found': '在这个位置没有找到 Maildir 邮件文件夹（应包含 cur 和 new 子文件夹）。',
      'discovery.maildir-unreadable': '无法读取这个文件夹，请检查权限。',
      'discovery.no-results': '还没有查找结果，请先运行一次查找。',
      'discovery.unknown-finding': '这一项已不在最新的结果中，请刷新结果后再试。',
      'discovery.not-addable': '这一项不能以这种方式加入计划（例如个人来信或通行证本身）。',
      'discovery.unknown-folder':
        '只能扫描你在“选择文件夹…”对话框里选中的文件夹，或者这个计划记录的邮件备份文件夹（及其中的文件夹）。请点“选择文件夹…”重新选择。没有读取任何文件。',
    },
  },
  en: {
    discovery: {
      title: 'Find what still uses this address',
      intro:
        'Reads only the sender, recipient, subject, date and unsubscribe headers of your mail, never the bodies, entirely on this computer with no lookups online. The results are for you to review: you add each item to the plan yourself.',
      source: {
        imap: 'Read the mailbox online (needs the client authorization code)',
        maildir: 'Read the mail backup on this computer',
        maildirPath: 'Mail backup folder',
        noFolder: 'No folder chosen yet. Click “Choose folder…”.',
        authCode: 'Client authorization code',
        useSaved: 'Use the code saved with the mail backup',
      },
      actions: {
        scan: 'Start',
        rescan: 'Scan again',
        cancel: 'Stop',
        addService: 'Add as linked service',
        addSite: 'Add as third-party site',
        added: 'In the plan',
        openInArchive: 'Show this sender’s mail in the archive',
        openSubject: 'Open this message in the mail archive',
        showAll: 'Show all',
        showAccounts: 'Accounts and suspicious only',
      },
      phase: {
        connecting: 'Connecting…',
        listing: 'Listing folders…',
        scanning: 'Reading mail headers…',
        classifying: 'Sorting the results…',
      },
      progress:
        '{done} of {total} messages read, folder {folder} of {folders}; {accounts} likely accounts so far',
      summary:
        'Read {messages} messages in {folders} folders and found {findings} senders, {accounts} of which look like accounts.',
      cancelledNote: 'The scan was stopped early; the list covers only what was read.',
      skippedFolders: 'Folders not read (junk, drafts, sent): {folders}',
      skippedEntries:
        '{count} entries were not regular mail files (such as folders or pipes) or could not be read; they were skipped without being opened: {samples}',
      suspiciousSummary:
        'Suspicious senders among them: {count} (possibly phishing or fake sign-ups). Each carries a warning and cannot be added to the plan.',
      suspiciousWarning:
        'Warning: this is probably phishing or a fake registration mail. Do not follow its links, do not pass on any code, and do not change your address at this site. If in doubt, open the official website or app yourself.',
      onBehalfOf: 'Sent for: {merchants}',
      listSeparator: ', ',
      productSource: 'NetEase product list (compiled by the team, not verified by NetEase)',
      resultsInMemory:
        'Results are kept in memory for this session only; scan again after restarting the app.',
      empty: 'No results yet.',
      columns: {
        sender: 'Sender',
        verdict: 'Verdict',
        category: 'Category',
        evidence: 'Messages',
        firstSeen: 'First',
        lastSeen: 'Last',
        samples: 'Sample subjects',
        reason: 'Why',
      },
      verdicts: {
        account: 'Account',
        'netease-service': 'NetEase linked service',
        'netease-passport': 'The NetEase passport itself',
        newsletter: 'Newsletter',
        personal: 'Personal mail',
        'mailing-list': 'Mailing list',
        'one-off': 'One-off sender',
        unclear: 'Unclear',
        suspicious: 'Suspicious',
        'on-behalf': 'Sends for others',
      },
      categories: {
        bank: 'Banking and payment',
        carrier: 'Mobile carrier',
        social: 'Social',
        shopping: 'Shopping and services',
        game: 'Games',
        work: 'Work and developer tools',
        government: 'Government and public services',
        other: 'Other',
      },
      reasons: {
        accountCue: '{count} messages about the account itself (such as “{cue}”).',
        transactions: '{count} bills, orders or payments (such as “{cue}”).',
        activity: '{count} activity notifications sent to you personally (such as “{cue}”).',
        knownService: 'A known service; {messages} messages addressed to you directly, not bulk mail.',
        neteaseService: 'A NetEase linked service ({messages} messages); it is lost with the passport.',
        neteaseOther: 'Another NetEase service ({host}) with mail about an account.',
        neteasePassport: 'System mail from NetEase Mail or the passport: the account being closed.',
        mailingList: 'Mail from the list {list} ({messages} messages), not addressed to you personally.',
        newsletter:
          '{count} of {messages} messages carry an unsubscribe header and read as promotion or news: a subscription, not an account.',
        newsletterSignup:
          'A subscription confirmation (such as “{cue}”) and bulk mail: subscribing to news is not an account.',
        conversation: '{count} replies or forwards: people writing to each other.',
        freeMailPerson: 'From a personal free-mail address, {address}.',
        singleReceipt: 'A single receipt (such as “{cue}”): perhaps a purchase without an account.',
        oneOff: 'A single message with no sign of an account.',
        unclear: '{messages} messages but no clear sign of an account or a subscription. Your call.',
        neteaseProduct:
          'A NetEase product ({messages} messages) you sign in to with the passport: it may be lost with it.',
        knownOrganisation:
          'Banks, carriers and public bodies write only to their customers: {messages} messages addressed to you.',
        brandMismatch:
          'Claims to be {brand} but does not come from {brand}’s domains (sent from {domain}). Probably phishing.',
        lookalike:
          'The domain {domain} imitates {brand} (added words, or digits and look-alike characters for letters). Probably phishing.',
        throwaway:
          'From {domain}, a cheap domain often abused, yet about an account (such as “{cue}”). Probably phishing or spam.',
        fakeRegistration:
          'A “registration successful” mail (such as “{cue}”) that sells gambling, loans or prizes, or was not sent to you: you probably never signed up.',
        codeOnly:
          'Only {count} code messages and no other sign you use this service: someone may have typed your address, or it is phishing.',
        onBehalf:
          'A platform mailing for {merchant} (e-invoice, parcel, form or e-signature): you hold no account at the platform itself. To change the address, go to {merchant}.',
        onBehalfUnnamed:
          'A platform mailing for a merchant or a person (e-invoice, parcel, form or e-signature) that does not say whom: you hold no account at the platform itself.',
      },
    },
    errors: {
      'discovery.busy': 'A scan is already running for this plan. Wait for it or stop it first.',
      'discovery.maildir-not-found': 'No Maildir found there (it should contain cur and new folders).',
      'discovery.maildir-unreadable': 'That folder cannot be read. Check its permissions.',
      'discovery.no-results': 'No results yet. Run a scan first.',
      'discovery.unknown-finding': 'That item is no longer in the latest results. Refresh and try again.',
      'discovery.not-addable':
        'That item cannot be added to the plan this way (for example personal mail or the passport itself).',
      'discovery.unknown-folder':
        'Only a folder you picked in the “Choose folder…” dialog, or this plan’s recorded mail backup folder (and the folders inside it), can be scanned. Click “Choose folder…” to pick it again. Nothing was read.',
    },
  },
} satisfies MessageFile;
