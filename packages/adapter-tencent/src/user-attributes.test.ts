// User attributes (custom profile fields) beyond the shared contract, over HTTP.
import { describe, expect, it } from "vitest";
import {
  adapterFor,
  emulatorWithAdapter,
  SDK_APP_ID,
  startEmulator,
  uid,
} from "./testing/emulator.js";

const env = emulatorWithAdapter({ userAttributes: ["level", "city"] });

const users = (count: number) => env.seedUsers(count, "a");
const calls = (command: string) => env.emulator.requests({ route: `v4/profile/${command}` }).length;

describe("user attributes", () => {
  it("refuses keys options.userAttributes does not declare, before any call", async () => {
    const [u] = users(1) as [string];
    const before = calls("portrait_set");
    await expect(
      env.adapter.setUserAttributes({ userId: u, attributes: { level: "1", hobby: "x" } }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "attributes.hobby" });
    await expect(
      env.adapter.removeUserAttributes({ userId: u, keys: ["city", "hobby"] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "keys[1]" });
    expect(calls("portrait_set")).toBe(before);
  });

  it("reads 100 users a call, the declared fields only; unknown users are NOT_FOUND items", async () => {
    const ids = users(130);
    await env.adapter.setUserAttributes({ userId: ids[5] as string, attributes: { city: "SZ" } });
    const ghost = uid("ghost");
    const before = calls("portrait_get");
    const answers = await env.adapter.getUserAttributes([...ids, ghost]);
    expect(calls("portrait_get") - before).toBeGreaterThanOrEqual(2);
    expect(answers.map((r) => r.key)).toEqual([...ids, ghost]);
    expect(answers[5]).toMatchObject({ ok: true, value: { city: "SZ" } });
    expect(answers[6]).toMatchObject({ ok: true, value: {} });
    expect(answers[130]).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const last = env.emulator.requests({ route: "v4/profile/portrait_get", limit: 1 })[0];
    expect(JSON.parse(String(last?.body)).TagList).toEqual([
      "Tag_Profile_Custom_level",
      "Tag_Profile_Custom_city",
    ]);
  });

  it("a field the console lacks is VENDOR_REJECTED with 40009", async () => {
    const emulator = await startEmulator({ customProfileTags: ["Tag_Profile_Custom_level"] });
    const adapter = adapterFor([emulator.url], { userAttributes: ["level", "city"] });
    try {
      const u = uid("c");
      emulator.seed({ app: SDK_APP_ID, accounts: [u] });
      await adapter.setUserAttributes({ userId: u, attributes: { level: "2" } });
      await expect(
        adapter.setUserAttributes({ userId: u, attributes: { city: "SZ" } }),
      ).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "40009" });
    } finally {
      await adapter.close();
      await emulator.close();
    }
  });

  it("without options.userAttributes the operations are refused; a key may not name extraProfileTag", async () => {
    const plain = adapterFor([env.emulator.url]);
    try {
      await expect(plain.getUserAttributes(["u"])).rejects.toMatchObject({
        code: "UNSUPPORTED_BY_VENDOR",
      });
    } finally {
      await plain.close();
    }
    expect(() =>
      adapterFor([env.emulator.url], {
        extraProfileTag: "Tag_Profile_Custom_extra",
        userAttributes: ["level", "extra"],
      }),
    ).toThrow(/userAttributes/);
    expect(() => adapterFor([env.emulator.url], { userAttributes: ["no-dash"] })).toThrow(
      /userAttributes/,
    );
  });
});
