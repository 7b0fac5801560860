import { describe, expect, it } from 'vitest';
import { createAppI18n, messages } from '../../renderer/src/i18n';
import { ERROR_CODES } from '@common/errors';
import { REMINDER_KINDS } from '@common/model/reminders';
import { PLAN_COMMAND_TYPES } from '@common/model/commands';
import { reminderWords } from '@common/reminder-text';
import { gates as catalogGates } from '@common/catalog/gates';
import { preparations as catalogPreparations } from '@common/catalog/preparations';
import {
  ASSET_STATUSES,
  BACKUP_STATUSES,
  BINDING_STATES,
  CONTACT_STATUSES,
  GATE_STATUSES,
  PLAN_PHASES,
  PREPARATION_STATUSES,
  SERVICE_STATUSES,
  SITE_CATEGORIES,
  SITE_STATUSES,
} from '@common/model/plan';
import { bodyKey, titleKey } from '../../renderer/src/components/reminders/reminder-text';
import { LOCALES } from '../../renderer/src/i18n/types';
import { MILESTONES, PLAN_STAGES } from '@common/plan-stage';

/** A useEnumOptions(values, 'prefix') call: the prefix of the keys it builds. */
const ENUM_OPTIONS = /\buseEnumOptions\([^)]*?,\s*'([a-zA-Z0-9_.-]+)'\s*\)/g;

// Every renderer source as text (Vite's raw import), so the test needs no file-system access.
const sources = import.meta.glob<string>(['../../renderer/src/**/*.{vue,ts}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const readinessSource = import.meta.glob<string>('../../electron/common/readiness.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

// The real i18n instance the app uses: a key that vue-i18n cannot resolve (a dot it reads as
// nesting, a missing leaf) comes back as the key itself, which is what the user would have seen.
const i18n = createAppI18n('zh-CN');
const g = i18n.global as unknown as {
  te: (key: string, locale: string) => boolean;
  t: (key: string, params: Record<string, unknown>, opts: { locale: string }) => string;
};
function unresolved(keys: Iterable<string>): string[] {
  const bad: string[] = [];
  for (const key of keys)
    for (const locale of LOCALES) {
      if (!g.te(key, locale) || g.t(key, {}, { locale }) === key) bad.push(`${locale}: ${key}`);
    }
  return bad;
}

describe('every message key resolves in zh-CN and en', () => {
  it('for each literal t(…) key in every screen, component and store', () => {
    const keys = new Set<string>();
    for (const text of Object.values(sources))
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) keys.add(m[1]!);
    expect(Object.keys(sources).length).toBeGreaterThan(60);
    expect(keys.size).toBeGreaterThan(400);
    expect(unresolved(keys)).toEqual([]);
  });

  it('for each prefix of a built t(`…${x}`) key (the group exists in both languages)', () => {
    const missing: string[] = [];
    const enumPrefixes = Object.values(sources).flatMap((text) =>
      [...text.matchAll(ENUM_OPTIONS)].map((m) => m[1]),
    );
    expect(enumPrefixes).toContain('settings.theme');
    expect(enumPrefixes).toContain('domain.bindingState');
    for (const [file, text] of Object.entries(sources))
      for (const m of [
        ...text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.-]+)\.\$\{/g),
        // useEnumOptions(values, 'prefix') builds `${prefix}.${value}` the same way.
        ...text.matchAll(ENUM_OPTIONS),
      ])
        for (const locale of LOCALES) {
          let node: unknown = messages[locale];
          for (const part of m[1]!.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
          if (!node || typeof node !== 'object') missing.push(`${locale}: ${m[1]} (${file})`);
        }
    expect(missing).toEqual([]);
  });

  it('for reminder kinds and notification keys (they contain dots: cooling-off.start)', () => {
    const keys = [...REMINDER_KINDS, 'summary' as const].flatMap((k) => [
      `reminders.kind.${k}`,
      titleKey(k),
      bodyKey(k),
    ]);
    for (const k of Object.keys(reminderWords['zh-CN'].notification))
      keys.push(`reminders.notification.${k}.title`, `reminders.notification.${k}.body`);
    expect(keys).toContain('reminders.kind.cooling-off.start');
    expect(unresolved(keys)).toEqual([]);
  });

  it('for every error code', () => {
    expect(unresolved(ERROR_CODES.map((c) => `errors.${c}`))).toEqual([]);
  });

  it('for the words readiness produces (reasons, actions, warnings) and the catalog ids they name', () => {
    const text = Object.values(readinessSource)[0]!;
    const keys = new Set<string>([...text.matchAll(/msg\(\s*'([\w.-]+)'/g)].map((m) => `domain.${m[1]}`));
    expect(keys.size).toBeGreaterThan(20);
    for (const s of ['met', 'blocked', 'done', 'skipped']) keys.add(`domain.reason.declared.${s}`);
    for (const s of ['site', 'contact'])
      for (const r of ['Todo', 'Done', 'NotListed']) keys.add(`domain.reason.${s}s${r}`);
    for (const p of catalogPreparations) keys.add(`domain.action.preparation.${p.id}`);
    for (const gate of catalogGates)
      for (const s of ['blocked', 'unknown']) keys.add(`domain.action.gate.${gate.id}.${s}`);
    keys.add('domain.coolingOff.checkFigure');
    expect(unresolved(keys)).toEqual([]);
  });

  it('for the plan phases and item statuses the screens name', () => {
    const keys: string[] = [];
    for (const s of PLAN_STAGES)
      keys.push(
        `plans.status.${s}`,
        `plans.cardHint.${s}`,
        `dashboard.statusText.${s}`,
        `dashboard.next.empty.${s}`,
      );
    for (const m of MILESTONES) keys.push(`dashboard.stepper.${m}`);
    for (const p of PLAN_PHASES) keys.push(`domain.phase.${p}`);
    // The timeline names each command by its dotted type (plan.close, service.set-status).
    for (const c of PLAN_COMMAND_TYPES) keys.push(`domain.timeline.${c}`);
    const groups = {
      gateStatus: GATE_STATUSES,
      preparationStatus: PREPARATION_STATUSES,
      backupStatus: BACKUP_STATUSES,
      serviceStatus: SERVICE_STATUSES,
      assetStatus: ASSET_STATUSES,
      siteStatus: SITE_STATUSES,
      contactStatus: CONTACT_STATUSES,
      siteCategory: SITE_CATEGORIES,
      bindingState: BINDING_STATES,
    };
    for (const [group, values] of Object.entries(groups))
      for (const v of values) keys.push(`domain.${group}.${v}`);
    expect(unresolved(keys)).toEqual([]);
  });
});
