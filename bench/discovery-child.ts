/**
 * One measured side of the discovery benchmark, in a fresh process: `floor` (a bare imapflow FETCH
 * of the discovery header fields) or `scan` (the discovery IMAP source feeding the aggregator).
 * Static imports are Node built-ins only; each side then imports what it needs and the time and
 * CPU of those imports are reported apart from the scan, so a heavier module graph on our side
 * shows up as our cost instead of vanishing into process start-up.
 */
import { readFile } from 'node:fs/promises';

export interface ChildResult {
  /** Wall and CPU time of the side's own imports (after Node and tsx are up). */
  importMs: number;
  importCpuMs: number;
  /** Wall time from connecting to logout. */
  ms: number;
  /** User + system CPU of this process over the same span. */
  cpuMs: number;
  messages: number;
  findings: number;
  /** KiB, from the kernel's high-water mark, minus the RSS after imports. */
  peakDeltaKiB: number;
}

const appInfo = {
  name: 'Closeout',
  version: '0.1.0',
  platform: process.platform,
  runtime: 'harness' as const,
};

async function measure(
  mode: 'floor' | 'scan',
  port: number,
  caFile: string,
  user: string,
  code: string,
): Promise<ChildResult> {
  const ca = await readFile(caFile, 'utf8');
  const i0 = performance.now();
  const ic0 = process.cpuUsage();
  // Both sides connect through the mail backup's session (imapflow, IMAP ID, TLS options).
  const { openSession, closeSession } = await import('../electron/main/mail/connection');
  const { DISCOVERY_HEADER_FIELDS } = await import('../electron/common/discovery/headers');
  const { isSkippedFolder } = await import('../electron/main/mail/discovery/folders');
  const scanSide =
    mode === 'scan'
      ? {
          ...(await import('../electron/main/mail/discovery/imap-source')),
          ...(await import('../electron/common/discovery/aggregate')),
        }
      : null;
  const importMs = performance.now() - i0;
  const ic = process.cpuUsage(ic0);

  global.gc?.();
  const baseKiB = process.memoryUsage().rss / 1024;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const client = await openSession(
    { server: { host: '127.0.0.1', port, secure: true, origin: 'custom' }, user, authCode: code, ca },
    appInfo,
  );
  let messages = 0;
  let findings = 0;
  try {
    if (!scanSide) {
      // The reference: one FETCH 1:* of the same header fields per folder, each message counted and dropped.
      for (const f of await client.list()) {
        if (isSkippedFolder(f.path, f.specialUse ?? null)) continue;
        const box = await client.mailboxOpen(f.path, { readOnly: true });
        if (box.exists === 0) continue;
        for await (const m of client.fetch('1:*', { headers: [...DISCOVERY_HEADER_FIELDS] }))
          if (m.headers) messages++;
      }
    } else {
      const agg = new scanSide.DiscoveryAggregator([user]);
      await scanSide.scanImap(client, {
        onFolders: () => {},
        onFolder: () => {},
        onHeader: (b) => agg.addHeaderBlock(b),
        onBatch: () => {},
        cancelled: () => false,
      });
      messages = agg.messages;
      findings = agg.findings().length;
    }
  } finally {
    await closeSession(client);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    importMs,
    importCpuMs: (ic.user + ic.system) / 1000,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    messages,
    findings,
    peakDeltaKiB: process.resourceUsage().maxRSS - baseKiB,
  };
}

const [mode, port, caFile, user, code] = process.argv.slice(2) as [
  'floor' | 'scan',
  string,
  string,
  string,
  string,
];
measure(mode, Number(port), caFile, user, code).then(
  (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
