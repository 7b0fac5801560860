import type { ScreenModule } from './types';

export default {
  scope: 'plan',
  route: { path: 'report', name: 'plan-report', component: () => import('../views/report/ReportView.vue') },
  nav: { labelKey: 'reportView.nav', order: 95 },
} satisfies ScreenModule;
