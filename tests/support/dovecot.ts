/**
 * A private Dovecot IMAP server on 127.0.0.1 for integration tests and benchmarks.
 *
 * Everything (config, TLS key and self-signed certificate, passwd-file, mailboxes, logs, pid files)
 * lives in one temp folder; nothing under /etc is read or changed. See
 * /work/shared/reference/imap-testing.md for the measurements behind the choices.
 *
 *   const server = await startDovecot({ fixture: { messages: 500 } });
 *   // server.port (plain/STARTTLS), server.tlsPort, server.caCertPem, server.user, server.password
 *   await server.stop();
 *
 * With `CI` set and Dovecot missing, `dovecotAvailable()` throws: in CI nothing may skip.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeMailFixture, type MailFixtureOptions, type MailFixtureSummary } from './mail-fixture';

const run = promisify(execFile);

export const DOVECOT_BIN =
  ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => existsSync(p)) ?? 'dovecot';
const TEMPLATE = join(import.meta.dirname, 'dovecot', 'dovecot.conf.template');
/** Dovecot refuses uid 0 for mail users; as root the mailboxes belong to nobody. */
const ROOT_MAIL_UID = 65534;

export interface DovecotUserSpec {
  user: string;
  password: string;
  /** Maildir content written before the server starts. */
  fixture?: MailFixtureOptions;
  /** A Maildir copied in as the user's mail before the server starts (e.g. a backup, to read it back). */
  seedMaildir?: string;
}

export interface DovecotUser {
  user: string;
  password: string;
  /** The user's Maildir (Maildir++ layout: INBOX in the root, folders as `.name` in modified UTF-7). */
  maildirRoot: string;
  fixture: MailFixtureSummary | null;
}

export interface StartDovecotOptions {
  /** Defaults to one user `closeout@163.com` / `test-auth-code`. */
  users?: DovecotUserSpec[];
  /** Fixture for the first user (shorthand when there is one user). */
  fixture?: MailFixtureOptions;
  /**
   * Dovecot `mail_location`; default `maildir:~/Maildir` (Maildir++, names in modified UTF-7).
   * `maildir:~/Maildir:LAYOUT=fs` keeps each level in its own directory (names longer than one
   * directory name allows); `maildir:~/Maildir:UTF-8` reads a Closeout backup.
   */
  mailLocation?: string;
}

export interface DovecotServer {
  host: '127.0.0.1';
  /** Plain IMAP; STARTTLS is offered (a plain client must pass `doSTARTTLS: false` to imapflow). */
  port: number;
  /** Implicit TLS. */
  tlsPort: number;
  /** PEM of the self-signed certificate; pass as the trusted CA. */
  caCertPem: string;
  /** The first user. */
  user: string;
  password: string;
  maildirRoot: string;
  fixture: MailFixtureSummary | null;
  users: DovecotUser[];
  dir: string;
  logPath: string;
  readLog(): Promise<string>;
  /** Master process id while running. */
  pid(): number | undefined;
  /** SIGTERM, wait for exit, remove the temp folder. */
  stop(): Promise<void>;
  /** SIGKILL the master (its children follow); the folder stays for `restart()`. */
  kill(): Promise<void>;
  /** Start again on the same ports with the same mailboxes (stopping first if running). */
  restart(): Promise<void>;
}

let warned = false;

/**
 * True when Dovecot can be started. Without Dovecot: throws when `CI` is set (tests must not
 * skip there), otherwise warns once and returns false so the caller can skip.
 */
