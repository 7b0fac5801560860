import type { ScreenModule } from './types';

export default {
  scope: 'bare',
  route: {
    path: '/welcome',
    name: 'welcome',
    component: () => import('../views/first-run/FirstRunView.vue'),
  },
} satisfies ScreenModule;
