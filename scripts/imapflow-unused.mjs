/**
 * What Closeout's bundles give imapflow in place of `pino` and `socks` (see
 * scripts/dedupe-mail-libraries.ts). imapflow imports both at load time but uses pino only when a
 * connection is given no logger (Closeout always passes `logger: false`, electron/main/mail/
 * connection.ts) and socks only for a `proxy` option (Closeout never sets one). Bundled, the two
 * and their dependencies were some 350 KB of every mail worker's start-up. Were either ever
 * reached, it fails loudly here instead of doing something half.
 */
function notInBuild(what) {
  return new Error(`${what} is not part of Closeout's build (scripts/imapflow-unused.mjs)`);
}

/** imapflow's default logger (`pino`): only for a connection without `logger: false`. */
export default function pino() {
  throw notInBuild("imapflow's default logger (pino)");
}

/** imapflow's SOCKS proxy client (`socks`): only for a connection with a `proxy` option. */
export class SocksClient {
  static createConnection() {
    return Promise.reject(notInBuild("imapflow's SOCKS proxy (socks)"));
  }
}
