/*
 * Bundled by tests/harness/bridge-bundle.ts and served as /harness-bridge.js, loaded by a
 * <script src> before the app (never inline: the CSP forbids it). Defines window.closeout with the
 * one bridge factory the preload uses (electron/common/contract/bridge.ts), carried over a
 * WebSocket to the harness, which runs every call through the core's validating dispatcher.
 */
import type { EventName } from '../../electron/common/contract';
import { createBridge } from '../../electron/common/contract/bridge';

type Pending = (result: unknown) => void;

const token = new URLSearchParams(location.search).get('token') ?? '';
const url = `${location.protocol === 'https:' ? 'wss://' : 'ws://'}${location.host}/bridge?token=${encodeURIComponent(token)}`;
const unavailable = (message: string) => ({ ok: false, error: { code: 'ipc.unavailable', message } });
const pending = new Map<number, Pending>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;
let socket: WebSocket | null = null;
let ready: Promise<boolean> | null = null;

function connect(): Promise<boolean> {
  if (ready) return ready;
  ready = new Promise((resolve) => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => resolve(true));
    ws.addEventListener('message', (e: MessageEvent) => {
      let msg: { id?: unknown; result?: unknown; event?: unknown; payload?: unknown };
      try {
        msg = JSON.parse(String(e.data)) as typeof msg;
      } catch {
        return;
      }
      if (typeof msg.id === 'number' && pending.has(msg.id)) {
        pending.get(msg.id)!(msg.result);
        pending.delete(msg.id);
      } else if (typeof msg.event === 'string') {
        for (const l of listeners.get(msg.event) ?? []) {
          try {
            l(msg.payload);
          } catch (err) {
            console.error(err);
          }
        }
      }
    });
    ws.addEventListener('close', () => {
      for (const done of pending.values()) done(unavailable('The harness connection closed'));
      pending.clear();
      ready = null;
      resolve(false);
    });
  });
  return ready;
}

async function invoke(channel: string, input: unknown): Promise<unknown> {
  const open = await connect();
  const ws = socket;
  if (!open || !ws || ws.readyState !== WebSocket.OPEN) return unavailable('The harness is not reachable');
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    ws.send(JSON.stringify(input === undefined ? { id, channel } : { id, channel, input }));
  });
}

function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener);
  void connect();
  return () => {
    set.delete(listener);
  };
}

Object.defineProperty(window, 'closeout', {
  value: createBridge({ invoke, on: subscribe }),
  writable: false,
  configurable: false,
});
void connect();
