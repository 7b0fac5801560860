import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DovecotServer } from '../../support/dovecot';
import { systemClock } from '../../../electron/common/clock';
import type { ConnectionSpec } from '../../../electron/main/mail/connection';
import type { ExportRequest } from '../../../electron/main/mail/exporter';
import { ProgressTracker } from '../../../electron/main/mail/progress';
import { readBackupState } from '../../../electron/main/mail/backup-state';
import { backupPaths } from '../../../electron/main/mail/layout';
import { readManifest, type ManifestRecord } from '../../../electron/main/mail/manifest';

export const appInfo = {
  name: 'Closeout',
  version: '0.1.0',
  platform: process.platform,
  runtime: 'harness' as const,
};

export function tlsSpec(s: DovecotServer, authCode = s.password): ConnectionSpec {
  return {
    server: { host: s.host, port: s.tlsPort, secure: true, origin: 'custom' },
    user: s.user,
    authCode,
    ca: s.caCertPem,
    timeoutMs: 5000,
  };
}

/**
 * A request to export the Dovecot fixture's account into `targetDir` over TLS, with a fresh
 * progress tracker and no cancellation; `extra` replaces or adds any field.
 */
export function exportRequest(
  s: DovecotServer,
  targetDir: string,
  extra: Partial<ExportRequest> = {},
): ExportRequest {
  return {
    spec: tlsSpec(s),
    address: s.user,
    targetDir,
    appInfo,
    clock: systemClock,
    signal: new AbortController().signal,
    progress: new ProgressTracker('t', systemClock, () => {}),
    ...extra,
  };
}

/** Every current-generation manifest record, and the sha256 of the file each names. */
export async function backupContent(targetDir: string): Promise<{
  records: ManifestRecord[];
  fileHashes: Map<string, string>;
  filesOnDisk: number;
}> {
  const paths = backupPaths(targetDir);
  const state = await readBackupState(paths.state);
  const records: ManifestRecord[] = [];
  const fileHashes = new Map<string, string>();
  let filesOnDisk = 0;
  for (const gen of state?.folders.filter((g) => g.current) ?? []) {
    const raw = (await readFile(join(paths.manifests, gen.manifest), 'utf8'))
      .trim()
      .split('\n')
      .filter(Boolean);
    // Full records only: lines without sha256 are later updates (a file renamed, a message gone from the server).
    const parsed = raw.map((l) => JSON.parse(l) as Partial<ManifestRecord>).filter((r) => r.sha256);
    // Append-only and each UID recorded once: a duplicate line would mean a duplicate message.
    if (new Set(parsed.map((r) => r.uid)).size !== parsed.length)
      throw new Error(`duplicate UID in ${gen.manifest}`);
    const map = await readManifest(join(paths.manifests, gen.manifest));
    records.push(...map.values());
    for (const sub of ['cur', 'new']) {
      const dir = join(paths.maildir, gen.dir, sub);
      const names = await readdir(dir).catch(() => [] as string[]);
      filesOnDisk += names.length;
    }
    for (const r of map.values()) {
      fileHashes.set(
        r.file,
        createHash('sha256')
          .update(await readFile(join(paths.maildir, r.file)))
          .digest('hex'),
      );
    }
  }
  return { records, fileHashes, filesOnDisk };
}

/** Asserts the backup holds exactly the fixture: same messages per folder and UID, same bytes. */
export async function expectEqualsFixture(targetDir: string, s: DovecotServer): Promise<void> {
  const { records, fileHashes, filesOnDisk } = await backupContent(targetDir);
  const fixture = s.fixture!.messages;
  const key = (folder: string, uid: number) => `${folder}\u0000${uid}`;
  const got = new Map(records.map((r) => [key(r.folder, r.uid), r]));
  const problems: string[] = [];
  for (const m of fixture) {
    const r = got.get(key(m.folder, m.uid));
    if (!r) problems.push(`missing ${m.folder}#${m.uid}`);
    else if (r.sha256 !== m.sha256 || fileHashes.get(r.file) !== m.sha256)
      problems.push(`bytes differ ${m.folder}#${m.uid}`);
    else if (!r.file.endsWith(`:2,${m.flags}`))
      problems.push(`flags ${m.folder}#${m.uid}: ${r.file} vs ${m.flags}`);
  }
  if (records.length !== fixture.length)
    problems.push(`records ${records.length} != fixture ${fixture.length}`);
  if (filesOnDisk !== fixture.length)
    problems.push(`files on disk ${filesOnDisk} != fixture ${fixture.length}`);
  if (problems.length) throw new Error(problems.slice(0, 10).join('\n'));
}
