/**
 * The official RongCloud Node server SDK (npm rongcloud-sdk@3.1.1), unchanged, pointed at
 * the emulator with its `api` option. It signs once at init() and reuses nonce + timestamp
 * (seconds) for every call, over http.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP } from "../testing/rongcloud-setup.js";
import { type RongCloudEmulator, startRongCloudEmulator } from "./index.js";

interface SdkResult {
  code: number | string;
  [key: string]: unknown;
}
type SdkCall = (params: Record<string, unknown>) => Promise<SdkResult>;
interface Sdk {
  User: {
    register: SdkCall;
    update: SdkCall;
    OnlineStatus: { get: SdkCall };
    Block: { add: SdkCall; getList: SdkCall };
  };
  Message: { Private: { send: SdkCall; recall: SdkCall }; Group: { send: SdkCall } };
  Group: { create: SdkCall; get: SdkCall; join: SdkCall };
}

/** The SDK's parameters for a text message from "sdk-user" to `targetId`. */
const textFromSdkUser = (targetId: string, text: string) => ({
  senderId: "sdk-user",
  targetId,
  objectName: "RC:TxtMsg",
  content: { content: text },
});

const require = createRequire(import.meta.url);
const rongcloud = require("rongcloud-sdk") as (config: {
  appkey: string;
  secret: string;
  api: string;
}) => Sdk;

let emu: RongCloudEmulator;
let sdk: Sdk;

beforeAll(async () => {
  emu = await startRongCloudEmulator({ apps: [{ ...APP }] });
  sdk = rongcloud({ appkey: APP.appKey, secret: APP.appSecret, api: emu.url });
});
afterAll(() => emu.close());

describe("official rongcloud-sdk@3.1.1 against the emulator", () => {
  it("registers a user and gets a token", async () => {
    const r = await sdk.User.register({
      id: "sdk-user",
      name: "SDK User",
      portrait: "https://p/u.png",
    });
    expect(r.code).toBe(200);
    expect(r.userId).toBe("sdk-user");
    expect(r.token).toMatch(/\.cn\.rongnav\.com;/);
    const upd = await sdk.User.update({
      id: "sdk-user",
      name: "Renamed",
      portrait: "https://p/2.png",
    });
    expect(upd.code).toBe(200);
    const online = await sdk.User.OnlineStatus.get({ id: "sdk-user" });
    expect(online).toMatchObject({ code: 200, status: "0" });
    // The SDK's headers: Nonce from Math.random, Timestamp in seconds, same for every call.
    const entries = emu.requests({ app: APP.appKey });
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => `${e.headers.nonce}|${e.headers.timestamp}`)).size).toBe(1);
    expect(entries[0]?.headers.timestamp).toMatch(/^\d{10}$/);
  });

  it("sends a private message and recalls it", async () => {
    const r = await sdk.Message.Private.send(
      textFromSdkUser("friend", "hello from the official SDK"),
    );
    expect(r.code).toBe(200);
    const uids = r.messageUIDs as { userId: string; messageUID: string }[];
    expect(uids[0]?.userId).toBe("friend");
    const stored = (
      emu.state(APP.appKey) as { messages: { uid: string; sentTime: number; content: string }[] }
    ).messages;
    const msg = stored.find((m) => m.uid === uids[0]?.messageUID);
    expect(JSON.parse(msg?.content ?? "{}")).toEqual({ content: "hello from the official SDK" });
    const recall = await sdk.Message.Private.recall({
      senderId: "sdk-user",
      targetId: "friend",
      uId: msg?.uid,
      sentTime: msg?.sentTime,
    });
    expect(recall.code).toBe(200);
  });

  it("creates a group, adds a member, lists members, sends to it", async () => {
    const c = await sdk.Group.create({
      id: "sdkgroup",
      name: "SDK Group",
      members: [{ id: "sdk-user" }, { id: "friend" }],
    });
    expect(c.code).toBe(200);
    expect(
      (await sdk.Group.join({ id: "sdkgroup", name: "SDK Group", member: { id: "third" } })).code,
    ).toBe(200);
    const g = await sdk.Group.get({ id: "sdkgroup" });
    expect(g.code).toBe(200);
    expect(g.members).toEqual([{ id: "sdk-user" }, { id: "friend" }, { id: "third" }]);
    const s = await sdk.Message.Group.send(textFromSdkUser("sdkgroup", "hi group"));
    expect(s.code).toBe(200);
  });

  it("sees the emulator's auth error through its own error mapping (1004 → 20000)", async () => {
    const bad = rongcloud({ appkey: APP.appKey, secret: "wrong-secret", api: emu.url });
    const r = await bad.User.register({ id: "x", name: "x", portrait: "p" });
    expect(r.code).toBe("20000");
    sdk = rongcloud({ appkey: APP.appKey, secret: APP.appSecret, api: emu.url }); // module-global config
  });
});
