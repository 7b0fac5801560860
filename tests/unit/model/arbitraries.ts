import fc from 'fast-check';
import {
  ALTERNATIVE_IDS,
  ASSET_KIND_IDS,
  BACKUP_KINDS,
  GATE_IDS,
  RISK_IDS,
  STEP_IDS,
} from '../../../electron/common/catalog';
import {
  ASSET_STATUSES,
  BACKUP_STATUSES,
  BINDING_STATES,
  CONTACT_STATUSES,
  GATE_STATUSES,
  PREPARATION_STATUSES,
  SERVICE_STATUSES,
  SITE_CATEGORIES,
  SITE_STATUSES,
  STEP_STATUSES,
  TRACKED_PREPARATION_IDS,
  type PlanCommand,
} from '../../../electron/common/model';
import { T0 } from './support';

/**
 * Random commands over small pools of ids, so sequences collide: duplicate ids, unknown items,
 * wrong phases and out-of-order steps all come up, next to long runs of valid commands.
 */
const planId = fc.constantFrom('p1', 'p1', 'p1', 'p1', 'p2', 'p3');
const serviceId = fc.constantFrom('music', 'pay', 'game.yys', 'svc1', 'svc2');
const assetId = fc.constantFrom('a1', 'a2', 'a3');
const itemId = fc.constantFrom('x1', 'x2');
const pick = <T extends string>(values: readonly T[]) => fc.constantFrom(...values);
const note = fc.option(fc.constantFrom('', '备注', 'note'), { nil: undefined });
/** A time within 40 days of T0; some are in the future relative to `now`, which must be refused. */
const time = fc
  .integer({ min: 0, max: 40 * 24 })
  .map((h) => new Date(Date.parse(T0) + h * 3_600_000).toISOString());
/** Mostly absent (the command's own time is used), sometimes an explicit time. */
const maybeTime = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: time });
const amount = fc.oneof(
  fc.record({
    measure: fc.constant('money' as const),
    minor: fc.integer({ min: -3, max: 50_000 }),
    currency: fc.constantFrom('CNY', 'USD'),
  }),
  fc.record({
    measure: fc.constant('units' as const),
    amount: fc.oneof(fc.integer({ min: -3, max: 1000 }), fc.double({ min: 0.1, max: 5, noNaN: true })),
    unit: fc.constantFrom('积分', 'points'),
  }),
);

