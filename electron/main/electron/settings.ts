/**
 * Preferences that are harmless to lose: window bounds, locale, a notice already shown. They live in electron-store
 * (a plain JSON file under userData); anything that matters lives in the encrypted vault instead.
 * Every read is validated, so a hand-edited or half-written file degrades to the default.
 */
import ElectronStore from 'electron-store';
import { z } from 'zod';
import { localeSchema, type Locale } from '../../common/locale';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Settings {
  windowState(): WindowState | null;
  setWindowState(state: WindowState): void;
  /** null until the user picks one: the renderer then follows the OS language. */
  locale(): Locale | null;
  /** null forgets the choice. */
  setLocale(locale: Locale | null): void;
  /** The "closing hides to the tray" notice was shown once already. */
  trayNoticeShown(): boolean;
  setTrayNoticeShown(): void;
}

/** The part of electron-store (or any key-value store) the settings use. */
export interface PreferenceStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function createPreferenceStore(cwd?: string): PreferenceStore {
  const store = new ElectronStore<Record<string, unknown>>({
    name: 'preferences',
    // Harmless to lose by definition: an unparsable file is replaced, never a reason not to start.
    clearInvalidConfig: true,
    ...(cwd === undefined ? {} : { cwd }),
  });
  return { get: (key) => store.get(key), set: (key, value) => store.set(key, value) };
}

function read<T>(store: PreferenceStore, key: string, schema: z.ZodType<T>): T | null {
  const parsed = schema.safeParse(store.get(key));
  return parsed.success ? parsed.data : null;
}

export function createSettings(store: PreferenceStore = createPreferenceStore()): Settings {
  return {
    windowState: () => read(store, 'windowState', windowStateSchema),
    setWindowState: (state) => store.set('windowState', windowStateSchema.parse(state)),
    locale: () => read(store, 'locale', localeSchema),
    setLocale: (locale) => store.set('locale', localeSchema.nullable().parse(locale)),
    trayNoticeShown: () => read(store, 'trayNoticeShown', z.boolean()) ?? false,
    setTrayNoticeShown: () => store.set('trayNoticeShown', true),
  };
}
