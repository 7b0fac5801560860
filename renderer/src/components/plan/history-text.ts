import { alternatives } from '@common/catalog/alternatives';
import { gates } from '@common/catalog/gates';
import { preparations } from '@common/catalog/preparations';
import { risks } from '@common/catalog/risks';
import { steps } from '@common/catalog/steps';
import type { Text } from '@common/catalog/types';
import { textIn } from '../../i18n/catalog-text';
import type { Plan } from '@common/model/plan';
import { serviceName } from './service-name';

/**
 * History entries carry ids; the timeline shows names. Catalog ids resolve through the catalog,
 * the user's own items through the plan (a removed item keeps the name the command carried).
 */
export function itemName(
  params: Record<string, string | number>,
  plan: Plan | undefined,
  locale: string,
): string | null {
  const pick = (x: Text | undefined) => (x ? textIn(locale, x) : null);
  if (typeof params.riskId === 'string') return pick(risks.find((r) => r.id === params.riskId)?.title);
  if (typeof params.stepId === 'string') return pick(steps.find((s) => s.id === params.stepId)?.title);
  if (typeof params.gateId === 'string') return pick(gates.find((g) => g.id === params.gateId)?.title);
  if (typeof params.preparationId === 'string')
    return pick(preparations.find((p) => p.id === params.preparationId)?.title);
  if (typeof params.alternativeId === 'string')
    return pick(alternatives.find((a) => a.id === params.alternativeId)?.title);
  if (typeof params.serviceId === 'string') {
    const s = plan?.services.find((x) => x.id === params.serviceId);
    return s ? serviceName(s, locale) : null;
  }
  if (typeof params.kind === 'string')
    return pick(preparations.find((p) => p.backupKind === params.kind)?.title);
  if (typeof params.name === 'string' && params.name) return params.name;
  return null;
}

/** The domain label group that names a command's `status` (or `state`) value. */
const STATUS_GROUP: Record<string, string> = {
  'step.set': 'stepStatus',
  'gate.set': 'gateStatus',
  'preparation.set': 'preparationStatus',
  'service.add': 'serviceStatus',
  'service.set-status': 'serviceStatus',
  'asset.upsert': 'assetStatus',
  'site.upsert': 'siteStatus',
  'contact.upsert': 'contactStatus',
  'backup.set': 'backupStatus',
  'binding.set': 'bindingState',
};

/** The i18n key of the new status a command set, when the domain has a label for it. */
export function statusKey(command: string, params: Record<string, string | number>): string | null {
  const group = STATUS_GROUP[command];
  const value = params.status ?? params.state;
  return group && typeof value === 'string' ? `domain.${group}.${value}` : null;
}
