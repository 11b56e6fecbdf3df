import { afterEach, describe, expect, it } from "vitest";
import { requestCount, value, zegoSession } from "./testing/emulator.js";

// checkAccounts over HTTP against the emulator's QueryUserInfos.
const zego = zegoSession({ rateLimits: false });
afterEach(() => zego.emulator.clearFaults());

const answers = async (ids: string[]) =>
  (await zego.adapter.checkAccounts(ids)).map((r) => [r.key, value(r)]);

describe("checkAccounts", () => {
  it("answers registered and logged-in users true, others false, in order", async () => {
    const [registered] = (await zego.users(1)) as [string];
    // A client login registers the user too (§2.1).
    const loggedIn = zego.id("login");
    zego.emulator.login({ userId: loggedIn });
    const nobody = zego.id("nobody");
    expect(await answers([nobody, registered, loggedIn])).toEqual([
      [nobody, false],
      [registered, true],
      [loggedIn, true],
    ]);
  });

  it("answers false for all when none exists (Code 660700015, with or without ErrorList)", async () => {
    const ghosts = [zego.id("ghost"), zego.id("ghost")];
    expect(await answers(ghosts)).toEqual(ghosts.map((g) => [g, false]));
    // Whether ZIM fills ErrorList with that Code is unverified: without it, all are false too.
    zego.emulator.addFault({
      route: "zim:QueryUserInfos",
      kind: "vendor-error",
      code: 660700015,
      times: 1,
    });
    expect(await answers(ghosts)).toEqual(ghosts.map((g) => [g, false]));
  });

  it("fails each user with any other refusal of the call", async () => {
    const [u] = (await zego.users(1)) as [string];
    zego.emulator.addFault({ route: "zim:QueryUserInfos", kind: "vendor-error", code: 660000002 });
    const [result] = await zego.adapter.checkAccounts([u]);
    expect(result).toMatchObject({
      key: u,
      ok: false,
      error: { code: "VENDOR_REJECTED", vendorCode: "660000002" },
    });
  });

  it("checks 100 users a call and accepts ids up to QueryUserInfos' 64 bytes", async () => {
    const known = await zego.users(3);
    const long = "L".repeat(64);
    const ids = [...known, ...Array.from({ length: 101 }, () => zego.id("n")), long];
    zego.emulator.clearRequests();
    const results = await zego.adapter.checkAccounts(ids);
    expect(results.map((r) => r.key)).toEqual(ids);
    expect(results.filter((r) => value(r)).map((r) => r.key)).toEqual(known);
    const sent = zego.emulator
      .requests({ route: "zim:QueryUserInfos" })
      .map((r) => (JSON.parse(r.body) as { UserIds: string[] }).UserIds.length);
    expect(sent.sort((a, b) => b - a)).toEqual([100, 5]);
  });

  it("refuses bad input without a vendor call", async () => {
    const before = requestCount(zego.emulator);
    await expect(zego.adapter.checkAccounts([])).rejects.toMatchObject({ field: "userIds" });
    await expect(zego.adapter.checkAccounts(["ok", "L".repeat(65)])).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "userIds[1]",
      message: /64 bytes/,
    });
    await expect(zego.adapter.checkAccounts(["bad/id"])).rejects.toMatchObject({
      field: "userIds[0]",
    });
    expect(requestCount(zego.emulator)).toBe(before);
  });
});
