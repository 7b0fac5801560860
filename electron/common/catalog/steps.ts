import { FACTS, GUIDE, type Sourced, type Text } from './types';

export const STEP_IDS = ['login', 'find-page', 'read-notice', 'preconditions', 'verify', 'confirm'] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface MenuPath extends Sourced {
  /** Menu labels in the order they are clicked; NetEase's own zh labels are kept in `zh-CN`. */
  segments: readonly Text[];
}

export interface Step extends Sourced {
  id: StepId;
  order: number;
  title: Text;
  expect: Text;
  pitfalls: readonly Text[];
  /** Steps that must be done before this one can be marked done. */
  requires: readonly StepId[];
  menuPaths?: readonly MenuPath[];
  methods?: readonly ({ id: 'sms' | 'backup-mail' | 'security-questions' | 'face'; name: Text } & Sourced)[];
}

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });
const path = (...segments: [string, string][]): MenuPath => ({
  segments: segments.map(([zh, en]) => t(zh, en)),
  source: `${GUIDE} §步骤二`,
  confidence: 'medium',
});

export const steps: readonly Step[] = [
  {
    id: 'login',
    order: 1,
    title: t('登录网易通行证', 'Sign in to the NetEase passport'),
    expect: t(
      '用要注销的地址和它的密码登录 reg.163.com，或从网页邮箱的个人中心、账号设置、安全中心跳转到通行证管理页。',
      'Sign in at reg.163.com with the address you are closing and its password, or follow the link from the web mail personal centre, account settings or security centre.',
    ),
    pitfalls: [
      t(
        '登录的是另一个账号：先确认右上角显示的地址。',
        'Signed in to a different account: check the address shown at the top first.',
      ),
      t(
        '提交注销后再次登录可能会撤销申请，所以登录只在提交那一次进行。',
        'Logging in after submitting may cancel the request, so do this only in the session where you submit.',
      ),
    ],
    requires: [],
    source: `${GUIDE} §步骤一`,
    confidence: 'medium',
  },
  {
    id: 'find-page',
    order: 2,
    title: t('找到账号注销页面', 'Find the account closure page'),
    expect: t(
      '在管理页中找“账号注销”或“申请注销”。界面版本不同，入口位置也不同，下面三条路径依次试。',
      'Look for "账号注销" (close account) or "申请注销" (apply to close) in the management pages. The entry moves between versions of the site; try the three paths below in turn.',
    ),
    pitfalls: [
      t(
        '三条路径都找不到：用页面内搜索，或逐个展开菜单。',
        'None of the three paths exists: use the page search, or open each menu in turn.',
      ),
    ],
    requires: ['login'],
    menuPaths: [
      path(
        ['个人中心', 'Personal centre'],
        ['账号与安全', 'Account and security'],
        ['注销账号', 'Close account'],
      ),
      path(
        ['账号设置', 'Account settings'],
        ['高级设置', 'Advanced settings'],
        ['注销账号', 'Close account'],
      ),
      path(
        ['安全中心', 'Security centre'],
        ['更多安全设置', 'More security settings'],
        ['注销通行证账号', 'Close passport account'],
      ),
    ],
    source: `${GUIDE} §步骤二`,
    confidence: 'medium',
  },
  {
    id: 'read-notice',
    order: 3,
    title: t('阅读注销须知与风险提示', 'Read the risk notice'),
    expect: t(
      '网易会列出注销的后果。逐条对照本应用里你已确认的风险，发现新内容就停下来先处理。',
      'NetEase lists what closing means. Compare it line by line with the risks you acknowledged here; if something new appears, stop and deal with it first.',
    ),
    pitfalls: [
      t(
        '页面提到本应用没有列出的条件：记在计划备注里。',
        'The notice mentions a condition not listed here: write it in the plan note.',
      ),
    ],
    requires: ['find-page'],
    source: `${GUIDE} §步骤三`,
    confidence: 'medium',
  },
  {
    id: 'preconditions',
    order: 4,
    title: t('满足注销前置条件', 'Meet the preconditions'),
    expect: t(
      '系统会检查前置条件并指出未满足的项目。本应用里的前置条件都已满足时，这一步通常直接通过。',
      'The site checks its preconditions and names any that are not met. When every precondition in this app is met, this step usually passes at once.',
    ),
    pitfalls: [
      t(
        '提示有余额、订单或绑定未处理：回到本应用对应页面处理后再来。',
        'It reports a balance, order or binding: fix it on the matching page here, then come back.',
      ),
    ],
    requires: ['read-notice'],
    source: `${GUIDE} §步骤四`,
    confidence: 'medium',
  },
  {
    id: 'verify',
    order: 5,
    title: t('完成身份验证', 'Verify your identity'),
    expect: t(
      '按页面要求用短信验证码、备用邮箱验证码、安全问题或人脸识别证明是本人操作。',
      'Prove it is you, as the page asks: an SMS code, a code sent to your backup mail, security questions, or face recognition.',
    ),
    pitfalls: [
      t(
        '绑定的手机已解绑或停用，收不到短信：提交前先确认能收到验证码。',
        'The bound phone was unbound or is out of service, so no SMS arrives: make sure you can receive codes before you start.',
      ),
      t('忘了安全问题答案：换一种验证方式。', 'Security answers forgotten: choose another method.'),
    ],
    requires: ['preconditions'],
    methods: [
      {
        id: 'sms',
        name: t('手机短信验证码', 'SMS code to the bound phone'),
        source: `${FACTS} medium`,
        confidence: 'medium',
      },
      {
        id: 'backup-mail',
        name: t('备用邮箱验证码', 'Code to the backup mail address'),
        source: `${GUIDE} §步骤五`,
        confidence: 'medium',
      },
      {
        id: 'security-questions',
        name: t('安全问题', 'Security questions'),
        source: `${GUIDE} §步骤五`,
        confidence: 'medium',
      },
      { id: 'face', name: t('人脸识别', 'Face recognition'), source: `${GUIDE} §步骤五`, confidence: 'low' },
    ],
    source: `${GUIDE} §步骤五`,
    confidence: 'medium',
  },
  {
    id: 'confirm',
    order: 6,
    title: t('确认注销', 'Confirm the closure'),
    expect: t(
      '最后一次确认后果，点“确认注销”或“提交申请”。随后进入冷静期：这段时间里不要登录。在本应用里记下提交的日期。',
      'Confirm the consequences one last time and press "确认注销" or "提交申请". The cooling-off period starts: do not log in during it. Record the submission date here.',
    ),
    pitfalls: [
      t(
        '手机或电脑上的邮件客户端仍在自动登录，可能被算作登录而撤销申请。',
        'A mail client on a phone or computer still signs in automatically; that may count as a login and cancel the request.',
      ),
    ],
    requires: ['verify'],
    source: `${GUIDE} §步骤六`,
    confidence: 'medium',
  },
];

export function stepById(id: string): Step | undefined {
  return steps.find((s) => s.id === id);
}
