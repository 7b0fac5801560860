/**
 * The NetEase catalog: everything the app states about NetEase, as data with sources. It is static
 * data shipped with the app: the renderer, the model and readiness import it directly.
 */
import { accountKinds } from './accounts';
import { alternatives } from './alternatives';
import { assetKinds } from './asset-kinds';
import { afterClosure, coolingOff, mailAccess } from './facts';
import { faq } from './faq';
import { faqQ3Causes, gates, SECURITY_CHANGE_WINDOW_DAYS } from './gates';
import { preparations } from './preparations';
import { risks } from './risks';
import { netEaseSenders, passportSenders, services } from './services';
import { steps } from './steps';

export const catalog = {
  version: 1,
  accountKinds,
  steps,
  risks,
  gates,
  faqQ3Causes,
  preparations,
  services,
  passportSenders,
  netEaseSenders,
  assetKinds,
  alternatives,
  faq,
  coolingOff,
  securityChangeWindowDays: SECURITY_CHANGE_WINDOW_DAYS,
  afterClosure,
  mailAccess,
} as const;

export type Catalog = typeof catalog;

export * from './types';
export * from './accounts';
export * from './steps';
export * from './risks';
export * from './gates';
export * from './preparations';
export * from './services';
export * from './asset-kinds';
export * from './alternatives';
export * from './faq';
export * from './facts';
