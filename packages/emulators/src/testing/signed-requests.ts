/**
 * One real, signed, harmless request per vendor (built from the references with
 * @imgraph/signing and the demo credentials), for tests that care about the transport
 * (HTTPS, latency) rather than the API: each asks the vendor for something and succeeds.
 */
import { generateUserSig, signRongCloudRequest, signZegoRequest } from "@imgraph/signing";
import { RONGCLOUD_DEMO } from "../rongcloud/registration.js";
import { TENCENT_DEMO } from "../tencent/registration.js";
import { ZEGO_DEMO } from "../zego/registration.js";

export interface SignedRequest {
  method: "POST";
  /** Path and query, to append to the emulator's origin. */
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Whether the parsed answer is the vendor's success. */
  succeeded(answer: Record<string, unknown>): boolean;
}

/** Signed at `now` (the emulator's clock) for `vendor`'s demo app. */
export function signedRequest(vendor: string, now: number): SignedRequest {
  switch (vendor) {
    case "rongcloud":
      return {
        method: "POST",
        path: "/user/getToken.json",
        headers: {
          ...signRongCloudRequest({ ...RONGCLOUD_DEMO, now }),
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ userId: "wan", name: "WAN" }).toString(),
        succeeded: (a) => a.code === 200,
      };
    case "tencent": {
      const { sdkAppId, key, admin } = TENCENT_DEMO;
      const usersig = generateUserSig({ sdkAppId, key, userId: admin, expireSeconds: 600, now });
      const query = new URLSearchParams({
        sdkappid: String(sdkAppId),
        identifier: admin,
        usersig,
        random: "1",
        contenttype: "json",
      });
      return {
        method: "POST",
        path: `/v4/im_open_login_svc/account_import?${query}`,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ UserID: "wan" }),
        succeeded: (a) => a.ActionStatus === "OK",
      };
    }
    case "zego": {
      const { appId, serverSecret } = ZEGO_DEMO;
      const signed = signZegoRequest({ appId, serverSecret, now });
      const query = new URLSearchParams({ Action: "UserRegister", ...signed });
      return {
        method: "POST",
        path: `/?${query}`,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ UserInfo: [{ UserId: "wan" }] }),
        succeeded: (a) => a.Code === 0,
      };
    }
    default:
      throw new Error(`no signed request for vendor ${vendor}`);
  }
}
