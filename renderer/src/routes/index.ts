import type { RouteRecordRaw } from 'vue-router';
import type { ScreenModule } from './types';

const modules = import.meta.glob<{ default: ScreenModule }>('./*.ts', { eager: true });

/** Every screen module in this folder (types.ts and index.ts export no default screen). */
export const screens: ScreenModule[] = Object.entries(modules)
  .filter(([path]) => !/\/(index|types)\.ts$/.test(path))
  .map(([, m]) => m.default);

export interface NavEntry {
  name: string;
  labelKey: string;
}

function navOf(scope: ScreenModule['scope']): NavEntry[] {
  return screens
    .filter((s) => s.scope === scope && s.nav && typeof s.route.name === 'string')
    .sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0))
    .map((s) => ({ name: s.route.name as string, labelKey: s.nav?.labelKey ?? '' }));
}

export const appNav = navOf('app');
export const planNav = navOf('plan');

export function buildRoutes(): RouteRecordRaw[] {
  const of = (scope: ScreenModule['scope']) => screens.filter((s) => s.scope === scope).map((s) => s.route);
  return [
    ...of('bare'),
    {
      path: '/',
      component: () => import('../components/shell/TheAppShell.vue'),
      meta: { requiresVault: true },
      children: [
        { path: '', redirect: { name: 'plans' } },
        ...of('app'),
        {
          path: 'plans/:planId',
          component: () => import('../components/shell/ThePlanLayout.vue'),
          children: of('plan'),
        },
      ],
    },
    { path: '/:pathMatch(.*)*', redirect: { name: 'plans' } },
  ];
}
