/**
 * The one Content-Security-Policy of the renderer: sent as a header by the app:// protocol handler
 * (electron/main/app-protocol.ts) and repeated in renderer/index.html's meta tag, so the page is locked
 * down even where it is served by something else (the test harness).
 *
 * Scripts only from the app itself, never inline. Styles allow 'unsafe-inline' because Naive UI and
 * vue-echarts inject <style> tags at run time. No remote origin anywhere: nothing leaves the machine.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
