import type { Session } from 'electron';
import { openSecureWindow, type BrowserWindowConstructor } from './web-preferences';

/** In-memory partition (no `persist:`): the print window shares nothing with the app's session. */
export const PRINT_PARTITION = 'closeout-print';

// Chromium refuses URLs longer than 2 MiB (url::kMaxURLChars).
const MAX_URL_CHARS = 2 * 1024 * 1024;

const hardened = new WeakSet<Session>();

/** The print session loads the one data: document and nothing else; every permission denied. */
export function hardenPrintSession(session: Session): void {
  if (hardened.has(session)) return;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({
      cancel: !(details.resourceType === 'mainFrame' && details.url.startsWith('data:text/html;')),
    });
  });
  hardened.add(session);
}

export type { BrowserWindowConstructor };

/**
 * Renders a self-contained HTML document (no scripts, no remote resources) to PDF in a hidden,
 * script-less, sandboxed window on its own locked-down session.
 */
export async function printHtmlToPdf(
  Window: BrowserWindowConstructor,
  session: Session,
  html: string,
): Promise<Uint8Array> {
  // base64 rather than percent-encoding: Chinese text would triple in length.
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  if (url.length > MAX_URL_CHARS) throw new Error('The document is too large to print');
  hardenPrintSession(session);
  const win = openSecureWindow(Window, { show: false }, { session, javascript: false });
  try {
    await win.loadURL(url);
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    win.destroy();
  }
}
