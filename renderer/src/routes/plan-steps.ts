import type { ScreenModule } from './types';

export default {
  scope: 'plan',
  route: { path: 'steps', name: 'plan-steps', component: () => import('../views/plan/steps/StepsView.vue') },
  nav: { labelKey: 'screen.nav.steps', order: 10 },
} satisfies ScreenModule;
