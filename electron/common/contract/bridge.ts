/**
 * The one typed bridge factory: `window.closeout`'s shape derived from the contract (one method per
 * channel, grouped by domain, plus `on(event)`), over whatever carries the calls. The preload builds
 * it over ipcRenderer, the harness client over its WebSocket, and the renderer's api client over
 * `window.closeout` itself (so a missing or failing bridge is data, never a throw).
 */
import { channels, isEventName, type ChannelName, type CloseoutApi, type EventName } from '../contract';
import { splitChannel } from './define';

export interface BridgeTransport {
  /** Carries exactly one argument, whatever the caller passed. */
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  /** Subscribes to a main -> renderer event; returns the unsubscribe. Passes only the payload. */
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function createBridge(transport: BridgeTransport): CloseoutApi {
  const domains: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(channels) as ChannelName[]) {
    const [domain, method] = splitChannel(name);
    if (domain === 'on') throw new Error('"on" is reserved for events and cannot be a domain');
    (domains[domain] ??= {})[method] = (input?: unknown) => transport.invoke(name, input);
  }
  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    return transport.on(event, listener as (payload: unknown) => void);
  };
  const api: Record<string, unknown> = { on };
  for (const [domain, methods] of Object.entries(domains)) api[domain] = Object.freeze(methods);
  return Object.freeze(api) as unknown as CloseoutApi;
}
