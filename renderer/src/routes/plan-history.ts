import type { ScreenModule } from './types';

export default {
  scope: 'plan',
  route: {
    path: 'history',
    name: 'plan-history',
    component: () => import('../views/plan/history/HistoryView.vue'),
  },
  nav: { labelKey: 'screen.nav.history', order: 90 },
} satisfies ScreenModule;
