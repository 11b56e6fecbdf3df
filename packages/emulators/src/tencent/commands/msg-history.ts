/**
 * Download recent message records, open_msg_svc/get_history (intl 1047/34885, cn 269/1650):
 * the download address of one Beijing hour's log of one-to-one (ChatType "C2C") or group
 * ("Group") messages, within the last 7 days. 10 calls a second. The file itself is made
 * in history-file.ts and served by the emulator's download host (framework/download-host.ts).
 */
import type { ServiceCodes } from "../errors.js";
import { beijingHourStart, beijingTime, historyFile, issueLink } from "../history-file.js";
import type { RouteTable } from "../route.js";

/** 1002 is the route's documented "invalid parameter"; it takes no lists. */
export const HISTORY_CODES: ServiceCodes = { invalid: 1002, tooMany: 1002 };

export const msgHistoryRoutes: RouteTable = {
  "v4/open_msg_svc/get_history": {
    codes: HISTORY_CODES,
    rules: [{ limit: 10, window: "second" }],
    handle({ app, f, nowMs, downloadOrigin }) {
      const type = f.str("ChatType");
      if (type !== "C2C" && type !== "Group") return f.fail("ChatType must be C2C or Group");
      const msgTime = f.str("MsgTime");
      const start = beijingHourStart(msgTime);
      if (start === undefined)
        return f.fail("MsgTime must be one hour as YYYYMMDDHH (Beijing time)");
      const file = historyFile(app, type, msgTime, start, nowMs);
      const link = issueLink(app, type, msgTime, file, nowMs);
      // The emulator makes one file per ChatType and hour; Tencent may list several.
      return {
        File: [
          {
            URL: `${downloadOrigin}${link.path}`,
            ExpireTime: beijingTime(link.expiresMs),
            FileSize: file.size,
            FileMD5: file.md5,
            GzipSize: file.gz.length,
            GzipMD5: file.gzMd5,
          },
        ],
      };
    },
  },
};
