import { describe, expect, it } from 'vitest';
import { itemName, statusKey } from '../../../renderer/src/components/plan/history-text';
import { freshPlan } from './mount';

describe('history entries', () => {
  it('name catalog items in the active language and the user’s own items by their name', () => {
    const plan = freshPlan();
    expect(itemName({ stepId: 'login' }, plan, 'en')).toBe('Sign in to the NetEase passport');
    expect(itemName({ stepId: 'login' }, plan, 'zh-CN')).toBe('登录网易通行证');
    expect(itemName({ riskId: 'address-recycled' }, plan, 'en')).toBe(
      'The address may be recycled to a stranger',
    );
    expect(itemName({ kind: 'mail' }, plan, 'en')).toBe('Back up your mail');
    const music = plan.services.find((s) => s.catalogId === 'music')!;
    expect(itemName({ serviceId: music.id }, plan, 'zh-CN')).toBe('网易云音乐');
    expect(itemName({ name: 'Li Hua' }, plan, 'en')).toBe('Li Hua');
    expect(itemName({ serviceId: 'gone' }, plan, 'en')).toBeNull();
  });

  it('point a status at the domain’s label for that kind of item', () => {
    expect(statusKey('step.set', { status: 'done' })).toBe('domain.stepStatus.done');
    expect(statusKey('binding.set', { state: 'unbound' })).toBe('domain.bindingState.unbound');
    expect(statusKey('asset.upsert', { status: 'forfeited' })).toBe('domain.assetStatus.forfeited');
    expect(statusKey('plan.submit', {})).toBeNull();
  });
});
