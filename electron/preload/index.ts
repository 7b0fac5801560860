/**
 * Sandboxed preload: exposes `window.closeout` and nothing else. Its methods are derived from the
 * contract (one per channel, grouped by domain), so the renderer can call exactly what main handles.
 * Listeners receive only the payload, never the IpcRendererEvent (which would hand out `sender`).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channels, isEventName } from '../common/contract';
import { splitChannel } from '../common/contract/define';
import { err } from '../common/result';

type Invoke = (input?: unknown) => Promise<unknown>;
type Listener = (payload: unknown) => void;

export function buildApi(): Record<string, unknown> {
  const domains: Record<string, Record<string, Invoke>> = {};
  for (const name of Object.keys(channels)) {
    const [domain, method] = splitChannel(name);
    if (domain === 'on') throw new Error('"on" is reserved for events and cannot be a domain');
    const group = (domains[domain] ??= {});
    // Exactly one argument crosses, whatever the caller passes; a failed invoke (main gone, payload
    // not cloneable) becomes a Result like every other failure.
    group[method] = (input?: unknown) =>
      ipcRenderer.invoke(name, input).catch(() => err('ipc.unavailable', 'The main process did not answer'));
  }
  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const forward = (_event: IpcRendererEvent, payload: unknown): void => (listener as Listener)(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  };
  const api: Record<string, unknown> = { on };
  for (const [domain, methods] of Object.entries(domains)) api[domain] = Object.freeze(methods);
  return Object.freeze(api);
}

contextBridge.exposeInMainWorld('closeout', buildApi());
