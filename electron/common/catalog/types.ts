/**
 * Every statement the app makes about NetEase carries where it comes from and how sure we are,
 * so the UI can label unsure facts and let the user correct them (netease-facts.md, first rule).
 */
export type Confidence = 'high' | 'medium' | 'low';

export const CONFIDENCES = ['high', 'medium', 'low'] as const satisfies readonly Confidence[];

export interface Sourced {
  /** A file and section, e.g. 'closure-guide.zh.txt §步骤二' or 'netease-facts.md high'. */
  source: string;
  confidence: Confidence;
}

/** User-facing wording, zh-CN first; written by us, not pasted from the guide. */
export interface Text {
  'zh-CN': string;
  en: string;
}

export const GUIDE = 'closure-guide.zh.txt';
export const FACTS = 'netease-facts.md';