export function dovecotAvailable(): boolean {
  if (existsSync(DOVECOT_BIN)) return true;
  const message =
    'Dovecot is not installed (apt-get install -y dovecot-imapd): IMAP integration tests cannot run';
  if (process.env.CI) throw new Error(message);
  if (!warned) {
    warned = true;
    console.warn(`SKIPPING: ${message}`);
  }
  return false;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function makeCertificate(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  return readFile(join(dir, 'cert.pem'), 'utf8');
}

/** Resolves once the server sends its `* OK` greeting (an open port alone is not enough). */
export async function waitForGreeting(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no attempt';
  while (Date.now() < deadline) {
    const got = await new Promise<boolean>((resolve) => {
      const sock = createConnection({ host: '127.0.0.1', port });
      let buf = '';
      const done = (v: boolean) => {
        sock.destroy();
        resolve(v);
      };
      sock.setTimeout(1000, () => done(false));
      sock.on('data', (d) => {
        buf += d.toString('latin1');
        if (buf.includes('\r\n')) done(buf.startsWith('* OK'));
      });
      sock.on('error', (e) => {
        lastError = e.message;
        done(false);
      });
    });
    if (got) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Dovecot did not greet on port ${port} within ${timeoutMs} ms (${lastError})`);
}

/** Process ids below `root` (Linux /proc). */
function readdirOrNone(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Every process below `root`, read from /proc synchronously: a crash test's kill lands at once,
 * with the export in this process held still meanwhile. Read through the thread pool, one file
 * per process on a busy machine, the scan let a fast export finish before the server died.
 */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirOrNone('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readOrEmpty(`/proc/${name}/stat`);
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parents.set(Number(name), ppid);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parents) {
      if (parent === pid) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

export async function startDovecot(options: StartDovecotOptions = {}): Promise<DovecotServer> {
  dovecotAvailable();
  const specs: DovecotUserSpec[] = options.users?.length
    ? options.users
    : [{ user: 'closeout@163.com', password: 'test-auth-code' }];
  if (options.fixture && specs[0]) specs[0] = { ...specs[0], fixture: specs[0].fixture ?? options.fixture };
  for (const s of specs) {
    if (/[:\s/]/.test(s.user) || /[\s:]/.test(s.password)) throw new Error(`Unusable test user ${s.user}`);
  }

  const dir = await mkdtemp(join(tmpdir(), 'closeout-dovecot-'));
  // The mail user (nobody, as root) and Dovecot's login user must traverse into the folder.
  await chmod(dir, 0o755);
  const isRoot = process.getuid?.() === 0;
  const uid = isRoot ? ROOT_MAIL_UID : (process.getuid?.() ?? ROOT_MAIL_UID);
  const gid = isRoot ? ROOT_MAIL_UID : (process.getgid?.() ?? ROOT_MAIL_UID);

  for (const sub of ['run', 'state', 'etc', 'home'])
    await mkdir(join(dir, sub), { recursive: true, mode: 0o755 });
  const caCertPem = await makeCertificate(join(dir, 'tls'));
  await writeFile(
    join(dir, 'etc', 'passwd'),
    specs.map((s) => `${s.user}:{PLAIN}${s.password}::::::\n`).join(''),
    {
      mode: 0o644,
    },
  );

  const users: DovecotUser[] = [];
  for (const s of specs) {
    const maildirRoot = join(dir, 'home', s.user, 'Maildir');
    await mkdir(maildirRoot, { recursive: true });
    if (s.seedMaildir) await cp(s.seedMaildir, maildirRoot, { recursive: true, preserveTimestamps: true });
    const fixture = s.fixture ? await writeMailFixture(maildirRoot, s.fixture) : null;
    users.push({ user: s.user, password: s.password, maildirRoot, fixture });
  }
  if (isRoot) await run('chown', ['-R', `${uid}:${gid}`, join(dir, 'home')]);

  const port = await freePort();
  const tlsPort = await freePort();
  const me = isRoot ? '' : (await run('id', ['-un'])).stdout.trim();
  const myGroup = isRoot ? '' : (await run('id', ['-gn'])).stdout.trim();
  const config = (await readFile(TEMPLATE, 'utf8'))
    .replaceAll('{{INSTANCE}}', `closeout-test-${port}`)
    .replaceAll('{{DIR}}', dir)
    .replaceAll('{{UID}}', String(uid))
    .replaceAll('{{GID}}', String(gid))
    .replaceAll('{{PORT}}', String(port))
    .replaceAll('{{TLS_PORT}}', String(tlsPort))
    .replaceAll('{{MAIL_LOCATION}}', options.mailLocation ?? 'maildir:~/Maildir')
    .replaceAll(
      '{{INTERNAL_USERS}}',
      isRoot
        ? ''
        : `default_internal_user = ${me}\ndefault_internal_group = ${myGroup}\ndefault_login_user = ${me}`,
    )
    .replaceAll('{{LOGIN_CHROOT}}', isRoot ? '' : '  chroot =')
    .replaceAll('{{ANVIL_CHROOT}}', isRoot ? '' : '  chroot =');
  const configPath = join(dir, 'dovecot.conf');
  await writeFile(configPath, config);
  const logPath = join(dir, 'dovecot.log');

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const launch = async () => {
    const proc = spawn(DOVECOT_BIN, ['-F', '-c', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    child = proc;
    try {
      await Promise.race([
        waitForGreeting(port),
        exited.then(() => {
          throw new Error(`dovecot exited at start: ${stderr.trim()}`);
        }),
      ]);
    } catch (e) {
      const log = await readFile(logPath, 'utf8').catch(() => '');
      proc.kill('SIGKILL');
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n${log.slice(-2000)}`);
    }
  };

  const terminate = async (signal: NodeJS.Signals) => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    // A crash takes the whole server down: the imap process serving an open session would
    // otherwise keep going after its master died.
    const children = signal === 'SIGKILL' && proc.pid ? descendants(proc.pid) : [];
    proc.kill(signal);
    for (const pid of children) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await exited;
    child = undefined;
  };

  await launch();
  const first = users[0]!;
  return {
    host: '127.0.0.1',
    port,
    tlsPort,
    caCertPem,
    user: first.user,
    password: first.password,
    maildirRoot: first.maildirRoot,
    fixture: first.fixture,
    users,
    dir,
    logPath,
    readLog: () => readFile(logPath, 'utf8'),
    pid: () => child?.pid,
    async stop() {
      await terminate('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
    async kill() {
      await terminate('SIGKILL');
    },
    async restart() {
      await terminate('SIGTERM');
      for (let attempt = 0; ; attempt++) {
        try {
          await launch();
          return;
        } catch (e) {
          // Ports of a killed server can take a moment to be released.
          if (attempt >= 20) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    },
  };
}
