import type { ScreenModule } from './types';

export default {
  scope: 'plan',
  route: {
    path: 'backups',
    name: 'plan-backups',
    component: () => import('../views/plan/backups/BackupsView.vue'),
  },
  nav: { labelKey: 'screen.nav.backups', order: 50 },
} satisfies ScreenModule;
