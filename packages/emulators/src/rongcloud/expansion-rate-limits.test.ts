import { describe, expect, it } from "vitest";
import { ok, textMessage } from "../testing/rongcloud-client.js";
import { publishUid } from "../testing/rongcloud-messages.js";
import { useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud({ rateLimits: true });

/** Freeze the emulated clock at the start of a second so a test never straddles two. */
const freeze = () => fx.emu.setClock({ now: Date.UTC(2024, 0, 1, 1, 0, 0), frozen: true });

const send = (kind: "private" | "group") =>
  publishUid(fx, kind, {
    ...(kind === "group" ? { toGroupId: "g1" } : { toUserId: "b" }),
    expansion: true,
    ...textMessage("hi"),
  });

const codes = async (n: number, call: () => Promise<{ body: { code: number } }>) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await call()).body.code);
  return out;
};

describe("expansion rate limits (§2.2)", () => {
  it("100 writes/s per endpoint, of which 20/s on group messages; 429 / 1008 beyond", async () => {
    const [privateUid, groupUid] = [await send("private"), await send("group")];
    freeze();
    const inGroup = { msgUID: groupUid, userId: "a", conversationType: 3, targetId: "g1" };
    const inPrivate = { msgUID: privateUid, userId: "a", conversationType: 1, targetId: "b" };
    const kv = { extraKeyVal: JSON.stringify({ k: "v" }) };
    const groupSet = () => fx.rc.post("/message/expansion/set.json", { ...inGroup, ...kv });
    const privateSet = () => fx.rc.post("/message/expansion/set.json", { ...inPrivate, ...kv });
    const group = await codes(21, groupSet);
    expect(group.slice(0, 20).every((c) => c === 200)).toBe(true);
    expect(await groupSet()).toMatchObject({ status: 429, body: { code: 1008 } });
    // One-to-one writes share the 100 with the 20 group writes that passed.
    const priv = await codes(81, privateSet);
    expect(priv.slice(0, 80).every((c) => c === 200)).toBe(true);
    expect(priv[80]).toBe(1008);
    // Delete is counted apart; the next second is fresh.
    ok(
      await fx.rc.post("/message/expansion/delete.json", {
        ...inPrivate,
        extraKey: JSON.stringify(["k"]),
      }),
    );
    fx.emu.setClock({ advanceMs: 1000 });
    ok(await groupSet());
  });
});
