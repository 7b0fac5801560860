import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useDiscoveryStore } from '../../../renderer/src/stores/discovery';
import { useMailStore } from '../../../renderer/src/stores/mail';
import { useRemindersStore } from '../../../renderer/src/stores/reminders';
import type { CloseoutApi } from '@common/contract';
import type { DiscoveryResults } from '@common/contract/discovery';
import type { MailFinished, MailProgress } from '@common/contract/mail';

/** A bridge of the contract's shape: calls are recorded and answered by the test, events fired by it. */
function installBridge(handlers: Record<string, (input?: unknown) => unknown>) {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const group = (domain: string) =>
    new Proxy(
      {},
      {
        get: (_t, method: string) => async (input?: unknown) => {
          calls.push([`${domain}.${method}`, input]);
          const h = handlers[`${domain}.${method}`];
          return h ? h(input) : { ok: false, error: { code: 'ipc.unknown-channel', message: 'x' } };
        },
      },
    );
  window.closeout = new Proxy({} as Record<string, unknown>, {
    get: (_t, key: string) =>
      key === 'on'
        ? (event: string, l: (p: unknown) => void) => {
            if (!listeners.has(event)) listeners.set(event, new Set());
            listeners.get(event)!.add(l);
            return () => listeners.get(event)!.delete(l);
          }
        : group(key),
  }) as unknown as CloseoutApi;
  return {
    calls,
    fire: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
  };
}

beforeEach(() => {
  setActivePinia(createPinia());
  delete window.closeout;
});

const results = (): DiscoveryResults => ({
  planId: 'p1',
  source: { kind: 'maildir', label: '/backup' },
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  cancelled: false,
  folders: 3,
  skippedFolders: [],
  skippedEntries: { count: 0, samples: [] },
  messages: 100,
  unreadable: 0,
  findings: [
    {
      id: 'domain:jd.com',
      kind: 'domain',
      domain: 'jd.com',
      name: 'JD',
      knownName: null,
      catalogServiceId: null,
      category: 'shopping',
      verdict: 'account',
      hasAccount: true,
      reason: { key: 'knownService', params: { messages: 4 } },
      evidence: {
        messages: 4,
        lifecycle: 1,
        transaction: 1,
        activity: 0,
        marketing: 0,
        conversation: 0,
        bulk: 0,
        toSelf: 4,
        code: 0,
        spam: 0,
      },
      confidence: null,
      onBehalfOf: [],
      imitates: null,
      firstSeen: null,
      lastSeen: null,
      sampleSubjects: [],
      hosts: [],
      suggest: 'site',
      rank: 1,
      inPlan: null,
    },
  ],
});

describe('discovery store', () => {
  it('adds a finding once even when clicked twice, and marks it in the plan', async () => {
    let release: (v: unknown) => void = () => {};
    const bridge = installBridge({
      'discovery.scan': () => ({ ok: true, value: results() }),
      'discovery.add': () => new Promise((r) => (release = r)),
    });
    const store = useDiscoveryStore();
    await store.scan('p1', { kind: 'maildir', path: '/backup' });
    expect(store.results?.findings).toHaveLength(1);
    const first = store.add('p1', 'domain:jd.com', 'site');
    const second = await store.add('p1', 'domain:jd.com', 'site');
    expect(second).toBe(false);
    release({ ok: true, value: { status: 'added', link: { section: 'site', itemId: 'site-9' } } });
    expect(await first).toBe(true);
    expect(bridge.calls.filter(([c]) => c === 'discovery.add')).toHaveLength(1);
    expect(store.results?.findings[0]?.inPlan).toEqual({ section: 'site', itemId: 'site-9' });
  });

  it('keeps the error of a refused scan for the screen', async () => {
    installBridge({
      'discovery.scan': () => ({ ok: false, error: { code: 'discovery.maildir-not-found', message: 'x' } }),
    });
    const store = useDiscoveryStore();
    const r = await store.scan('p1', { kind: 'maildir', path: '/nowhere' });
    expect(r.ok).toBe(false);
    expect(store.error?.code).toBe('discovery.maildir-not-found');
    expect(store.scanning).toBe(false);
  });
});

describe('mail store', () => {
  it('follows progress and the finished run from events, and never keeps the code', async () => {
    const bridge = installBridge({
      'mail.status': () => ({ ok: true, value: { job: null, progress: null, last: null } }),
      'mail.startBackup': () => ({ ok: true, value: { jobId: 'j1', resumed: false } }),
    });
    const store = useMailStore();
    await store.refresh();
    await store.start('p1', { address: 'a@163.com' }, { authCode: 'SECRETCODE' }, '/backup', false);
    const progress: MailProgress = {
      jobId: 'j1',
      phase: 'exporting',
      foldersDone: 1,
      foldersTotal: 2,
      currentFolder: 'INBOX',
      messagesDone: 5,
      messagesTotal: 10,
      bytesDone: 500,
      bytesTotal: 1000,
      bytesPerSecond: 100,
      messagesPerSecond: 1,
      etaSeconds: 5,
    };
    bridge.fire('mail:progress', progress);
    expect(store.progress?.messagesDone).toBe(5);
    const finished: MailFinished = {
      jobId: 'j1',
      planId: 'p1',
      outcome: 'cancelled',
      error: { code: 'mail.cancelled', message: 'x' },
      summary: null,
    };
    bridge.fire('mail:finished', finished);
    expect(store.finished?.outcome).toBe('cancelled');
    expect(store.progress).toBeNull();
    expect(JSON.stringify(store.$state)).not.toContain('SECRETCODE');
    expect(bridge.calls.find(([c]) => c === 'mail.startBackup')?.[1]).toMatchObject({
      authCode: 'SECRETCODE',
      targetDir: '/backup',
      planId: 'p1',
    });
  });
});

describe('reminders store', () => {
  it('reloads the list when main says reminders changed or a notification arrived', async () => {
    let n = 0;
    const list = () => ({
      now: 0,
      upcoming: [],
      overdue: [],
      done: [],
      snoozeOptions: [],
      settings: {},
      quietUntil: null,
    });
    const bridge = installBridge({
      'reminders.list': () => {
        n++;
        return { ok: true, value: list() };
      },
      'reminders.notifications': () => ({ ok: true, value: [] }),
      'reminders.dismiss': () => ({ ok: true, value: {} }),
    });
    const store = useRemindersStore();
    await store.refresh();
    expect(n).toBe(1);
    bridge.fire('reminders:changed', { next: null, overdueCount: 0 });
    await Promise.resolve();
    expect(n).toBe(2);
    await store.dismiss('r1');
    expect(n).toBe(3);
    expect(bridge.calls).toContainEqual(['reminders.dismiss', { id: 'r1' }]);
  });
});
