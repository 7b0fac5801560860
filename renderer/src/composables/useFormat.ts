import { useI18n } from 'vue-i18n';
import * as f from '../i18n/format';
import { isLocale, type Locale } from '../i18n/types';

export function useFormat() {
  const { locale } = useI18n();
  const loc = (): Locale => (isLocale(locale.value) ? locale.value : 'zh-CN');
  return {
    number: (v: number) => f.formatNumber(loc(), v),
    percent: (v: number) => f.formatPercent(loc(), v),
    currencyName: (code: string) => f.currencyName(loc(), code),
    money: (minor: number, currency: string) => f.formatMoney(loc(), minor, currency),
    date: (at: number | string | Date) => f.formatDate(loc(), at),
    day: (isoDay: string) => f.formatDay(loc(), isoDay),
    dateTime: (at: number | string | Date) => f.formatDateTime(loc(), at),
    dateTimeSeconds: (at: number | string | Date) => f.formatDateTimeSeconds(loc(), at),
    relative: (target: number, now: number) => f.formatRelative(loc(), target, now),
    countdown: (target: number, now: number) => f.formatCountdown(loc(), target, now),
  };
}
