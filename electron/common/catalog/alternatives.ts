import { SECURITY_CHANGE_WINDOW_DAYS } from './gates';
import { FACTS, GUIDE, type Sourced, type Text } from './types';

export const ALTERNATIVE_IDS = [
  'leave-idle',
  'auto-forward',
  'password-2fa',
  'change-bound-address',
] as const;
export type AlternativeId = (typeof ALTERNATIVE_IDS)[number];

export interface Alternative extends Sourced {
  id: AlternativeId;
  title: Text;
  summary: Text;
  pros: readonly Text[];
  cons: readonly (Text & Sourced)[];
}

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

export const alternatives: readonly Alternative[] = [
  {
    id: 'leave-idle',
    title: t('闲置不用', 'Leave it idle'),
    summary: t('不再登录，也不注销。', 'Stop using it without closing it.'),
    pros: [
      t('什么都不会丢，随时可以回来。', 'Nothing is lost and you can come back any time.'),
      t('不需要处理关联服务。', 'Linked services keep working.'),
    ],
    cons: [
      {
        'zh-CN':
          '旧版通行证条款允许网易删除长期不用的账号（常见说法有 90、180 天，有积分时 540 天），所以闲置并不能保住数据。',
        en: 'Old passport terms let NetEase delete accounts unused for long periods (figures of 90, 180, or 540 days with points are quoted), so leaving it idle does not keep your data safe.',
        source: `${FACTS} medium`,
        confidence: 'medium',
      },
      {
        'zh-CN': '没人看管的邮箱更容易被盗用。',
        en: 'An unattended mailbox is easier to take over.',
        source: `${GUIDE} §FAQ Q1`,
        confidence: 'medium',
      },
    ],
    source: `${GUIDE} §FAQ Q1 · ${FACTS} medium`,
    confidence: 'medium',
  },
  {
    id: 'auto-forward',
    title: t('自动转发到常用邮箱', 'Forward mail automatically'),
    summary: t(
      '在网页邮箱设置里把新邮件自动转发到你的常用地址。',
      'Set web mail to forward new mail to the address you use now.',
    ),
    pros: [
      t('不会漏掉寄到旧地址的邮件。', 'Mail sent to the old address still reaches you.'),
      t('账号和关联服务都保留。', 'The account and linked services stay.'),
    ],
    cons: [
      {
        'zh-CN': '账号仍然存在，需要保持安全。',
        en: 'The account still exists and must be kept secure.',
        source: `${GUIDE} §FAQ Q1`,
        confidence: 'medium',
      },
    ],
    source: `${GUIDE} §FAQ Q1`,
    confidence: 'medium',
  },
  {
    id: 'password-2fa',
    title: t('换新密码并开启两步验证', 'New password and two-step verification'),
    summary: t(
      '换一个强密码，开启两步验证，设置过滤规则。',
      'Set a strong new password, turn on two-step verification and add filters.',
    ),
    pros: [t('不常用也不容易被盗。', 'Hard to take over even when rarely used.')],
    cons: [
      {
        'zh-CN': `改密码后约 ${SECURITY_CHANGE_WINDOW_DAYS.value} 天内可能无法注销；以后改主意要等。`,
        en: `A password change may block closure for about ${SECURITY_CHANGE_WINDOW_DAYS.value} days; changing your mind later means waiting.`,
        source: SECURITY_CHANGE_WINDOW_DAYS.source,
        confidence: SECURITY_CHANGE_WINDOW_DAYS.confidence,
      },
    ],
    source: `${GUIDE} §FAQ Q1`,
    confidence: 'medium',
  },
  {
    id: 'change-bound-address',
    title: t('把其他服务换绑到别的地址', 'Move other services to another address'),
    summary: t(
      '如果某个网易服务支持更换绑定邮箱或手机，就把它换走，只放弃邮箱。',
      'Where a NetEase service lets you change its bound mail or phone, move it, and give up only the mailbox.',
    ),
    pros: [t('保留想继续用的服务。', 'You keep the services you still want.')],
    cons: [
      {
        'zh-CN': '大多数情况下通行证本身就是邮箱账号，不一定能换绑。',
        en: 'In most cases the passport is the mail account itself, so this may not be possible.',
        source: `${GUIDE} §FAQ Q1`,
        confidence: 'low',
      },
    ],
    source: `${GUIDE} §FAQ Q1`,
    confidence: 'low',
  },
];
