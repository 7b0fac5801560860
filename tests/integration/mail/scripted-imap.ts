/**
 * Minimal IMAP servers on 127.0.0.1 for answers Dovecot cannot be made to give: one that speaks
 * just enough IMAP (greeting, CAPABILITY, LOGIN, ID, LIST, LOGOUT) for imapflow to log in and then
 * answers SELECT/EXAMINE the way NetEase does (`NO [UNAVAILABLE] Unsafe Login`), and one that
 * accepts connections and never greets.
 */
import { createServer, type Server, type Socket } from 'node:net';

export interface ScriptedServer {
  port: number;
  /** Commands received, without arguments (LOGIN's password is never recorded). */
  commands: string[];
  /** True once a client sent ID before SELECT/EXAMINE. */
  idSent: boolean;
  /** The last ID command's arguments. */
  idLine: string;
  close(): Promise<void>;
}

const UNSAFE = 'NO [UNAVAILABLE] Unsafe Login. Please contact kefu@188.com for help';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

/**
 * `refuseSelect`: 'without-id' refuses SELECT only when no ID came first (NetEase's rule);
 * 'always' refuses it even after ID (what the user sees when NetEase still distrusts the client).
 */
export async function startUnsafeLoginServer(refuseSelect: 'without-id' | 'always'): Promise<ScriptedServer> {
  const sockets = new Set<Socket>();
  const state: ScriptedServer = { port: 0, commands: [], idSent: false, idLine: '', close: async () => {} };
  const server = createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => {});
    let id = false;
    let buf = '';
    sock.write('* OK [CAPABILITY IMAP4rev1 ID] scripted ready\r\n');
    sock.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const [tag = '*', rawCmd = ''] = line.split(' ');
        const cmd = rawCmd.toUpperCase();
        state.commands.push(cmd);
        const out = (s: string) => sock.write(s + '\r\n');
        switch (cmd) {
          case 'CAPABILITY':
            out('* CAPABILITY IMAP4rev1 ID');
            out(`${tag} OK CAPABILITY done`);
            break;
          case 'LOGIN':
            out(`${tag} OK [CAPABILITY IMAP4rev1 ID] LOGIN completed`);
            break;
          case 'ID':
            id = true;
            state.idLine = line;
            out('* ID ("name" "scripted")');
            out(`${tag} OK ID completed`);
            break;
          case 'LIST':
            out('* LIST () "/" "INBOX"');
            out(`${tag} OK LIST completed`);
            break;
          case 'STATUS':
            out('* STATUS "INBOX" (MESSAGES 0)');
            out(`${tag} OK STATUS completed`);
            break;
          case 'SELECT':
          case 'EXAMINE':
            if (id) state.idSent = true;
            if (refuseSelect === 'always' || !id) {
              out(`${tag} ${UNSAFE}`);
            } else {
              out('* 0 EXISTS');
              out('* OK [UIDVALIDITY 1] UIDs valid');
              out('* OK [UIDNEXT 1] Predicted next UID');
              out(`${tag} OK [READ-ONLY] ${cmd} completed`);
            }
            break;
          case 'LOGOUT':
            out('* BYE bye');
            out(`${tag} OK LOGOUT completed`);
            sock.end();
            break;
          default:
            out(`${tag} OK ${cmd} completed`);
        }
      }
    });
  });
  state.port = await listen(server);
  state.close = closer(server, sockets);
  return state;
}

/** Accepts TCP connections and says nothing: the client's greeting timeout has to fire. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => {});
  });
  const port = await listen(server);
  return { port, close: closer(server, sockets) };
}

/**
 * A server that overflows a client's limits once it is asked for a message (one message in INBOX):
 * 'endless-line' answers the FETCH with a line that never ends, 'huge-literal' announces a 1 GB
 * literal for the partial fetch and sends filler until the client hangs up, 'endless-greeting'
 * never ends its greeting. The filler is one reused buffer written with backpressure, so the
 * server itself holds almost nothing. `sent` counts the filler bytes written.
 */
export async function startOverflowServer(
  mode: 'endless-line' | 'huge-literal' | 'endless-greeting',
): Promise<{ port: number; sent: () => number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const filler = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const flood = (sock: Socket) => {
    const more = () => {
      while (!sock.destroyed && sock.writable) {
        sent += filler.length;
        if (!sock.write(filler)) {
          sock.once('drain', more);
          return;
        }
      }
    };
    more();
  };
  const server = createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => {});
    if (mode === 'endless-greeting') {
      sock.write('* OK ');
      flood(sock);
      return;
    }
    sock.write('* OK [CAPABILITY IMAP4rev1 ID] overflow ready\r\n');
    let buf = '';
    sock.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const [tag = '*', rawCmd = '', rawSub = ''] = line.split(' ');
        const cmd = rawCmd.toUpperCase() === 'UID' ? `UID ${rawSub.toUpperCase()}` : rawCmd.toUpperCase();
        const out = (s: string) => sock.write(s + '\r\n');
        switch (cmd) {
          case 'CAPABILITY':
            out('* CAPABILITY IMAP4rev1 ID');
            out(`${tag} OK CAPABILITY done`);
            break;
          case 'LOGIN':
            out(`${tag} OK [CAPABILITY IMAP4rev1 ID] LOGIN completed`);
            break;
          case 'LIST':
            out('* LIST () "/" "INBOX"');
            out(`${tag} OK LIST completed`);
            break;
          case 'STATUS':
            out('* STATUS "INBOX" (MESSAGES 1)');
            out(`${tag} OK STATUS completed`);
            break;
          case 'SELECT':
          case 'EXAMINE':
            out('* 1 EXISTS');
            out('* OK [UIDVALIDITY 7] UIDs valid');
            out('* OK [UIDNEXT 2] Predicted next UID');
            out(`${tag} OK [READ-ONLY] ${cmd} completed`);
            break;
          case 'UID SEARCH':
            out('* SEARCH 1');
            out(`${tag} OK SEARCH completed`);
            break;
          case 'UID FETCH':
            if (mode === 'endless-line') {
              sock.write('* 1 FETCH (UID 1 FLAGS () BODY[]<0> "');
            } else {
              sock.write(
                '* 1 FETCH (UID 1 RFC822.SIZE 1073741824 FLAGS () INTERNALDATE "01-Jan-2020 00:00:00 +0000" ' +
                  'BODY[]<0> {1073741824}\r\n',
              );
            }
            flood(sock);
            break;
          case 'LOGOUT':
            out('* BYE bye');
            out(`${tag} OK LOGOUT completed`);
            sock.end();
            break;
          default:
            out(`${tag} OK ${cmd} completed`);
        }
      }
    });
  });
  const port = await listen(server);
  return { port, sent: () => sent, close: closer(server, sockets) };
}
