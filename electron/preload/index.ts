/**
 * Sandboxed preload: exposes `window.closeout` and nothing else. Its methods come from the one
 * bridge factory (electron/common/contract/bridge.ts), derived from the contract, so the renderer
 * can call exactly what main handles. Listeners receive only the payload, never the
 * IpcRendererEvent (which would hand out `sender`).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CloseoutApi } from '../common/contract';
import { createBridge } from '../common/contract/bridge';
import { err } from '../common/result';

export function buildApi(): CloseoutApi {
  return createBridge({
    // A failed invoke (main gone, payload not cloneable) becomes a Result like every other failure.
    invoke: (name, input) =>
      ipcRenderer.invoke(name, input).catch(() => err('ipc.unavailable', 'The main process did not answer')),
    on: (event, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  });
}

contextBridge.exposeInMainWorld('closeout', buildApi());
