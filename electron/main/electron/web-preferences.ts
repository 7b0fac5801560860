/**
 * The one source of the secure webPreferences: the main window (window.ts) and the print window
 * (pdf.ts) both start from these.
 */
import type { WebPreferences } from 'electron';

/**
 * Every window gets exactly these (plus its preload, or its own session). createMainWindow spells
 * them out again as a literal because Electronegativity reads only the literal at the
 * `new BrowserWindow` site; the window test asserts the constructed window's preferences equal this
 * constant, so the two cannot drift. The print window spreads it.
 */
export const SECURE_WEB_PREFERENCES = {
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
} as const satisfies WebPreferences;
