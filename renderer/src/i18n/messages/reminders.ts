import { reminderWords } from '@common/reminder-text';
import type { MessageFile } from '../types';

/**
 * The reminders domain: the reminders screen, snooze choices, quiet hours, start at login, the
 * calendar export, every reminders.* error, and (from electron/common/reminder-text.ts, the one
 * source main's system notifications also use) the notification titles and bodies under
 * `reminders.notification.<kind>.{title,body}` and the tray words under `reminders.tray`.
 * Notification params: address, day, endDate (format `endAt` with formatDate), count, title, note.
 */
export default {
  'zh-CN': {
    reminders: {
      nav: '提醒',
      title: '提醒',
      notification: reminderWords['zh-CN'].notification,
      tray: reminderWords['zh-CN'].tray,
      kind: {
        'cooling-off.start': '冷静期开始',
        'cooling-off.check-in': '冷静期检查',
        'cooling-off.end-minus-3': '还剩 3 天',
        'cooling-off.end-minus-1': '还剩 1 天',
        'cooling-off.end': '冷静期结束',
        'cooling-off.bounce-check': '退信检查',
        user: '我的提醒',
        summary: '提醒汇总',
      },
      groups: {
        upcoming: '即将到来',
        overdue: '已到期',
        done: '已完成',
        emptyUpcoming: '没有即将到来的提醒。',
        emptyOverdue: '没有到期的提醒。',
        emptyDone: '还没有完成的提醒。',
      },
      status: {
        upcoming: '即将到来',
        overdue: '已到期',
        done: '已完成',
        cancelled: '已取消',
        snoozedUntil: '稍后提醒：{when}',
        dueAt: '时间：{when}',
      },
      actions: {
        add: '添加提醒',
        snooze: '稍后提醒',
        dismiss: '完成',
        open: '打开',
        exportIcs: '导出到日历 (.ics)',
      },
      snooze: {
        hour: '1 小时后',
        evening: '今晚（{time}）',
        'tomorrow-morning': '明天早上（{time}）',
        at: '选择时间…',
        pickTitle: '选择提醒时间',
      },
      add: {
        title: '添加提醒',
        what: '提醒内容',
        whatPlaceholder: '例如：5 号查看游戏退款',
        note: '备注（可选）',
        when: '提醒时间',
        plan: '所属计划',
        item: '关联事项',
        noPlan: '不属于任何计划',
        save: '保存提醒',
      },
      quietHours: {
        title: '免打扰时段',
        explain: '免打扰时段内不弹出通知，到期的提醒会在时段结束后一起送达。',
        enabled: '启用免打扰',
        start: '开始',
        end: '结束',
        deferredUntil: '免打扰中，提醒将在 {time} 送达',
      },
      checkIn: {
        title: '冷静期检查频率',
        explain: '冷静期内每隔几天提醒你确认没有登录。',
        everyDays: '每 {days} 天',
        never: '不提醒',
      },
      loginItem: {
        title: '开机时启动',
        explain: '开机后 Closeout 在托盘中静默运行，按时提醒你，即使你没有打开窗口。',
        unsupported: '当前环境不支持开机启动。',
      },
      closeToTray: {
        title: reminderWords['zh-CN'].notification['close-to-tray'].title,
        body: reminderWords['zh-CN'].notification['close-to-tray'].body,
        ok: '知道了',
      },
      inApp: {
        title: '通知',
        empty: '没有新的通知。',
        fallback: '系统没有显示通知时，提醒会出现在这里。',
        summaryItems: '包括 {count} 条提醒',
      },
      ics: {
        exported: '已导出 {count} 条提醒到日历文件。',
        nothing: '没有即将到来的提醒可导出。',
        explain: '不常开着 Closeout？把提醒导入手机或电脑上的日历，每条都带有闹钟。',
      },
    },
    errors: {
      'reminders.not-found': '找不到这条提醒，它可能已被删除。',
      'reminders.plan-not-found': '找不到这个计划，它可能已被删除。',
      'reminders.time-in-past': '这个时间已经过去了，请选择一个将来的时间。',
      'reminders.already-done': '这条提醒已经完成或取消，不能再稍后提醒。',
      'reminders.login-item-unavailable': '当前环境不支持开机启动。',
      'reminders.login-item-failed': '无法更改开机启动设置。请检查系统设置后重试。',
      'reminders.export-failed': '无法生成日历文件，请重试。',
    },
  },
  en: {
    reminders: {
      nav: 'Reminders',
      title: 'Reminders',
      notification: reminderWords.en.notification,
      tray: reminderWords.en.tray,
      kind: {
        'cooling-off.start': 'Cooling-off starts',
        'cooling-off.check-in': 'Cooling-off check-in',
        'cooling-off.end-minus-3': '3 days left',
        'cooling-off.end-minus-1': '1 day left',
        'cooling-off.end': 'Cooling-off ends',
        'cooling-off.bounce-check': 'Bounce check',
        user: 'My reminder',
        summary: 'Summary',
      },
      groups: {
        upcoming: 'Upcoming',
        overdue: 'Overdue',
        done: 'Done',
        emptyUpcoming: 'No upcoming reminders.',
        emptyOverdue: 'Nothing overdue.',
        emptyDone: 'No reminders done yet.',
      },
      status: {
        upcoming: 'Upcoming',
        overdue: 'Overdue',
        done: 'Done',
        cancelled: 'Cancelled',
        snoozedUntil: 'Snoozed until {when}',
        dueAt: 'Due {when}',
      },
      actions: {
        add: 'Add reminder',
        snooze: 'Snooze',
        dismiss: 'Done',
        open: 'Open',
        exportIcs: 'Export to calendar (.ics)',
      },
      snooze: {
        hour: 'In 1 hour',
        evening: 'This evening ({time})',
        'tomorrow-morning': 'Tomorrow morning ({time})',
        at: 'Pick a time…',
        pickTitle: 'When should it remind you?',
      },
      add: {
        title: 'Add a reminder',
        what: 'Remind me to',
        whatPlaceholder: 'For example: check the game refund on the 5th',
        note: 'Note (optional)',
        when: 'When',
        plan: 'Plan',
        item: 'Item',
        noPlan: 'No plan',
        save: 'Save reminder',
      },
      quietHours: {
        title: 'Quiet hours',
        explain:
          'No notifications pop up during quiet hours; reminders that come due are delivered together when they end.',
        enabled: 'Use quiet hours',
        start: 'From',
        end: 'Until',
        deferredUntil: 'Quiet hours: reminders will arrive at {time}',
      },
      checkIn: {
        title: 'Cooling-off check-ins',
        explain: 'During the cooling-off period, remind me every few days that I have not logged in.',
        everyDays: 'Every {days} days',
        never: 'Never',
      },
      loginItem: {
        title: 'Start at login',
        explain:
          'Closeout starts quietly in the tray when you log in, so reminders arrive even if you never open the window.',
        unsupported: 'Start at login is not available here.',
      },
      closeToTray: {
        title: reminderWords.en.notification['close-to-tray'].title,
        body: reminderWords.en.notification['close-to-tray'].body,
        ok: 'Got it',
      },
      inApp: {
        title: 'Notifications',
        empty: 'No new notifications.',
        fallback: 'When the system shows no notifications, reminders appear here.',
        summaryItems: '{count} reminders',
      },
      ics: {
        exported: 'Exported {count} reminders to a calendar file.',
        nothing: 'No upcoming reminders to export.',
        explain:
          'Not keeping Closeout open? Import the reminders into the calendar on your phone or computer; each has an alarm.',
      },
    },
    errors: {
      'reminders.not-found': 'This reminder no longer exists.',
      'reminders.plan-not-found': 'This plan no longer exists.',
      'reminders.time-in-past': 'That time has passed. Choose a time in the future.',
      'reminders.already-done': 'This reminder is already done or cancelled and cannot be snoozed.',
      'reminders.login-item-unavailable': 'Start at login is not available here.',
      'reminders.login-item-failed':
        'Start at login could not be changed. Check the system settings and try again.',
      'reminders.export-failed': 'The calendar file could not be made. Please try again.',
    },
  },
} satisfies MessageFile;
