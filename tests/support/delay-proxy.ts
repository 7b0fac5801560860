/**
 * A TCP proxy on 127.0.0.1 that makes a loopback server look distant: every byte is held for a fixed
 * one-way delay in each direction, and each direction is capped to a bandwidth. A real 163 mailbox
 * is 30 to 60 ms away with a few MB/s; on loopback neither round trips nor parallel connections
 * matter, there they decide.
 *
 * Each direction is a queue of chunks. A chunk is delivered no earlier than `delayMs` after it
 * arrived, and no earlier than the link is free again (its bytes at `bitsPerSecond`), in order. When
 * more than `windowBytes` are queued, the sending socket is paused (as a TCP window would stop the
 * sender) and resumed once the queue drains.
 *
 * The cap is per connection and direction, not shared: what limits one IMAP connection to a distant
 * server is that flow's window over the round trip and the server's own per-connection throttling,
 * so several connections add up there as they do here.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface DelayProxyOptions {
  /** Where the real server listens. */
  targetPort: number;
  targetHost?: string;
  /** Added in each direction: 20 ms each way is a 40 ms round trip. */
  oneWayDelayMs: number;
  /** Cap per direction, in bits per second. */
  bitsPerSecond: number;
  /** Bytes in flight per direction before the sender is paused. */
  windowBytes?: number;
}

export interface DelayProxy {
  port: number;
  /** Bytes carried client -> server and server -> client, over all connections. */
  bytes(): { up: number; down: number };
  connections(): number;
  close(): Promise<void>;
}

function pipeDelayed(
  from: Socket,
  to: Socket,
  o: Required<Omit<DelayProxyOptions, 'targetHost' | 'targetPort'>>,
  count: (n: number) => void,
): void {
  const bytesPerMs = o.bitsPerSecond / 8 / 1000;
  const queue: { at: number; data: Buffer }[] = [];
  let queued = 0;
  let linkFreeAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let ended = false;

  const flush = (): void => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.at <= now) {
      const { data } = queue.shift()!;
      queued -= data.length;
      count(data.length);
      if (!to.destroyed) to.write(data);
    }
    if (queued < o.windowBytes / 2 && from.isPaused()) from.resume();
    if (queue.length > 0) timer = setTimeout(flush, Math.max(0, queue[0]!.at - performance.now()));
    else if (ended && !to.destroyed) to.end();
  };

  from.on('data', (data: Buffer) => {
    const now = performance.now();
    // Serialisation at the capped rate, then the propagation delay.
    const sendStart = Math.max(now, linkFreeAt);
    linkFreeAt = sendStart + data.length / bytesPerMs;
    queue.push({ at: linkFreeAt + o.oneWayDelayMs, data });
    queued += data.length;
    if (queued > o.windowBytes) from.pause();
    if (timer === null) timer = setTimeout(flush, Math.max(0, queue[0]!.at - now));
  });
  from.on('end', () => {
    ended = true;
    if (queue.length === 0 && !to.destroyed) to.end();
  });
  from.on('close', () => {
    if (queue.length === 0) to.destroy();
  });
  from.on('error', () => to.destroy());
}

export async function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
  const o = {
    oneWayDelayMs: options.oneWayDelayMs,
    bitsPerSecond: options.bitsPerSecond,
    windowBytes: options.windowBytes ?? 1024 * 1024,
  };
  let up = 0;
  let down = 0;
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    connections++;
    const upstream = createConnection({ host: options.targetHost ?? '127.0.0.1', port: options.targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.setNoDelay(true);
    }
    pipeDelayed(client, upstream, o, (n) => (up += n));
    pipeDelayed(upstream, client, o, (n) => (down += n));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    bytes: () => ({ up, down }),
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
