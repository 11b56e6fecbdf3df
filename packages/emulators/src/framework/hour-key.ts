// The message logs' hour key, YYYYMMDDHH in a data centre's zone (RongCloud's `date`,
// Tencent's `MsgTime`), read back to the hour it names.

/**
 * The UTC start (ms) of the hour `key` names at `utcOffsetMs` east of UTC; undefined when it
 * names no real hour (Date.UTC would roll month 13 or hour 25 over, so the parts must read
 * back unchanged).
 */
export function hourKeyStart(key: string, utcOffsetMs: number): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(key);
  if (!m) return undefined;
  const [y, mo, d, h] = m.slice(1).map(Number) as [number, number, number, number];
  const local = Date.UTC(y, mo - 1, d, h);
  const back = new Date(local);
  const real =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h;
  return real ? local - utcOffsetMs : undefined;
}
