/**
 * Where a finding already sits in a plan, and the plan command that adds it. Matching is on what
 * identifies the thing, not on ids: the catalog id for NetEase services, the name for NetEase
 * services the catalog does not know, the domain for sites. So a re-scan, a second click or an
 * entry the user typed by hand never becomes a duplicate.
 */
import {
  siteCategoryOf,
  type DiscoveryFinding,
  type DiscoveryPlanLink,
} from '../../../common/contract/discovery';
import type { Finding } from '../../../common/discovery/types';
import type { PlanCommand } from '../../../common/model/commands';
import type { Plan } from '../../../common/model/plan';

type SiteCategory = ReturnType<typeof siteCategoryOf>;

function serviceName(f: Finding): string {
  return (
    f.knownName?.['zh-CN'] ?? (f.name && f.name !== f.domain ? f.name : (f.hosts[0] ?? f.domain))
  ).slice(0, 200);
}

function siteName(f: Finding): string {
  // A list's From names are its posters; the list id names the list.
  if (f.kind === 'list') return f.domain.slice(0, 200);
  return (
    (f.knownName?.['zh-CN'] ?? (f.name && f.name !== f.domain ? f.name : f.domain)).trim().slice(0, 200) ||
    f.domain
  );
}

/** A plan id derived from the finding id, within idSchema's alphabet and length. */
export function itemIdFor(prefix: 'svc' | 'site', f: Finding): string {
  let h = 2166136261;
  for (let i = 0; i < f.id.length; i++) h = Math.imul(h ^ f.id.charCodeAt(i), 16777619);
  const slug = f.id.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 56);
  return `disc-${prefix}-${slug}-${(h >>> 0).toString(36)}`;
}

export function serviceLink(f: Finding, plan: Plan): DiscoveryPlanLink | null {
  if (f.kind !== 'netease') return null;
  const byCatalog = f.catalogServiceId
    ? plan.services.find((s) => s.catalogId === f.catalogServiceId)
    : undefined;
  const name = serviceName(f);
  const found =
    byCatalog ??
    (f.catalogServiceId
      ? undefined
      : plan.services.find((s) => s.catalogId === null && s.name.trim() === name));
  return found ? { section: 'service', itemId: found.id } : null;
}

export function siteLink(f: Finding, plan: Plan): DiscoveryPlanLink | null {
  const domain = f.domain.toLowerCase();
  const found = plan.sites.find((s) => s.domain.trim().toLowerCase() === domain);
  return found ? { section: 'site', itemId: found.id } : null;
}

export function linkOf(f: Finding, plan: Plan): DiscoveryPlanLink | null {
  return serviceLink(f, plan) ?? siteLink(f, plan);
}

export function withLinks(findings: readonly Finding[], plan: Plan | null): DiscoveryFinding[] {
  return findings.map((f) => ({ ...f, inPlan: plan ? linkOf(f, plan) : null }));
}

export function addCommand(
  f: Finding,
  planId: string,
  as: 'service' | 'site',
  category?: SiteCategory,
): PlanCommand {
  if (as === 'service') {
    return f.catalogServiceId
      ? {
          type: 'service.add',
          planId,
          serviceId: itemIdFor('svc', f),
          catalogId: f.catalogServiceId,
          status: 'in-use',
        }
      : {
          type: 'service.add',
          planId,
          serviceId: itemIdFor('svc', f),
          catalogId: null,
          name: serviceName(f),
          status: 'in-use',
        };
  }
  return {
    type: 'site.upsert',
    planId,
    site: {
      id: itemIdFor('site', f),
      name: siteName(f),
      domain: f.domain,
      category: category ?? siteCategoryOf(f.category),
      status: 'todo',
    },
  };
}
