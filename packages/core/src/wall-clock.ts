// Vendors read and answer some times as wall-clock text in their data centre's zone
// (RongCloud's "YYYY-MM-DD HH:MM:SS" mute ends, the message logs' hours as YYYYMMDDHH,
// Tencent's log ExpireTime in Beijing time).

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * "YYYY-MM-DD HH:MM:SS" at `utcOffsetMinutes` east of UTC (480 for Beijing) as an instant;
 * null when the value is not such a text.
 */
export function parseWallClock(value: unknown, utcOffsetMinutes: number): Date | null {
  if (typeof value !== "string") return null;
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, ...number[]];
  const utc = Date.UTC(y, (mo as number) - 1, d, h, mi, s);
  return new Date(utc - utcOffsetMinutes * 60_000);
}

/** The hour holding `at` as YYYYMMDDHH at `utcOffsetMinutes` east of UTC (the message logs' key). */
export function hourKey(at: Date, utcOffsetMinutes: number): string {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  return local.toISOString().slice(0, 13).replace(/[-T]/g, "");
}
