// App-wide mutes beyond the shared contract, over HTTP against the Tencent emulator.
import { describe, expect, it } from "vitest";
import { emulatorWithAdapter, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter();

const users = (count: number) => env.seedUsers(count, "m");
const sent = (command: string) => env.sentBodies(`openconfigsvr/${command}`);

describe("mutes", () => {
  it("sends one setnospeaking per user with only the named scope; unknown users are NOT_FOUND items", async () => {
    const [a, b] = users(2) as [string, string];
    const ghost = uid("ghost");
    const before = sent("setnospeaking").length;
    const answers = await env.adapter.muteUsers({
      userIds: [a, ghost, b],
      scopes: ["GROUPS"],
      durationSeconds: 60,
    });
    expect(answers.map((r) => [r.key, r.ok])).toEqual([
      [a, true],
      [ghost, false],
      [b, true],
    ]);
    expect(answers[1]?.ok === false && answers[1].error.code).toBe("NOT_FOUND");
    const bodies = sent("setnospeaking").slice(before);
    expect(bodies).toHaveLength(3);
    for (const body of bodies)
      expect(Object.keys(body).sort()).toEqual(["GroupmsgNospeakingTime", "Set_Account"]);
    const [mutes] = await env.adapter.getUserMutes([ghost]);
    expect(mutes?.ok === false && mutes.error.code).toBe("NOT_FOUND");
  });

  it("a mute until lifted sends 4294967295 and reads back as until null; unmute sends 0", async () => {
    const [u] = users(1) as [string];
    await env.adapter.muteUsers({ userIds: [u], scopes: ["DIRECT", "GROUPS"] });
    expect(sent("setnospeaking").at(-1)).toEqual({
      Set_Account: u,
      C2CmsgNospeakingTime: 4294967295,
      GroupmsgNospeakingTime: 4294967295,
    });
    const [read] = await env.adapter.getUserMutes([u]);
    expect(read?.ok && read.value).toEqual([
      { scope: "DIRECT", until: null },
      { scope: "GROUPS", until: null },
    ]);
    await env.adapter.unmuteUsers({ userIds: [u], scopes: ["DIRECT"] });
    expect(sent("setnospeaking").at(-1)).toEqual({ Set_Account: u, C2CmsgNospeakingTime: 0 });
    await expect(
      env.adapter.muteUsers({ userIds: [u], scopes: ["DIRECT"], durationSeconds: 4294967295 }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "durationSeconds" });
  });

  it("a finite mute ends when Tencent's remaining seconds say, and banUsers still sets both scopes", async () => {
    const [u, banned] = users(2) as [string, string];
    await env.adapter.muteUsers({ userIds: [u], scopes: ["DIRECT"], durationSeconds: 120 });
    env.emulator.setClock({ advanceMs: 60_000 });
    try {
      const [read] = await env.adapter.getUserMutes([u]);
      const until = read?.ok ? read.value[0]?.until?.getTime() : undefined;
      // 60 s left by the emulator's clock, read against the adapter's (real) clock.
      expect(Math.abs((until ?? 0) - (Date.now() + 60_000))).toBeLessThan(5_000);
    } finally {
      env.emulator.setClock({ offsetMs: 0 });
    }
    await env.adapter.banUsers({ userIds: [banned], durationSeconds: 30 });
    const [ban] = await env.adapter.getUserMutes([banned]);
    expect(ban?.ok && ban.value.map((m) => m.scope)).toEqual(["DIRECT", "GROUPS"]);
  });
});
