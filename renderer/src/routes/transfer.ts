import type { ScreenModule } from './types';

export default {
  scope: 'app',
  route: {
    path: '/transfer',
    name: 'transfer',
    component: () => import('../views/transfer/TransferView.vue'),
  },
  nav: { labelKey: 'transfer.nav', order: 90 },
} satisfies ScreenModule;
