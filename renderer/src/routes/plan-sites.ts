import type { ScreenModule } from './types';

export default {
  scope: 'plan',
  route: { path: 'sites', name: 'plan-sites', component: () => import('../views/plan/sites/SitesView.vue') },
  nav: { labelKey: 'screen.nav.sites', order: 40 },
} satisfies ScreenModule;
