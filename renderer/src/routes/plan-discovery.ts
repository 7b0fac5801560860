import type { ScreenModule } from './types';

export default {
  scope: 'plan',
  route: {
    path: 'discovery',
    name: 'plan-discovery',
    component: () => import('../views/plan/discovery/DiscoveryView.vue'),
  },
  nav: { labelKey: 'screen.nav.discovery', order: 45 },
} satisfies ScreenModule;
