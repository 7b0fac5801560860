/**
 * The harness server: the built renderer over HTTP on 127.0.0.1 with the app's CSP, plus the
 * WebSocket bridge that carries `window.closeout` calls to the real core. Loopback only, and the
 * socket demands a random token, the right Host and the page's own Origin.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { APP_ORIGIN, createAppRequestHandler, securityHeaders } from '../../electron/main/app-protocol';
import type { Core } from '../../electron/main/core';
import { harnessBridgeSource } from './bridge-bundle';
import type { TestClock } from './test-clock';

export interface TestControls {
  clock: TestClock;
  /** Every system notification the core asked to show, oldest first. */
  notifications: readonly { id: string; title: string; body: string }[];
  /** Called after each clock move (the harness acts out a resume so reminders are checked). */
  afterClockChange?: () => void;
  /** Acts out a click on a shown notification (the newest one when no id is given). */
  clickNotification?: (id?: string) => void;
}

export interface HarnessServerOptions {
  core: Core;
  rendererDir: string;
  token: string;
  port: number;
  /** Present only with --test-controls. */
  controls?: TestControls;
}

export interface HarnessServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The app's own app:// headers (CSP, COOP, CORP, nosniff, ...) on every harness answer. */
function headers(type: string): Record<string, string> {
  return { ...securityHeaders(), 'Content-Type': type };
}

/** Adds the bridge before the app's module script; a <script src>, since inline script is forbidden. */
export function injectBridge(html: string): string {
  const tag = '<script src="/harness-bridge.js"></script>';
  const at = html.indexOf('<script');
  return at === -1 ? html.replace('</head>', `${tag}</head>`) : html.slice(0, at) + tag + html.slice(at);
}

export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const { core, rendererDir, token, controls } = options;
  // Bundled once before serving, so the page's first request does not wait for it.
  await harnessBridgeSource();
  let port = options.port;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  const hostOk = (req: IncomingMessage) => allowedHosts().includes(req.headers.host ?? '');
  const tokenOk = (url: URL, req: IncomingMessage) =>
    sameSecret(url.searchParams.get('token') ?? String(req.headers['x-harness-token'] ?? ''), token);

  // The app's own app:// handler (electron/main/app-protocol.ts), reading index.html with the bridge
  // script added: the same files, the same refusals and the same headers as in Electron.
  const indexFile = join(rendererDir, 'index.html');
  const appHandler = createAppRequestHandler(rendererDir, async (file) => {
    const body = await readFile(file);
    return file === indexFile ? Buffer.from(injectBridge(body.toString('utf8')), 'utf8') : body;
  });

  async function serveFile(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    try {
      decodeURIComponent(pathname);
    } catch {
      // A malformed escape (`/%E0%A4%A`) is the client's mistake, not a reason to crash.
      res.writeHead(400, headers('text/plain; charset=utf-8')).end('Bad request');
      return;
    }
    const answer = await appHandler(new Request(`${APP_ORIGIN}${pathname}`, { method: req.method ?? 'GET' }));
    res
      .writeHead(answer.status, Object.fromEntries(answer.headers))
      .end(Buffer.from(await answer.arrayBuffer()));
  }

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const parsed: unknown = body ? JSON.parse(body) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  }

  async function serveControls(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const json = (status: number, value: unknown) =>
      res
        .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' })
        .end(JSON.stringify(value));
    if (!controls || !tokenOk(url, req)) return void json(403, { error: 'forbidden' });
    if (url.pathname === '/__test/clock') {
      if (req.method === 'POST') {
        const body = await readJson(req);
        if (typeof body.advanceMs === 'number') controls.clock.advance(body.advanceMs);
        else if (typeof body.setMs === 'number') controls.clock.set(body.setMs);
        else return void json(400, { error: 'advanceMs or setMs required' });
        controls.afterClockChange?.();
      }
      return void json(200, { now: controls.clock.now() });
    }
    if (url.pathname === '/__test/notifications') {
      if (req.method === 'POST') {
        const body = await readJson(req);
        try {
          controls.clickNotification?.(typeof body.clickId === 'string' ? body.clickId : undefined);
        } catch {
          return void json(404, { error: 'no such notification' });
        }
      }
      return void json(200, {
        notifications: controls.notifications.map(({ id, title, body }) => ({ id, title, body })),
      });
    }
    json(404, { error: 'unknown control' });
  }

  const server: Server = createServer((req, res) => {
    // Any web page can send requests to 127.0.0.1: whatever arrives, answer and never crash.
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(400, headers('text/plain; charset=utf-8'));
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      res.writeHead(400, headers('text/plain; charset=utf-8')).end('Bad request');
      return;
    }
    if (!hostOk(req)) {
      res.writeHead(421, headers('text/plain; charset=utf-8')).end('Wrong host');
      return;
    }
    if (req.method !== 'GET' && !url.pathname.startsWith('/__test/')) {
      res.writeHead(405, headers('text/plain; charset=utf-8')).end('Method not allowed');
      return;
    }
    if (url.pathname === '/harness-bridge.js') {
      res.writeHead(200, headers('text/javascript; charset=utf-8')).end(await harnessBridgeSource());
      return;
    }
    if (url.pathname.startsWith('/__test/')) {
      await serveControls(req, res, url);
      return;
    }
    await serveFile(req, res, url.pathname);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  const sockets = new Set<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const origin = req.headers.origin ?? '';
    if (
      url.pathname !== '/bridge' ||
      !hostOk(req) ||
      !allowedOrigins().includes(origin) ||
      !tokenOk(url, req)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        let msg: { id?: unknown; channel?: unknown; input?: unknown };
        try {
          msg = JSON.parse(data.toString()) as typeof msg;
        } catch {
          return;
        }
        if (typeof msg.id !== 'number') return;
        const id = msg.id;
        // The same validating dispatcher as ipc.ts: unknown channels and bad input come back as data.
        void core.dispatch(msg.channel, msg.input).then((result) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
        });
      });
    });
  });

  const unsubscribe = core.onEvent((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address && typeof address === 'object') port = address.port;

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${token}#/`,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