export const commandArb: fc.Arbitrary<PlanCommand> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('plan.create' as const),
      planId,
      address: fc.constantFrom('a@163.com', 'B@126.com', 'c@yeah.net', 'd@gmail.com', 'a@163.com'),
    }),
  },
  fc.record({
    type: fc.constant('plan.set-details' as const),
    planId,
    label: fc.option(fc.constantFrom('主邮箱', 'old'), { nil: undefined }),
    note,
  }),
  { weight: 3, arbitrary: fc.record({ type: fc.constant('plan.decide' as const), planId }) },
  fc.record({ type: fc.constant('plan.reconsider' as const), planId }),
  fc.record({
    type: fc.constant('alternative.choose' as const),
    planId,
    alternativeId: pick(ALTERNATIVE_IDS),
    note,
  }),
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('risk.acknowledge' as const),
      planId,
      riskId: pick(RISK_IDS),
      acknowledged: fc.oneof(
        { weight: 4, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('step.set' as const),
      planId,
      stepId: pick(STEP_IDS),
      status: pick(STEP_STATUSES),
      note,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('gate.set' as const),
      planId,
      gateId: pick(GATE_IDS),
      status: pick(GATE_STATUSES),
      note,
    }),
  },
  fc.record({
    type: fc.constant('preparation.set' as const),
    planId,
    preparationId: pick(TRACKED_PREPARATION_IDS),
    status: pick(PREPARATION_STATUSES),
    note,
  }),
  fc.record({
    type: fc.constant('binding.set' as const),
    planId,
    binding: fc.constantFrom('phone' as const, 'realName' as const),
    state: pick(BINDING_STATES),
    at: fc.option(time, { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('security.set-last-change' as const),
    planId,
    at: fc.option(time, { nil: null }),
  }),
  fc.record({
    type: fc.constant('service.add' as const),
    planId,
    serviceId,
    catalogId: fc.option(fc.constantFrom('game', 'music', 'nope'), { nil: undefined }),
    name: fc.option(fc.constantFrom('', 'Some game'), { nil: undefined }),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('service.set-status' as const),
      planId,
      serviceId,
      status: pick(SERVICE_STATUSES),
      note,
    }),
  },
  fc.record({ type: fc.constant('service.remove' as const), planId, serviceId }),
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('asset.upsert' as const),
      planId,
      asset: fc.record({
        id: assetId,
        serviceId: fc.option(serviceId, { nil: null }),
        kind: pick(ASSET_KIND_IDS),
        label: fc.constantFrom('余额', 'coupon'),
        amount,
        status: pick(ASSET_STATUSES),
      }),
    }),
  },
  fc.record({ type: fc.constant('asset.remove' as const), planId, assetId }),
  fc.record({
    type: fc.constant('site.upsert' as const),
    planId,
    site: fc.record({
      id: itemId,
      name: fc.constant('Bank'),
      category: pick(SITE_CATEGORIES),
      status: pick(SITE_STATUSES),
    }),
  }),
  fc.record({ type: fc.constant('site.remove' as const), planId, siteId: itemId }),
  fc.record({
    type: fc.constant('contact.upsert' as const),
    planId,
    contact: fc.record({ id: itemId, name: fc.constant('妈妈'), status: pick(CONTACT_STATUSES) }),
  }),
  fc.record({ type: fc.constant('contact.remove' as const), planId, contactId: itemId }),
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('backup.set' as const),
      planId,
      kind: pick(BACKUP_KINDS),
      status: pick(BACKUP_STATUSES),
    }),
  },
  fc.record({
    type: fc.constant('backup.record-verification' as const),
    planId,
    kind: pick(BACKUP_KINDS),
    verifiedAt: time,
    messages: fc.nat(1000),
    folders: fc.nat(20),
    bytes: fc.nat(10_000_000),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('plan.submit' as const),
      planId,
      submittedAt: maybeTime,
      override: fc.option(fc.record({ reason: fc.constant('NetEase said fine') }), { nil: undefined }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('plan.withdraw' as const), planId, at: maybeTime }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('plan.close' as const),
      planId,
      closedAt: maybeTime,
      early: fc.option(fc.boolean(), { nil: undefined }),
    }),
  },
  fc.record({ type: fc.constant('plan.reopen' as const), planId }),
  fc.record({
    type: fc.constant('plan.set-cooling-off' as const),
    planId,
    days: fc.option(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), { nil: undefined }),
    submittedAt: maybeTime,
  }),
  fc.record({ type: fc.constant('plan.delete' as const), planId }),
) as fc.Arbitrary<PlanCommand>;

/** A plan one submission away, so random sequences also explore submitted, withdrawn and closed plans. */
const nearlySubmitted: PlanCommand[] = [
  { type: 'plan.create', planId: 'p1', address: 'a@163.com' },
  { type: 'plan.decide', planId: 'p1' },
  ...RISK_IDS.map((riskId) => ({
    type: 'risk.acknowledge' as const,
    planId: 'p1',
    riskId,
    acknowledged: true,
  })),
  ...STEP_IDS.filter((s) => s !== 'confirm').map((stepId) => ({
    type: 'step.set' as const,
    planId: 'p1',
    stepId,
    status: 'done' as const,
  })),
];

/** A sequence of commands, each with the time it is applied (non-decreasing). */
const submitted: PlanCommand[] = [
  ...nearlySubmitted,
  { type: 'plan.submit', planId: 'p1', override: { reason: 'test' } },
];
const prefixes: PlanCommand[][] = [[], nearlySubmitted, submitted];

export const sessionArb = fc
  .tuple(
    fc.nat(prefixes.length - 1),
    fc.array(fc.tuple(commandArb, fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 120 }),
  )
  .map(([prefix, random]) => {
    let t = Date.parse(T0);
    const steps: [PlanCommand, number][] = [
      ...prefixes[prefix]!.map((c): [PlanCommand, number] => [c, 0]),
      ...random,
    ];
    return steps.map(([command, hours]) => {
      t += hours * 3_600_000;
      return { command, now: new Date(t).toISOString() };
    });
  });
