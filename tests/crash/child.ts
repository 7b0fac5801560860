/**
 * The process the crash test kills. It saves the vault through the real Vault module in a loop
 * and reports each save only after `update` resolved (that is, after the durable write).
 *   child <dataDir> <keyFile> loop          save seq+1 forever, printing "saved <seq>"
 *   child <dataDir> <keyFile> grow <bytes>  one save with a larger document, printing "result <ok|code>"
 */
import { writeSync } from 'node:fs';
import { ok } from '../../electron/common/result';
import { createFileKeyProvider } from '../support/doubles/file-key-provider';
import { Vault } from '../../electron/main/vault/vault';
import { crashCodec } from './crash-doc';

// Under `ulimit -f` the kernel sends SIGXFSZ, which kills by default; handled, write(2) returns
// EFBIG instead, which is what a full disk looks like to the writer.
process.on('SIGXFSZ', () => {});

const [dataDir, keyFile, command, arg] = process.argv.slice(2);
if (!dataDir || !keyFile || !command) throw new Error('usage: child <dataDir> <keyFile> loop|grow <bytes>');
const say = (line: string) => writeSync(1, `${line}\n`);

const vault = new Vault({
  dataDir,
  keyProvider: createFileKeyProvider(keyFile),
  clock: { now: () => Date.now() },
  codec: crashCodec,
});
await vault.open();
await vault.unlock({});
say(`ready ${vault.read().seq}`);

if (command === 'loop') {
  for (;;) {
    const r = await vault.update((d) => ok({ doc: { ...d, seq: d.seq + 1 }, value: d.seq + 1 }));
    if (!r.ok) {
      say(`error ${r.error.code}`);
      process.exit(3);
    }
    say(`saved ${r.value}`);
  }
} else if (command === 'grow') {
  const size = Number(arg);
  const r = await vault.update((d) => ok({ doc: { seq: d.seq + 1, filler: 'g'.repeat(size) }, value: null }));
  say(`result ${r.ok ? 'ok' : r.error.code}`);
}
