import type { ScreenModule } from './types';

export default {
  scope: 'app',
  route: { path: '/archive', name: 'archive', component: () => import('../views/archive/ArchiveView.vue') },
  nav: { labelKey: 'archive.nav', order: 40 },
} satisfies ScreenModule;
