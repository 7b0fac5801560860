/**
 * Intl formatting for the active language. Pure functions of (locale, value) so they are easy to
 * test; `useFormat()` binds them to the current vue-i18n locale.
 */
import type { Locale } from './types';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatPercent(locale: Locale, fraction: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** How many minor units a currency has (CNY 2, JPY 0), from Intl rather than a table of ours. */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** The currency's name in the language ("人民币", "Chinese Yuan"), not its ISO code. */
export function currencyName(locale: Locale, code: string): string {
  return new Intl.DisplayNames(locale, { type: 'currency' }).of(code) ?? code;
}

/** Money is stored as integer minor units; only display divides. */
export function formatMoney(locale: Locale, minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

export function formatDate(locale: Locale, at: number | string | Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(at));
}

/** A calendar day given as YYYY-MM-DD (the burndown's local days): "3月5日" / "Mar 5", no time zone shift. */
export function formatDay(locale: Locale, isoDay: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );
}

export function formatDateTime(locale: Locale, at: number | string | Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/** As formatDateTime, with seconds: for saves that can be minutes or seconds apart. */
export function formatDateTimeSeconds(locale: Locale, at: number | string | Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(at));
}

/** "in 3 days", "2 hours ago": picks the largest unit that is at least one. */
export function formatRelative(locale: Locale, target: number, now: number): string {
  const diff = target - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (abs >= DAY) return rtf.format(Math.trunc(diff / DAY), 'day');
  if (abs >= HOUR) return rtf.format(Math.trunc(diff / HOUR), 'hour');
  return rtf.format(Math.trunc(diff / MINUTE), 'minute');
}

export interface CountdownParts {
  days: number;
  hours: number;
  minutes: number;
  /** The target has passed. */
  done: boolean;
}

export function countdownParts(target: number, now: number): CountdownParts {
  const left = Math.max(0, target - now);
  return {
    days: Math.floor(left / DAY),
    hours: Math.floor((left % DAY) / HOUR),
    minutes: Math.floor((left % HOUR) / MINUTE),
    done: target <= now,
  };
}

/** "12 days 3 hours" / "12天3小时", using Intl unit formatting for each part. */
export function formatCountdown(locale: Locale, target: number, now: number): string {
  const p = countdownParts(target, now);
  const unit = (n: number, u: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);
  const parts =
    p.days > 0
      ? [unit(p.days, 'day'), unit(p.hours, 'hour')]
      : [unit(p.hours, 'hour'), unit(p.minutes, 'minute')];
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(parts);
}
