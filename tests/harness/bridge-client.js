/*
 * Served as /harness-bridge.js, loaded by a <script src> before the app (never inline: the CSP
 * forbids it). Defines window.closeout with the same shape as the Electron preload, carried over a
 * WebSocket to the harness, which runs every call through the core's validating dispatcher.
 * The harness prepends `const HARNESS = {channels, events}` derived from the contract.
 */
/* global HARNESS */
(function () {
  'use strict';
  const token = new URLSearchParams(location.search).get('token') || '';
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/bridge?token=' + encodeURIComponent(token);
  const unavailable = (message) => ({ ok: false, error: { code: 'ipc.unavailable', message } });
  const pending = new Map();
  const listeners = new Map();
  let nextId = 1;
  let socket = null;
  let ready = null;

  function connect() {
    if (ready) return ready;
    ready = new Promise((resolve) => {
      socket = new WebSocket(url);
      socket.addEventListener('open', () => resolve(true));
      socket.addEventListener('message', (e) => {
        let msg;
        try {
          msg = JSON.parse(e.data);
        } catch {
          return;
        }
        if (typeof msg.id === 'number' && pending.has(msg.id)) {
          pending.get(msg.id)(msg.result);
          pending.delete(msg.id);
        } else if (typeof msg.event === 'string') {
          for (const l of listeners.get(msg.event) || []) {
            try {
              l(msg.payload);
            } catch (err) {
              console.error(err);
            }
          }
        }
      });
      socket.addEventListener('close', () => {
        for (const done of pending.values()) done(unavailable('The harness connection closed'));
        pending.clear();
        ready = null;
        resolve(false);
      });
    });
    return ready;
  }

  async function invoke(channel, input) {
    const open = await connect();
    if (!open || !socket || socket.readyState !== WebSocket.OPEN) return unavailable('The harness is not reachable');
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify(input === undefined ? { id, channel } : { id, channel, input }));
    });
  }

  const camel = (verb) => verb.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  const api = {};
  for (const name of HARNESS.channels) {
    const at = name.indexOf(':');
    const domain = name.slice(0, at);
    const group = (api[domain] = api[domain] || {});
    group[camel(name.slice(at + 1))] = (input) => invoke(name, input);
  }
  api.on = (event, listener) => {
    if (!HARNESS.events.includes(event)) throw new Error('Unknown event ' + event);
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(listener);
    void connect();
    return () => listeners.get(event).delete(listener);
  };
  for (const group of Object.values(api)) if (typeof group === 'object') Object.freeze(group);
  Object.defineProperty(window, 'closeout', { value: Object.freeze(api), writable: false, configurable: false });
  void connect();
})();
