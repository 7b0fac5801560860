// Loaded into electron-builder's process (NODE_OPTIONS=--import) by the packaging smoke test:
// any attempt to reach a non-loopback host fails and is reported, so "needs no network" is checked,
// not assumed.
import dns from 'node:dns';
import net from 'node:net';

const MARKER = 'CLOSEOUT_NETWORK_ATTEMPT';
const loopback = (host) => !host || host === 'localhost' || host === '::1' || /^127\./.test(host);

function refuse(what) {
  process.stderr.write(`${MARKER} ${what}\n`);
  throw new Error(`network access refused in the packaging smoke test: ${what}`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options =
    typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  if (options.path === undefined && !loopback(options.host))
    refuse(`connect ${options.host}:${options.port}`);
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  if (!loopback(host)) refuse(`dns ${host}`);
  return lookup.call(this, host, ...rest);
};
