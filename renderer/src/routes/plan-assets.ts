import type { ScreenModule } from './types';

export default {
  scope: 'plan',
  route: {
    path: 'assets',
    name: 'plan-assets',
    component: () => import('../views/plan/assets/AssetsView.vue'),
  },
  nav: { labelKey: 'screen.nav.assets', order: 30 },
} satisfies ScreenModule;
