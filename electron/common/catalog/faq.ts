import { faqQ3Causes, type FaqQ3Cause } from './gates';
import { GUIDE, type Sourced, type Text } from './types';

export interface FaqEntry extends Sourced {
  id: 'q1' | 'q2' | 'q3' | 'q4';
  question: Text;
  answer: Text;
  causes?: readonly FaqQ3Cause[];
}

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

export const faq: readonly FaqEntry[] = [
  {
    id: 'q1',
    question: t(
      '我只是不想用邮箱了，但想保留其他网易服务？',
      'I only want to stop using the mailbox, not the other NetEase services?',
    ),
    answer: t(
      '邮箱就是通行证，注销会带走所有服务。可以考虑替代方案：闲置、自动转发、加强安全，或把服务换绑到别处。',
      'The mailbox is the passport, so closing it takes every service with it. Consider an alternative: leave it idle, forward mail, harden security, or move services elsewhere.',
    ),
    source: `${GUIDE} §FAQ Q1`,
    confidence: 'medium',
  },
  {
    id: 'q2',
    question: t('注销后还能用这个手机号注册吗？', 'Can I register again with the same phone number?'),
    answer: t(
      '通常可以。手机号会被解除关联，之后可以注册一个全新的账号，但和旧账号没有任何数据联系。',
      'Usually yes. The number is released and can register a brand-new account later, with no link to the old data.',
    ),
    source: `${GUIDE} §FAQ Q2`,
    confidence: 'medium',
  },
  {
    id: 'q3',
    question: t('为什么我无法注销？', "Why can't I close the account?"),
    answer: t(
      '通常是下面某个原因。本应用会根据你的计划判断最可能的原因。',
      "Usually one of the causes below. The app works out the likeliest from your plan's data.",
    ),
    causes: faqQ3Causes,
    source: `${GUIDE} §FAQ Q3`,
    confidence: 'medium',
  },
  {
    id: 'q4',
    question: t('提交后多久生效？', 'How long after submitting does it take effect?'),
    answer: t(
      '提交后账号进入注销状态，可能有一段冷静期，期间登录会撤销申请。具体天数以网易页面显示为准。',
      'After submitting, the account enters closure, possibly with a cooling-off period in which logging in cancels the request. Trust the figure NetEase shows you.',
    ),
    source: `${GUIDE} §FAQ Q4`,
    confidence: 'low',
  },
];
