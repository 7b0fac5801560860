/** "1.2 GB" / "1.2 GB" with Intl's unit formatting in the active language (decimal units, as disks count). */
export function formatBytes(locale: string, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

/** "1 hr, 5 min" / "1小时5分钟": the two largest units, for time left and how long a run took. */
export function formatDuration(locale: string, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const unit = (n: number, u: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts =
    h > 0
      ? [unit(h, 'hour'), unit(m, 'minute')]
      : m > 0
        ? [unit(m, 'minute'), unit(sec, 'second')]
        : [unit(sec, 'second')];
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(parts);
}
