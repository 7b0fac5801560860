import { describe, expect, it } from 'vitest';
import { minorToInput, parseCount, parseMinor } from '../../../renderer/src/components/plan/amount-input';
import {
  draftProblems,
  draftToAsset,
  emptyDraft,
  openTotals,
  withKind,
} from '../../../renderer/src/components/plan/asset-draft';
import { formatBytes, formatDuration } from '../../../renderer/src/components/plan/bytes';
import type { Asset } from '@common/model/plan';

describe('amount input', () => {
  it('parses decimals into minor units without going through floats', () => {
    expect(parseMinor('12.5', 2)).toBe(1250);
    expect(parseMinor('0.1', 2)).toBe(10);
    expect(parseMinor('1,234.56', 2)).toBe(123456);
    expect(parseMinor('7', 0)).toBe(7);
    // 0.29 * 100 is 28.999999999999996 as a float; digit arithmetic keeps it exact.
    expect(parseMinor('0.29', 2)).toBe(29);
  });

  it('refuses what is not a non-negative amount with the currency’s digits', () => {
    for (const bad of ['', '-1', '1.234', 'abc', '1.2.3', '1e3']) expect(parseMinor(bad, 2), bad).toBeNull();
    expect(parseMinor('1.5', 0)).toBeNull();
    expect(parseMinor('9'.repeat(20), 2)).toBeNull();
  });

  it('round-trips minor units to the editable text', () => {
    for (const minor of [0, 5, 50, 1250, 123456]) expect(parseMinor(minorToInput(minor, 2), 2)).toBe(minor);
    expect(minorToInput(5, 2)).toBe('0.05');
    expect(minorToInput(42, 0)).toBe('42');
  });

  it('parses whole counts only', () => {
    expect(parseCount('1,200')).toBe(1200);
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('-3')).toBeNull();
  });

  it('takes a comma only between groups of three digits: "30，5" is refused, not saved as 305', () => {
    // An outside tester typed 30，5 (full-width comma) and got ¥305.00 with no error.
    for (const bad of ['30，5', '30,5', '1,23', '1,2345', ',123', '123,', '1 2'])
      expect(parseMinor(bad, 2), bad).toBeNull();
    for (const bad of ['30，5', '1,23', '12 3']) expect(parseCount(bad), bad).toBeNull();
    expect(parseMinor('12，345，678.9', 2)).toBe(1234567890);
    expect(parseMinor('1 200', 2)).toBe(120000);
    expect(parseCount('1，200')).toBe(1200);
  });

  it('reads full-width digits and the full-width full stop as a Chinese input method types them', () => {
    expect(parseMinor('１２３', 2)).toBe(12300);
    expect(parseMinor('３０．５', 2)).toBe(3050);
    expect(parseMinor('30。5', 2)).toBe(3050);
    expect(parseCount('１，２００')).toBe(1200);
  });
});

describe('asset drafts', () => {
  it('needs a name, a valid amount and, for counts, a unit', () => {
    const d = emptyDraft('a1', null, 'en');
    expect(draftProblems(d)).toEqual(['label', 'amount']);
    const points = withKind({ ...d, label: 'Points', amountText: '300' }, 'points', 'en');
    expect(points.unit).toBe('points');
    expect(draftToAsset(points)).toMatchObject({ amount: { measure: 'units', amount: 300, unit: 'points' } });
    expect(draftProblems({ ...points, unit: ' ' })).toEqual(['unit']);
  });

  it('keeps the currency when the kind stays money, and stores minor units', () => {
    const d = withKind(
      { ...emptyDraft('a2', 'svc-1', 'zh-CN'), label: '余额', amountText: '3.30', unit: 'HKD' },
      'coupon',
      'zh-CN',
    );
    expect(d.unit).toBe('HKD');
    expect(draftToAsset(d)).toEqual({
      id: 'a2',
      serviceId: 'svc-1',
      kind: 'coupon',
      label: '余额',
      amount: { measure: 'money', minor: 330, currency: 'HKD' },
      status: 'open',
      note: '',
    });
  });

  it('totals what is still open per currency and per unit, never across them', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const asset = (id: string, amount: Asset['amount'], status: Asset['status'] = 'open'): Asset => ({
      id,
      serviceId: null,
      kind: amount.measure === 'money' ? 'cash-balance' : 'points',
      label: id,
      amount,
      status,
      note: '',
      createdAt: at,
      updatedAt: at,
    });
    const totals = openTotals([
      asset('a', { measure: 'money', minor: 1250, currency: 'CNY' }),
      asset('b', { measure: 'money', minor: 500, currency: 'CNY' }),
      asset('c', { measure: 'money', minor: 100, currency: 'USD' }),
      asset('d', { measure: 'money', minor: 9999, currency: 'CNY' }, 'emptied'),
      asset('e', { measure: 'units', amount: 1200, unit: 'jade' }),
      asset('f', { measure: 'units', amount: 30, unit: 'days' }, 'forfeited'),
    ]);
    expect(totals.money).toEqual([
      { currency: 'CNY', minor: 1750 },
      { currency: 'USD', minor: 100 },
    ]);
    expect(totals.units).toEqual([{ unit: 'jade', amount: 1200 }]);
    expect(totals.openCount).toBe(4);
  });
});

describe('byte and duration formatting', () => {
  it('uses Intl units in the active language', () => {
    expect(formatBytes('en', 999)).toBe('999 byte');
    expect(formatBytes('en', 1_500_000)).toBe('1.5 MB');
    expect(formatDuration('en', 3_725)).toBe('1 hr 2 min');
    expect(formatDuration('zh-CN', 125)).toMatch(/2.*分钟.*5.*秒/);
  });
});
