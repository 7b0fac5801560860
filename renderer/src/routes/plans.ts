import type { ScreenModule } from './types';

export default {
  scope: 'app',
  route: { path: '/plans', name: 'plans', component: () => import('../views/plans/PlansView.vue') },
  nav: { labelKey: 'shell.nav.plans', order: 0 },
} satisfies ScreenModule;
