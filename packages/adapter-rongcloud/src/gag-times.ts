import { parseWallClock } from "@imgraph/core";
import { GAG_MAX_MINUTES } from "./limits.js";
import { type RongCloudRegion, regionUtcOffsetMinutes } from "./options.js";

/** One entry of /group/user/gag/list.json: `time` is when the gag ends. */
export interface GagEntry {
  userId?: unknown;
  time?: unknown;
  startTime?: unknown;
}

/** Slack beyond the longest finite gag before an end is read as "never". */
const DAY_MS = 86_400_000;

/**
 * When a gag ends, or null when it lasts until lifted. A permanent gag (minute 0) has no
 * documented end time (the emulator writes 9999-12-31): an end the time cannot be, further
 * than the longest finite gag (30 days) from now or from its start, means permanent.
 */
export function gagEnd(entry: GagEntry, region: RongCloudRegion, now = Date.now()): Date | null {
  const offset = regionUtcOffsetMinutes(region);
  const end = parseWallClock(entry.time, offset);
  if (!end) return null;
  const start = parseWallClock(entry.startTime, offset)?.getTime() ?? now;
  const longest = GAG_MAX_MINUTES * 60_000 + DAY_MS;
  return end.getTime() - Math.min(start, now) > longest ? null : end;
}
