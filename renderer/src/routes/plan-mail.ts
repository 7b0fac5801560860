import type { ScreenModule } from './types';

export default {
  scope: 'plan',
  route: { path: 'mail', name: 'plan-mail', component: () => import('../views/plan/mail/MailView.vue') },
  nav: { labelKey: 'screen.nav.mail', order: 55 },
} satisfies ScreenModule;
