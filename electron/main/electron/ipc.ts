/**
 * The only importer of ipcMain. Each contract channel gets one `ipcMain.handle`: the sender must be
 * our own app:// main frame, then the shared validating dispatcher takes over. Core events go to
 * every window showing our page. Errors cross as Result data, never as rejections.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels, type ChannelName } from '../../common/contract';
import { err, type Result } from '../../common/result';
import type { Core } from '../core';
import { APP_ORIGIN } from '../app-protocol';

export interface IpcOptions {
  /** Web contents that receive core events (index.ts: every window's). */
  targets: () => readonly WebContents[];
  /** Origins whose main frame may call in; app://closeout always, a dev server in development. */
  trustedOrigins?: readonly string[];
}

function hasTrustedOrigin(url: string, origins: readonly string[]): boolean {
  return origins.some((origin) => url.startsWith(`${origin}/`));
}

/** Only our page's top frame may call: never a subframe, never a page it navigated to. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
  origins: readonly string[] = [APP_ORIGIN],
): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  let main;
  try {
    main = event.sender.mainFrame;
  } catch {
    return false; // destroyed while the call was in flight
  }
  const isMain = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  return isMain && hasTrustedOrigin(frame.url, origins);
}

export type IpcInvoke = (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>>;

/** The function behind every `ipcMain.handle(channel, ...)`; exported for the tests. */
export function createInvokeHandler(
  core: Pick<Core, 'dispatch'>,
  channel: ChannelName,
  origins: readonly string[],
): IpcInvoke {
  return async (event, input) => {
    if (!isTrustedSender(event, origins)) {
      return err('ipc.forbidden-sender', 'The caller is not the Closeout window');
    }
    return core.dispatch(channel, input);
  };
}

/** Registers every channel and forwards core events; returns a function that undoes both. */
export function registerIpc(core: Pick<Core, 'dispatch' | 'onEvent'>, options: IpcOptions): () => void {
  const origins = options.trustedOrigins ?? [APP_ORIGIN];
  const names = Object.keys(channels) as ChannelName[];
  for (const name of names) ipcMain.handle(name, createInvokeHandler(core, name, origins));

  const stop = core.onEvent((event, payload) => {
    for (const contents of options.targets()) {
      if (contents.isDestroyed() || !hasTrustedOrigin(contents.getURL(), origins)) continue;
      contents.send(event, payload);
    }
  });

  return () => {
    stop();
    for (const name of names) ipcMain.removeHandler(name);
  };
}
