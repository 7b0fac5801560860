import type { ScreenModule } from './types';

export default {
  scope: 'plan',
  route: {
    path: 'alternatives',
    name: 'plan-alternatives',
    component: () => import('../views/plan/alternatives/AlternativesView.vue'),
  },
  nav: { labelKey: 'screen.nav.alternatives', order: 60 },
} satisfies ScreenModule;
