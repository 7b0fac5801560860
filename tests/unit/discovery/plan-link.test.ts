import { describe, expect, it } from 'vitest';
import { planCommandSchema } from '../../../electron/common/model/commands';
import { addCommand, itemIdFor } from '../../../electron/main/mail/discovery/plan-link';
import { evaluate } from '../../fixtures/discovery/evaluate';

describe('plan commands built from findings', () => {
  const findings = evaluate().findings;

  it('are valid plan commands for every finding of the corpus, with distinct ids', () => {
    const ids = new Set<string>();
    for (const f of findings) {
      const site = addCommand(f, 'plan-1', 'site');
      expect(planCommandSchema.safeParse(site).success, f.id).toBe(true);
      if (f.kind === 'netease')
        expect(planCommandSchema.safeParse(addCommand(f, 'plan-1', 'service')).success, f.id).toBe(true);
      const id = itemIdFor('site', f);
      expect(ids.has(id), id).toBe(false);
      ids.add(id);
    }
  });

  it('use the catalog id for NetEase services the catalog knows, and a name otherwise', () => {
    const music = findings.find((f) => f.id === 'netease:music')!;
    expect(addCommand(music, 'p', 'service')).toMatchObject({
      type: 'service.add',
      catalogId: 'music',
      status: 'in-use',
    });
    const other = findings.find((f) => f.id === 'netease:ds.163.com')!;
    expect(addCommand(other, 'p', 'service')).toMatchObject({
      type: 'service.add',
      catalogId: null,
      name: '网易大神',
    });
    const game = findings.find((f) => f.id === 'domain:steampowered.com')!;
    expect(addCommand(game, 'p', 'site')).toMatchObject({
      site: { domain: 'steampowered.com', category: 'other', name: 'Steam' },
    });
  });
});
