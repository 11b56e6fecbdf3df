import { describe, expect, it } from "vitest";
import { findEmulator } from "../registry.js";
import { controlRequest } from "../testing/control.js";
import { ADMIN, type Body, KEY, ok, SDK_APP_ID, timClient, useTencent } from "./test-support.js";

const fx = useTencent();
const control = (method: string, path: string, body?: unknown) =>
  controlRequest(fx.emu.url, method, path, body);

describe("control API", () => {
  it("seeds accounts and groups that the REST API then sees", async () => {
    const r = await control("POST", "seed", {
      accounts: ["a", { userId: "b", nick: "Bee" }],
      groups: [
        {
          groupId: "team",
          type: "Public",
          name: "Team",
          owner: "a",
          members: ["b", { account: "c", role: "Admin" }],
        },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.result).toEqual([
      { app: SDK_APP_ID, imported: ["a", "b", "c"], groups: ["team"] },
    ]);
    const info = ok(
      await fx.tim.call("group_open_http_svc/get_group_member_info", { GroupId: "team" }),
    );
    expect(info.MemberList.map((m: Body) => `${m.Member_Account}:${m.Role}`)).toEqual([
      "a:Owner",
      "b:Member",
      "c:Admin",
    ]);
    const p = ok(
      await fx.tim.call("profile/portrait_get", {
        To_Account: ["b"],
        TagList: ["Tag_Profile_IM_Nick"],
      }),
    );
    expect(p.UserProfileItem[0].ProfileItem).toEqual([
      { Tag: "Tag_Profile_IM_Nick", Value: "Bee" },
    ]);
  });

  it("refuses bad seed data with 400", async () => {
    expect((await control("POST", "seed", { groups: [{ type: "Nope" }] })).status).toBe(400);
    expect((await control("POST", "seed", { accounts: [{ id: 1 }] })).status).toBe(400);
    expect((await control("POST", "seed", { app: 99, accounts: ["a"] })).status).toBe(404);
  });

  it("logs clients in and out over HTTP and dumps state", async () => {
    await control("POST", "seed", { accounts: ["a"] });
    const login = await control("POST", "clients/login", {
      app: SDK_APP_ID,
      userId: "a",
      platform: "Android",
    });
    expect(login.body.result).toEqual({ userId: "a", state: "Online", platforms: ["Android"] });
    expect((await control("POST", "clients/login", { userId: "ghost" })).status).toBe(404);
    const state = await control("GET", `state?app=${SDK_APP_ID}`);
    expect(state.body.accounts.find((x: Body) => x.userId === "a").online).toEqual(["Android"]);
    const out = await control("POST", "clients/logout", {
      app: String(SDK_APP_ID),
      userId: "a",
      reason: "Disconnect",
    });
    expect(out.body.result.state).toBe("Offline");
    expect((await control("POST", "clients/logout", { userId: "a", reason: "Bye" })).status).toBe(
      400,
    );
  });

  it("login with groupId joins a free-join group (the only way into an AVChatRoom)", async () => {
    await control("POST", "seed", {
      accounts: ["a"],
      groups: [{ groupId: "live", type: "AVChatRoom" }, { groupId: "pub" }],
    });
    expect((await control("POST", "clients/login", { userId: "a", groupId: "live" })).status).toBe(
      200,
    );
    const info = ok(
      await fx.tim.call("group_open_avchatroom_http_svc/get_members", {
        GroupId: "live",
        Timestamp: 0,
      }),
    );
    expect(info.MemberList.map((m: Body) => m.Member_Account)).toEqual(["a"]);
    expect((await control("POST", "clients/login", { userId: "a", groupId: "pub" })).status).toBe(
      403,
    );
    expect((await control("POST", "clients/login", { userId: "a", groupId: "nope" })).status).toBe(
      404,
    );
  });

  it("reset forgets the app's state but keeps the admin account", async () => {
    await control("POST", "seed", { accounts: ["a"] });
    await control("POST", "reset", { app: String(SDK_APP_ID) });
    const r = ok(
      await fx.tim.call("im_open_login_svc/account_check", {
        CheckItem: [{ UserID: "a" }, { UserID: ADMIN }],
      }),
    );
    expect(r.ResultItem.map((x: Body) => x.AccountStatus)).toEqual(["NotImported", "Imported"]);
  });

  it("faultAnswer honours the fault's status", async () => {
    fx.emu.addFault({
      route: "v4/openim/sendmsg",
      kind: "vendor-error",
      code: 60007,
      status: 502,
      times: 1,
    });
    const r = await fx.tim.raw("openim/sendmsg", { body: "{}" });
    expect(r.status).toBe(502);
    expect(JSON.parse(r.text)).toEqual({
      ActionStatus: "FAIL",
      ErrorCode: 60007,
      ErrorInfo: "injected fault",
    });
  });
});

describe("registry", () => {
  it("starts the demo app with the §1.7 demo credentials", async () => {
    const reg = findEmulator("tencent");
    expect(reg?.demo).toMatchObject({ sdkAppId: String(SDK_APP_ID), key: KEY, admin: ADMIN });
    const emu = await reg!.start({ port: 0 });
    try {
      ok(
        await timClient(emu).call("im_open_login_svc/account_check", {
          CheckItem: [{ UserID: ADMIN }],
        }),
      );
    } finally {
      await emu.close();
    }
  });
});
