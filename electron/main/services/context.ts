import type { Clock } from '../../common/clock';
import type { EventSink, Handlers } from '../../common/contract';
import type { AppInfo } from '../../common/contract/app';
import type { DocumentStore } from '../vault/document-store';

/** What every core service gets from the composition root. No Electron in here. */
export interface ServiceContext {
  dataDir: string;
  clock: Clock;
  emit: EventSink;
  appInfo: AppInfo;
  /** The vault document; read and update it only while unlocked. */
  store: DocumentStore;
}

/** A slice of the core: the handlers of its channels plus optional lifecycle hooks. */
export interface Service<K extends keyof Handlers> {
  handlers: Pick<Handlers, K>;
  start?(): Promise<void> | void;
  close?(): Promise<void> | void;
}
