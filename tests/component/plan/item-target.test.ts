import { describe, expect, it } from 'vitest';
import { itemLocation, reminderRoute } from '../../../renderer/src/composables/itemTarget';

describe('itemLocation (reminder links `?item=<kind>:<id>`)', () => {
  it('opens the screen that holds each kind of item, anchored at the item', () => {
    expect(itemLocation('p1', 'service:svc-1')).toEqual({
      name: 'plan-services',
      params: { planId: 'p1' },
      hash: '#service-svc-1',
    });
    expect(itemLocation('p1', 'asset:a1')).toEqual({
      name: 'plan-assets',
      params: { planId: 'p1' },
      hash: '#asset-a1',
    });
    expect(itemLocation('p1', 'site:s1')).toEqual({
      name: 'plan-sites',
      params: { planId: 'p1' },
      hash: '#site-s1',
    });
    expect(itemLocation('p1', 'contact:c1')).toEqual({
      name: 'plan-sites',
      params: { planId: 'p1' },
      hash: '#contact-c1',
    });
    expect(itemLocation('p1', 'step:verify')).toEqual({
      name: 'plan-steps',
      params: { planId: 'p1' },
      hash: '#verify',
    });
    expect(itemLocation('p1', 'backup:mail')).toEqual({
      name: 'plan-backups',
      params: { planId: 'p1' },
      hash: '#mail',
    });
  });

  it('keeps an id that itself holds a colon whole', () => {
    expect(itemLocation('p1', 'site:a:b')).toMatchObject({ hash: '#site-a:b' });
  });

  it('leaves unknown or malformed items on the dashboard', () => {
    for (const item of ['gate:x', 'service:', ':x', 'service', ''])
      expect(itemLocation('p1', item)).toBeNull();
  });
});

describe('reminderRoute', () => {
  it('opens the plan at the item, the plan alone, or the reminders list', () => {
    expect(reminderRoute({ planId: 'p 1', item: { kind: 'asset', id: 'a1' } })).toBe(
      '/plans/p%201?item=asset%3Aa1',
    );
    expect(reminderRoute({ planId: 'p1', item: null })).toBe('/plans/p1');
    expect(reminderRoute({ planId: null, item: null })).toBe('/reminders');
  });
});
