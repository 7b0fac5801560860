/**
 * The composition root, free of Electron: main/index.ts injects Electron adapters, the harness and
 * the tests inject Node ones. Each domain is a service contributing the handlers of its channels.
 */
import { systemClock, type Clock } from '../common/clock';
import type { EventName, EventPayload, Handlers } from '../common/contract';
import type { AppInfo } from '../common/contract/app';
import { createDispatcher, type Dispatch, type DispatchLog } from './dispatch';
import { createAppService } from './services/app-service';
import type { Service, ServiceContext } from './services/context';

export interface CoreOptions {
  dataDir: string;
  appInfo: AppInfo;
  clock?: Clock;
  log?: DispatchLog;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  onEvent(listener: CoreEventListener): () => void;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const listeners = new Set<CoreEventListener>();
  const ctx: ServiceContext = {
    dataDir: options.dataDir,
    clock: options.clock ?? systemClock,
    appInfo: options.appInfo,
    emit: (event, payload) => {
      for (const l of listeners) l(event, payload);
    },
  };

  const services: Service<keyof Handlers>[] = [];
  const add = <K extends keyof Handlers>(s: Service<K>): Pick<Handlers, K> => {
    services.push(s as unknown as Service<keyof Handlers>);
    return s.handlers;
  };

  const handlers: Handlers = {
    ...add(createAppService(ctx)),
  };

  return {
    handlers,
    dispatch: createDispatcher(handlers, options.log),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      for (const s of services) await s.start?.();
    },
    async close() {
      for (const s of [...services].reverse()) await s.close?.();
      listeners.clear();
    },
  };
}
