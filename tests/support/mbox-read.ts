/**
 * Reads mbox files back with an independent reader, Python's `mailbox` module, undoing the mboxrd
 * quoting (one `>` off every `>*From ` line) as an mboxrd reader does. Returns each message's bytes.
 */
import { execFileSync } from 'node:child_process';

const PY_READ_MBOX = `
import mailbox, sys, json, re
out = {}
for path in sys.argv[1:]:
    box = mailbox.mbox(path, create=False)
    msgs = []
    for key in box.keys():
        raw = box.get_bytes(key)
        raw = re.sub(rb'(?m)^>(>*From )', rb'\\1', raw)
        msgs.append(raw.hex())
    out[path] = msgs
print(json.dumps(out))
`;

export function readMboxWithPython(paths: string[]): Map<string, Buffer[]> {
  const out = execFileSync('python3', ['-c', PY_READ_MBOX, ...paths], {
    maxBuffer: 1024 * 1024 * 1024,
  }).toString();
  const parsed = JSON.parse(out) as Record<string, string[]>;
  return new Map(Object.entries(parsed).map(([p, list]) => [p, list.map((hex) => Buffer.from(hex, 'hex'))]));
}

/** What an mbox gives back for a message file: the same bytes, plus a final "\n" if it had none. */
export function mboxForm(file: Buffer): Buffer {
  return file.length > 0 && file[file.length - 1] === 0x0a ? file : Buffer.concat([file, Buffer.from('\n')]);
}
