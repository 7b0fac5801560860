/**
 * The words of reminder notifications, calendar entries and the tray, in zh-CN and en. They live
 * here (not only in the renderer) because main shows system notifications and writes the .ics file
 * while no window may be open; `renderer/src/i18n/messages/reminders.ts` includes the same tree so
 * the in-app list and the system say the same thing. Placeholders are `{name}` (vue-i18n syntax);
 * no `@`, `|` or `$` in the texts, which vue-i18n would treat as syntax.
 */
import type { Locale } from './locale';
import type { ReminderKind } from './model/reminders';

// A type alias, not an interface: the renderer's message tree needs an implicit index signature.
export type TitleBody = {
  title: string;
  body: string;
};

export type NotificationTextKey = ReminderKind | 'summary' | 'close-to-tray';

export type ReminderWords = {
  notification: Record<NotificationTextKey, TitleBody>;
  tray: { tooltip: string; open: string; next: string; none: string; quit: string };
  /** The .ics calendar name. */
  calendar: string;
};

export const reminderWords: Record<Locale, ReminderWords> = {
  'zh-CN': {
    notification: {
      'cooling-off.start': {
        title: '冷静期已开始：不要登录 {address}',
        body: '冷静期内登录会撤销注销申请。请从所有邮件客户端（手机、电脑）中删除这个账号，避免它自动登录。',
      },
      'cooling-off.check-in': {
        title: '冷静期第 {day} 天：{address}',
        body: '请确认你没有登录过这个账号，也没有客户端在自动收信。冷静期到 {endDate} 结束。',
      },
      'cooling-off.end-minus-3': {
        title: '冷静期还剩 3 天：{address}',
        body: '如果想保留这个账号，这是撤回注销的最后几天。否则什么也不用做，继续不要登录。',
      },
      'cooling-off.end-minus-1': {
        title: '冷静期明天结束：{address}',
        body: '今天是撤回注销的最后一天。想注销就继续不要登录。',
      },
      'cooling-off.end': {
        title: '冷静期今天结束：{address}',
        body: '注销将在冷静期结束后生效。今天仍然不要登录。',
      },
      'cooling-off.bounce-check': {
        title: '确认 {address} 已注销',
        body: '从另一个邮箱给这个地址发一封测试邮件，应当收到退信。收到后在 Closeout 中把计划标记为已注销。',
      },
      user: {
        title: '提醒：{title}',
        body: '{note}',
      },
      summary: {
        title: '你有 {count} 条提醒',
        body: '在你离开期间到期的提醒都在 Closeout 的提醒页面里。',
      },
      'close-to-tray': {
        title: 'Closeout 仍在后台运行',
        body: '关闭窗口后，Closeout 会留在系统托盘里，按时提醒你。要完全退出，请在托盘菜单中选择“退出”。',
      },
    },
    tray: {
      tooltip: 'Closeout 网易注销助手',
      open: '打开 Closeout',
      next: '下一条提醒：{when} {title}',
      none: '没有待办提醒',
      quit: '退出',
    },
    calendar: 'Closeout 注销提醒',
  },
  en: {
    notification: {
      'cooling-off.start': {
        title: 'Cooling-off has started: do not log in to {address}',
        body: 'Logging in during the cooling-off period cancels the closure. Remove this account from every mail client (phone, computer) so none logs in by itself.',
      },
      'cooling-off.check-in': {
        title: 'Cooling-off day {day}: {address}',
        body: 'Make sure you have not logged in and no mail client is still fetching mail. The cooling-off period ends on {endDate}.',
      },
      'cooling-off.end-minus-3': {
        title: '3 days of cooling-off left: {address}',
        body: 'If you want to keep this account, these are the last days to withdraw. Otherwise do nothing and keep not logging in.',
      },
      'cooling-off.end-minus-1': {
        title: 'Cooling-off ends tomorrow: {address}',
        body: 'Today is the last day to withdraw. To close the account, keep not logging in.',
      },
      'cooling-off.end': {
        title: 'Cooling-off ends today: {address}',
        body: 'The closure takes effect when the cooling-off period is over. Do not log in today either.',
      },
      'cooling-off.bounce-check': {
        title: 'Check that {address} is closed',
        body: 'Send a test mail to this address from another mailbox and expect it to bounce. Then mark the plan closed in Closeout.',
      },
      user: {
        title: 'Reminder: {title}',
        body: '{note}',
      },
      summary: {
        title: 'You have {count} reminders',
        body: 'The reminders that came due while you were away are on the Reminders page of Closeout.',
      },
      'close-to-tray': {
        title: 'Closeout is still running',
        body: 'With the window closed, Closeout stays in the system tray to remind you on time. To quit, choose Quit in the tray menu.',
      },
    },
    tray: {
      tooltip: 'Closeout',
      open: 'Open Closeout',
      next: 'Next reminder: {when} {title}',
      none: 'No upcoming reminders',
      quit: 'Quit',
    },
    calendar: 'Closeout reminders',
  },
};

/** Fills `{name}` placeholders; an unknown name stays visible rather than vanishing. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
