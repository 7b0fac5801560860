import { describe, expect, it } from 'vitest';
import {
  accountKindOf,
  catalog,
  CONFIDENCES,
  GATE_IDS,
  FAQ_Q3_CAUSE_IDS,
  RISK_IDS,
  serviceForSenderDomain,
  STEP_IDS,
  stepById,
} from '../../../electron/common/catalog';

type Node = unknown;

/** Every object in the catalog, with its path. */
function walk(node: Node, path: string, visit: (obj: Record<string, unknown>, path: string) => void): void {
  if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${path}[${i}]`, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>, path);
    for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`, visit);
  }
}

describe('catalog', () => {
  it('gives every entry a source and a confidence', () => {
    let entries = 0;
    walk(catalog, 'catalog', (obj, path) => {
      const isEntry =
        'id' in obj || 'domain' in obj || 'source' in obj || 'confidence' in obj || /\]$/.test(path);
      const isText = 'zh-CN' in obj && !('source' in obj);
      if (!isEntry || isText) return;
      entries++;
      expect(typeof obj.source === 'string' && obj.source.length > 0, `${path} source`).toBe(true);
      expect(CONFIDENCES, `${path} confidence`).toContain(obj.confidence);
    });
    expect(entries).toBeGreaterThan(60);
  });

  it('words every text in zh-CN and en', () => {
    let texts = 0;
    walk(catalog, 'catalog', (obj, path) => {
      if (!('zh-CN' in obj) && !('en' in obj)) return;
      texts++;
      const zh = obj['zh-CN'];
      const en = obj.en;
      expect(typeof zh === 'string' && /[\u4e00-\u9fff]/.test(zh), `${path} zh-CN`).toBe(true);
      expect(typeof en === 'string' && /[A-Za-z]/.test(en), `${path} en`).toBe(true);
    });
    expect(texts).toBeGreaterThan(100);
  });

  it('has the account kinds with their IMAP hosts and confidence', () => {
    expect(
      catalog.accountKinds.map((k) => [k.domain, k.imap.host, k.imap.tlsPort, k.imap.confidence]),
    ).toEqual([
      ['163.com', 'imap.163.com', 993, 'high'],
      ['126.com', 'imap.126.com', 993, 'high'],
      ['yeah.net', 'imap.yeah.net', 993, 'medium'],
    ]);
    expect(accountKindOf('Someone@YEAH.NET')?.domain).toBe('yeah.net');
    expect(accountKindOf('someone@qq.com')).toBeNull();
  });

  it('has the six steps in order, each needing the one before, with three menu paths for step two', () => {
    expect(catalog.steps.map((s) => s.id)).toEqual([...STEP_IDS]);
    catalog.steps.forEach((s, i) => expect(s.requires).toEqual(i === 0 ? [] : [STEP_IDS[i - 1]]));
    expect(
      stepById('find-page')?.menuPaths?.map((p) => p.segments.map((x) => x['zh-CN']).join(' > ')),
    ).toEqual([
      '个人中心 > 账号与安全 > 注销账号',
      '账号设置 > 高级设置 > 注销账号',
      '安全中心 > 更多安全设置 > 注销通行证账号',
    ]);
    expect(stepById('verify')?.methods?.map((m) => m.id)).toEqual([
      'sms',
      'backup-mail',
      'security-questions',
      'face',
    ]);
  });

  it('maps every gate to a FAQ Q3 cause and back', () => {
    expect(catalog.risks.map((r) => r.id)).toEqual([...RISK_IDS]);
    expect(catalog.gates.map((g) => g.id)).toEqual([...GATE_IDS]);
    expect(catalog.faqQ3Causes.map((c) => c.id)).toEqual([...FAQ_Q3_CAUSE_IDS]);
    for (const g of catalog.gates)
      expect(catalog.faqQ3Causes.find((c) => c.id === g.q3Cause)?.gates).toContain(g.id);
    expect(catalog.faqQ3Causes.flatMap((c) => c.gates).sort()).toEqual([...GATE_IDS].sort());
    expect(catalog.gates.find((g) => g.id === 'no-recent-security-change')?.confidence).toBe('low');
  });

  it('labels the cooling-off default as unverified and editable', () => {
    expect(catalog.coolingOff).toMatchObject({ defaultDays: 15, confidence: 'low' });
    expect(catalog.coolingOff.label.en).toBe('Check the figure NetEase shows you');
  });

  it('says Kaola was sold to Alibaba in 2019', () => {
    const kaola = catalog.services.find((s) => s.id === 'kaola');
    expect(kaola?.note?.en).toMatch(/Alibaba.*2019/);
    expect(kaola?.note?.confidence).toBe('high');
  });

  it('maps NetEase sender domains to stable service ids, the most specific first', () => {
    expect(serviceForSenderDomain('music.163.com')).toBe('music');
    expect(serviceForSenderDomain('m.music.163.com')).toBe('music');
    expect(serviceForSenderDomain('you.163.com')).toBe('yanxuan');
    expect(serviceForSenderDomain('epay.163.com')).toBe('pay');
    expect(serviceForSenderDomain('service.xyq.163.com')).toBe('game.mhxy');
    expect(serviceForSenderDomain('reg.163.com')).toBe('passport');
    expect(serviceForSenderDomain('mail.163.com')).toBe('netease');
    expect(serviceForSenderDomain('NETEASE.COM.')).toBe('netease');
    expect(serviceForSenderDomain('evil163.com')).toBeNull();
    expect(serviceForSenderDomain('example.org')).toBeNull();
    const ids = catalog.services.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'game.mhxy',
        'game.yys',
        'game.dhxy',
        'music',
        'yanxuan',
        'kaola',
        'pay',
        'netdisk',
      ]),
    );
  });

  it('gives each alternative pros and cons, and warns that leaving it idle may lose it', () => {
    for (const a of catalog.alternatives) {
      expect(a.pros.length).toBeGreaterThan(0);
      expect(a.cons.length).toBeGreaterThan(0);
    }
    expect(catalog.alternatives.find((a) => a.id === 'leave-idle')?.cons[0]?.en).toMatch(/delete/);
  });

  it('writes the unsure security-change window from its one figure, and leaves "unverified" to the badge', () => {
    // The texts had "约 15 天 (未经证实)" typed into them, beside the figure the warning uses.
    const days = catalog.securityChangeWindowDays;
    expect(days.confidence).toBe('low');
    const gate = catalog.gates.find((g) => g.id === 'no-recent-security-change')!;
    const con = catalog.alternatives.find((a) => a.id === 'password-2fa')!.cons[0]!;
    for (const text of [gate.detail['zh-CN'], gate.detail.en, con['zh-CN'], con.en]) {
      expect(text).toContain(String(days.value));
      expect(text).not.toMatch(/未经证实|unverified/i);
    }
    expect(con.confidence).toBe('low');
  });
});
