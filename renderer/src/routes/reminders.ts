import type { ScreenModule } from './types';

export default {
  scope: 'app',
  route: {
    path: '/reminders',
    name: 'reminders',
    component: () => import('../views/reminders/RemindersView.vue'),
  },
  nav: { labelKey: 'reminders.nav', order: 50 },
} satisfies ScreenModule;
