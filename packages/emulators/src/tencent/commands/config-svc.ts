/**
 * Server addresses, service ConfigSvc: GetIPList (intl doc 1047/36742, cn doc 269/45438).
 * `nettype` is a query parameter beside sdkappid/identifier/usersig (the documented
 * sample URL), the body is `{}`; the answer is `IPList`, IPs or CIDR ranges.
 */
import type { ServiceCodes } from "../errors.js";
import { TimError } from "../errors.js";
import { ipList, isNetType } from "../ip-lists.js";
import type { RouteTable } from "../route.js";

/**
 * The page names only the public codes (60000-79999); a bad nettype gets the public
 * "invalid parameters" code, 70402 (tencent.md §2.5). Which code Tencent really answers
 * is unverified.
 */
const CONFIG_SVC_CODES: ServiceCodes = { invalid: 70402, tooMany: 70206 };

export const configSvcRoutes: RouteTable = {
  "v4/ConfigSvc/GetIPList": {
    codes: CONFIG_SVC_CODES,
    handle({ app, query }) {
      const raw = query.get("nettype");
      // Older versions of the page had no nettype and one list: absent = 0, all servers
      // (unverified for the current API).
      const netType = raw === null ? 0 : /^\d$/.test(raw) ? Number(raw) : Number.NaN;
      if (!isNetType(netType)) {
        throw new TimError(
          CONFIG_SVC_CODES.invalid,
          `nettype must be an integer from 0 to 6, not ${JSON.stringify(raw)}`,
        );
      }
      return { IPList: ipList(app, netType) };
    },
  },
};
