import { channels, isChannelName, type Handlers } from '../common/contract';
import { AppFailure, err, type Result } from '../common/result';
import { isErrorCode } from '../common/errors';

export interface DispatchLog {
  /** Called with the channel and the error code only: arguments may hold secrets and are never logged. */
  warn(message: string): void;
}

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The one validating dispatcher, shared by ipc.ts (Electron) and the harness bridge (WebSocket):
 * unknown channel, malformed arguments and throwing handlers all become `{ok:false}` with a stable
 * code; nothing thrown crosses, no stack trace leaves main.
 */
export function createDispatcher(handlers: Handlers, log: DispatchLog = { warn: () => {} }): Dispatch {
  return async (channel, input) => {
    if (!isChannelName(channel)) {
      return err('ipc.unknown-channel', 'Unknown channel');
    }
    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) {
      log.warn(`${channel}: invalid arguments`);
      return err('ipc.invalid-arguments', `Invalid arguments for ${channel}`, {
        issues: parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`)
          .join('; '),
      });
    }
    try {
      const handler = handlers[channel] as (args: unknown) => Promise<Result<unknown>> | Result<unknown>;
      const result = await handler(parsed.data);
      if (!result || typeof result !== 'object' || typeof (result as { ok?: unknown }).ok !== 'boolean') {
        log.warn(`${channel}: handler returned a non-Result`);
        return err('ipc.internal', 'The handler returned an invalid result');
      }
      return result;
    } catch (e) {
      if (e instanceof AppFailure && isErrorCode(e.code)) {
        return err(e.code, e.message, e.params);
      }
      log.warn(`${channel}: handler threw ${e instanceof Error ? e.name : typeof e}`);
      return err('ipc.internal', 'An internal error occurred');
    }
  };
}
