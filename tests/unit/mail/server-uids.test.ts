import type { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { serverUids } from '../../../electron/main/mail/folder-export';
import { AppFailure } from '../../../electron/common/result';

/** A session whose `search` answers like imapflow's does: a list, or `false` instead of an error. */
function session(answer: number[] | false, usable: boolean): ImapFlow {
  return { usable, search: () => Promise.resolve(answer) } as unknown as ImapFlow;
}

async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFailure) return e;
  }
  throw new Error('expected an AppFailure');
}

describe('serverUids', () => {
  it('sorts the UIDs the server lists', async () => {
    expect([...(await serverUids(session([9, 2, 5], true), 3))]).toEqual([2, 5, 9]);
  });

  // imapflow answers `false` when the folder is no longer selected (the connection dropped between
  // SELECT and SEARCH): read as "empty", the folder was finished unfetched (issue 19, seen with
  // three connections when the server was killed).
  it('fails as a lost connection, never as an empty folder, when the session dropped', async () => {
    expect((await failureOf(serverUids(session(false, false), 107))).code).toBe('mail.connection-lost');
  });

  it('fails as a refusal when the server refused the search', async () => {
    expect((await failureOf(serverUids(session(false, true), 107))).code).toBe('mail.server-refused');
  });
});
