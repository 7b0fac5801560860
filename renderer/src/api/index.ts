/**
 * The only module that touches `window.closeout` (the preload in Electron, /harness-bridge.js in
 * the harness). Stores import `api` from here; nothing else in the renderer knows the bridge exists.
 */
import type { CloseoutApi, EventName, EventPayload } from '@common/contract';
import { createBridge } from '@common/contract/bridge';
import { splitChannel } from '@common/contract/define';
import type { Result } from '@common/result';

declare global {
  interface Window {
    closeout?: CloseoutApi;
  }
}

export type { CloseoutApi };

function bridge(): CloseoutApi | undefined {
  return typeof window === 'undefined' ? undefined : window.closeout;
}

const unavailable = {
  ok: false,
  error: { code: 'ipc.unavailable', message: 'The app bridge is not available' },
} as const;

/**
 * `api.vault.status()` etc., from the one bridge factory. Looks the bridge up on every call (tests
 * install it after import), and answers `ipc.unavailable` as data when there is none or it fails,
 * so a store never has to catch.
 */
export const api: CloseoutApi = createBridge({
  async invoke(channel, input) {
    const [domain, method] = splitChannel(channel);
    const group = bridge()?.[domain as keyof CloseoutApi] as
      Record<string, (i?: unknown) => Promise<Result<unknown>>> | undefined;
    const fn = group?.[method];
    if (typeof fn !== 'function') return unavailable;
    try {
      return input === undefined ? await fn() : await fn(input);
    } catch {
      // The bridge itself failed (socket closed, preload gone): still data, never a throw.
      return unavailable;
    }
  },
  on: (event, listener) => on(event, listener),
});

/** Subscribes to a main -> renderer event; returns the unsubscribe. A no-op without a bridge. */
export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const b = bridge();
  if (!b) return () => {};
  return b.on(event, listener);
}
