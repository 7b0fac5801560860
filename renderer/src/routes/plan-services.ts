import type { ScreenModule } from './types';

export default {
  scope: 'plan',
  route: {
    path: 'services',
    name: 'plan-services',
    component: () => import('../views/plan/services/ServicesView.vue'),
  },
  nav: { labelKey: 'screen.nav.services', order: 20 },
} satisfies ScreenModule;
