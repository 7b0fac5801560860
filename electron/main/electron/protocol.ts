/**
 * The app:// scheme in Electron: registered as privileged before ready, then answered by the one
 * Electron-free handler of electron/main/app-protocol.ts.
 */
import type { Protocol } from 'electron';
import { APP_SCHEME, createAppRequestHandler } from '../app-protocol';

/**
 * Must run before `app.whenReady()`: a standard scheme gets an origin (so 'self' in the CSP and
 * localStorage work) and a secure one counts as a secure context. No CSP bypass, no CORS.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root));
}
