/**
 * The archive indexer, run in a worker thread so reading and parsing thousands of messages never
 * blocks main's event loop (IPC, reminders). One bad file becomes a `broken` entry; nothing stops
 * the run but an unreadable backup.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { entryOf, mailboxes, parseMessage, searchableBody } from './entry';
import { IndexBuilder, transferables } from './search-index';
import { writeCache } from './cache';
import { addressWords, words } from './tokenize';
import type { IndexWorkerInput, IndexWorkerMessage } from './index-protocol';

async function run(input: IndexWorkerInput): Promise<void> {
  const post = (m: IndexWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
  const builder = new IndexBuilder();
  const total = input.folders.length;
  let lastPost = 0;
  for (let i = 0, at = 0; i < total; i++) {
    const end = input.paths.indexOf('\u0000', at);
    const f = { folder: input.folders[i]!, path: input.paths.slice(at, end) };
    at = end + 1;
    let data: Uint8Array;
    try {
      data = await readFile(join(input.maildir, f.path));
    } catch {
      // Gone since the listing (or unreadable): listed as an empty broken message, never fatal.
      data = new Uint8Array(0);
    }
    const email = await parseMessage(data);
    const entry = entryOf(email, data, f.folder, f.path);
    builder.add(entry, {
      from: email ? addressWords(mailboxes(email.from)) : words(entry.fromName),
      to: email ? addressWords([...mailboxes(email.to), ...mailboxes(email.cc)]) : [],
      subject: words(entry.subject),
      body: words(searchableBody(email)),
    });
    const now = Date.now();
    if (now - lastPost > 100 || i === total - 1) {
      lastPost = now;
      post({ type: 'progress', done: i + 1, total });
    }
  }
  const index = builder.finish();
  if (input.cache)
    await writeCache(input.cache.root, {
      signature: input.cache.signature,
      stamps: input.cache.stamps,
      index,
    });
  post({ type: 'done', index }, transferables(index));
}

if (parentPort) {
  run(workerData as IndexWorkerInput).catch((e: unknown) => {
    parentPort!.postMessage({
      type: 'error',
      message: e instanceof Error ? e.message : String(e),
    } satisfies IndexWorkerMessage);
  });
}
