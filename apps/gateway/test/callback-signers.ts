import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { findEmulator, RONGCLOUD_DEMO, TENCENT_DEMO, ZEGO_DEMO } from "@imgraph/emulators";
import {
  signRongCloudCallback,
  tencentCallbackSign,
  zegoCallbackSignature,
} from "@imgraph/signing";

/** The demo app's callback secret, as the emulator registry publishes it. */
export function demoSecret(vendor: string, key: string): string {
  const value = findEmulator(vendor)?.demo[key];
  if (!value) throw new Error(`no demo ${key} for ${vendor}`);
  return value;
}

/** Signed callbacks built by hand, as each vendor sends them (the references' §3/§4/§5). */
export const vendors = {
  rongcloud: {
    sign(now = Date.now(), nonce?: string, secret: string = RONGCLOUD_DEMO.appSecret) {
      const q = signRongCloudCallback({
        appKey: RONGCLOUD_DEMO.appKey,
        appSecret: secret,
        now,
        ...(nonce ? { nonce } : {}),
      });
      return { query: new URLSearchParams({ ...q }), extra: {} as Record<string, unknown> };
    },
    forge(q: URLSearchParams) {
      q.set("signature", "0".repeat(40));
    },
    body: (userId: string) => ({
      type: "application/json",
      text: JSON.stringify([
        {
          userid: userId,
          status: "0",
          os: "iOS",
          time: Date.now(),
          clientIp: "1.2.3.4:5",
          sessionId: "s",
        },
      ]),
    }),
    malformed: { type: "application/json", text: "[{not json" },
  },
  tencent: {
    sign(
      now = Date.now(),
      _nonce?: string,
      secret: string = demoSecret("tencent", "callbackToken"),
    ) {
      const t = String(Math.floor(now / 1000));
      const query = new URLSearchParams({
        SdkAppid: String(TENCENT_DEMO.sdkAppId),
        CallbackCommand: "State.StateChange",
        contenttype: "json",
        RequestTime: t,
        Sign: tencentCallbackSign(secret, t),
      });
      return { query, extra: {} as Record<string, unknown> };
    },
    forge(q: URLSearchParams) {
      q.set("Sign", "0".repeat(64));
    },
    body: (userId: string) => ({
      type: "application/json",
      text: JSON.stringify({
        CallbackCommand: "State.StateChange",
        EventTime: Date.now(),
        Info: { To_Account: userId, Action: "Login", Reason: "Register" },
      }),
    }),
    malformed: { type: "application/json", text: JSON.stringify({ Info: { Action: "Fly" } }) },
  },
  zego: {
    sign(
      now = Date.now(),
      nonce = String(Math.floor(Math.random() * 1e9)),
      secret: string = demoSecret("zego", "callbackSecret"),
    ) {
      const timestamp = String(Math.floor(now / 1000));
      return {
        query: new URLSearchParams(),
        extra: {
          appid: String(ZEGO_DEMO.appId),
          timestamp,
          nonce,
          signature: zegoCallbackSignature(secret, timestamp, nonce),
        } as Record<string, unknown>,
      };
    },
    forge(_q: URLSearchParams, extra?: Record<string, unknown>) {
      if (extra) extra.signature = "0".repeat(40);
    },
    body: (userId: string) => ({
      type: "application/json",
      text: JSON.stringify({ event: "user_action", user_id: userId, action: 0 }),
    }),
    malformed: { type: "application/json", text: JSON.stringify({ event: "send_msg" }) },
  },
} as const;

export type Vendor = keyof typeof vendors;
export type Signed = { query: URLSearchParams; extra: Record<string, unknown> };

export interface PostOptions {
  /** The local address to send from (another loopback address plays an outside host). */
  from?: string;
  /** TLS: the CA to trust for the listener, and the client certificate to present. */
  tls?: { ca: string; cert?: string; key?: string };
  headers?: Record<string, string>;
}

/** POSTs a callback the way the vendor does, over node's own HTTP(S) client. */
export function postCallback(
  origin: string,
  app: Vendor,
  signed: Signed,
  body: { type: string; text: string },
  options: PostOptions = {},
): Promise<{ status: number; text: string }> {
  // ZEGO signs inside the body: merge the signature fields into it.
  const text =
    app === "zego" ? JSON.stringify({ ...signed.extra, ...JSON.parse(body.text) }) : body.text;
  const url = new URL(`/webhooks/${app}?${signed.query}`, origin);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: "POST",
        headers: { "content-type": body.type, ...options.headers },
        agent: false,
        ...(options.from ? { localAddress: options.from } : {}),
        ...(options.tls
          ? {
              ca: options.tls.ca,
              ...(options.tls.cert ? { cert: options.tls.cert, key: options.tls.key } : {}),
            }
          : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}
