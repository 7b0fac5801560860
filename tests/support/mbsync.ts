/**
 * An mbsync (Debian isync) configuration that pulls every folder of a test Dovecot account over
 * implicit TLS into `<target>/Maildir` (Maildir++), trusting the server's own certificate. Used by
 * the benches that measure Closeout against mbsync. Returns the config file's path.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DovecotServer } from './dovecot';

export async function mbsyncConfig(
  s: DovecotServer,
  target: string,
  options: { fsync: boolean; port?: number },
): Promise<string> {
  const file = join(target, 'mbsyncrc');
  await writeFile(
    file,
    [
      `FSync ${options.fsync ? 'yes' : 'no'}`,
      '',
      'IMAPAccount bench',
      `Host ${s.host}`,
      `Port ${options.port ?? s.tlsPort}`,
      `User ${s.user}`,
      `Pass ${s.password}`,
      'SSLType IMAPS',
      `CertificateFile ${join(s.dir, 'tls', 'cert.pem')}`,
      '',
      'IMAPStore remote',
      'Account bench',
      '',
      'MaildirStore local',
      `Inbox ${target}/Maildir`,
      'SubFolders Maildir++',
      '',
      'Channel bench',
      'Far :remote:',
      'Near :local:',
      'Patterns *',
      'Create Near',
      'Sync Pull',
      'SyncState *',
      '',
    ].join('\n'),
  );
  return file;
}
