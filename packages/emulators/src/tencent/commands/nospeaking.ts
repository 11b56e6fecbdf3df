/**
 * Global mutes, service openconfigsvr (tencent.md §3.5; docs/vendors/tencent.md "Social
 * graph and user depth" §18). setnospeaking: 130004 Set_Account missing, 130005 invalid
 * (also an account never imported: unverified), 130008 neither time given. getnospeaking
 * has its own pair (查询全局禁言's table): 130002 Get_Account missing, 130003 invalid.
 */
import { CONFIG_CODES, TimError } from "../errors.js";
import { type Fields, UINT32_MAX } from "../fields.js";
import type { RouteTable } from "../route.js";
import type { AppState } from "../state.js";

/** Stored absolute end second → the value setnospeaking took (remaining seconds). */
function remaining(until: number, now: number): number {
  if (until === UINT32_MAX) return UINT32_MAX;
  return Math.max(0, until - now);
}

function until(seconds: number, now: number): number {
  if (seconds === 0) return 0;
  return seconds === UINT32_MAX ? UINT32_MAX : now + seconds;
}

/** The imported account a field names, or the call's code for a missing or unknown one. */
function named(app: AppState, f: Fields, field: string, missing: number, invalid: number) {
  const id = f.str(field, missing);
  const acc = app.accounts.get(id);
  if (!acc) throw new TimError(invalid, `${field} ${id} is invalid (not imported)`);
  return acc;
}

export const nospeakingRoutes: RouteTable = {
  "v4/openconfigsvr/setnospeaking": {
    codes: CONFIG_CODES,
    handle({ app, f, now }) {
      const acc = named(app, f, "Set_Account", 130004, 130005);
      const c2c = f.optInt("C2CmsgNospeakingTime", undefined, UINT32_MAX);
      const group = f.optInt("GroupmsgNospeakingTime", undefined, UINT32_MAX);
      if (c2c === undefined && group === undefined) {
        throw new TimError(130008, "C2CmsgNospeakingTime or GroupmsgNospeakingTime is required");
      }
      if (c2c !== undefined) acc.c2cMuteUntil = until(c2c, now);
      if (group !== undefined) acc.groupMuteUntil = until(group, now);
      return undefined;
    },
  },
  "v4/openconfigsvr/getnospeaking": {
    codes: CONFIG_CODES,
    handle({ app, f, now }) {
      const acc = named(app, f, "Get_Account", 130002, 130003);
      // Remaining seconds (0 once expired): mutes end by themselves.
      return {
        C2CmsgNospeakingTime: remaining(acc.c2cMuteUntil, now),
        GroupmsgNospeakingTime: remaining(acc.groupMuteUntil, now),
      };
    },
  },
};

/** True while a global mute (C2C or group) is in force. */
export function isMuted(untilSecond: number, now: number): boolean {
  return untilSecond === UINT32_MAX || untilSecond > now;
}
