import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Component } from 'vue';
import { createAppI18n } from '../../../renderer/src/i18n';
import type { Locale } from '../../../renderer/src/i18n/types';
import { newPlan } from '@common/model/new-plan';

/** Mounts a component with the app's real messages, a router that knows the plan routes, and Pinia. */
export function mountIn<C extends Component>(
  component: C,
  locale: Locale,
  options: ComponentMountingOptions<C> = {},
) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      ...[
        'plans',
        'plan-dashboard',
        'plan-assets',
        'plan-services',
        'plan-sites',
        'plan-alternatives',
        'plan-mail',
        'reminders',
        'archive',
      ].map((name) => ({
        // A plan screen takes the plan's id, as in the app (renderer/src/routes/index.ts).
        path: name.startsWith('plan-') ? `/plans/:planId/${name}` : `/${name}`,
        name,
        component: { template: '<div />' },
      })),
    ],
  });
  return mount(component, {
    ...options,
    global: { plugins: [createAppI18n(locale), createPinia(), router], ...(options.global ?? {}) },
  } as ComponentMountingOptions<C>);
}

export const AT = '2026-03-01T08:00:00.000Z';

export function freshPlan() {
  return newPlan('plan-1', 'someone@163.com', '163.com', '', AT);
}
