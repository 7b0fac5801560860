import type { ScreenModule } from './types';

export default {
  scope: 'plan',
  route: {
    path: '',
    name: 'plan-dashboard',
    component: () => import('../views/plan/dashboard/DashboardView.vue'),
  },
  nav: { labelKey: 'plan.nav.dashboard', order: 0 },
} satisfies ScreenModule;
