/**
 * The one place a window is constructed, with the one set of secure webPreferences: the main window
 * (window.ts) and the print window (pdf.ts) both open through `openSecureWindow`. The preferences
 * are a literal at the `new BrowserWindow` site because Electronegativity reads only that literal;
 * a window may add only what `WindowExtras` allows, never loosen one of them.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** What a window may add to the secure preferences. */
export interface WindowExtras {
  /** The main window's preload; the print window has none. */
  preload?: string;
  /** The print window's own locked-down session. */
  session?: Session;
  /** false for the print window: its document needs no script. */
  javascript?: boolean;
  /** DevTools only in development; a packaged app never opens them. */
  devTools?: boolean;
}

export function openSecureWindow(
  BrowserWindow: BrowserWindowConstructor,
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  extras: WindowExtras,
): BrowserWindow {
  const { preload, session, javascript, devTools } = extras;
  return new BrowserWindow({
    ...options,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would open links in a new window; the open handler denies those anyway.
      disableBlinkFeatures: 'Auxclick',
      devTools: devTools === true,
      ...(javascript === undefined ? {} : { javascript }),
      ...(session === undefined ? {} : { session }),
      ...(preload === undefined ? {} : { preload }),
    },
  });
}
