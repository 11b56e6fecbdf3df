// Account checks and login invalidation beyond the shared contract, over HTTP.
import { describe, expect, it } from "vitest";
import { emulatorWithAdapter, harness, SDK_APP_ID, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter();
const calls = (command: string) =>
  env.emulator.requests({ route: `v4/im_open_login_svc/${command}` }).length;

describe("checkAccounts", () => {
  it("splits at 100 per account_check and answers each id in order, repeats included", async () => {
    const known = Array.from({ length: 120 }, () => uid("c"));
    env.emulator.seed({ app: SDK_APP_ID, accounts: known });
    const missing = Array.from({ length: 60 }, () => uid("x"));
    const ids = [...known.slice(0, 60), ...missing, ...known.slice(60), known[0] as string];
    const before = calls("account_check");
    const answers = await env.adapter.checkAccounts(ids);
    expect(calls("account_check") - before).toBe(2);
    expect(answers.map((r) => r.key)).toEqual(ids);
    expect(answers.map((r) => r.ok && r.value)).toEqual(ids.map((id) => known.includes(id)));
  });
});

describe("invalidateLogins", () => {
  it("kicks one account a call; an unknown account is a NOT_FOUND item (70107)", async () => {
    const [a, b] = [uid("k"), uid("k")];
    env.emulator.seed({ app: SDK_APP_ID, accounts: [a, b] });
    const ghost = uid("ghost");
    const before = calls("kick");
    const answers = await env.adapter.invalidateLogins([a, ghost, b]);
    expect(calls("kick") - before).toBe(3);
    expect(answers.map((r) => r.ok)).toEqual([true, false, true]);
    expect(answers[1]).toMatchObject({
      key: ghost,
      error: { code: "NOT_FOUND", vendorCode: "70107" },
    });
  });

  it("the harness's client login refuses a UserSig from another key", async () => {
    const u = uid("h");
    env.emulator.seed({ app: SDK_APP_ID, accounts: [u] });
    const credential = await env.adapter.issueChatCredential({ userId: u });
    const check = harness(env.emulator, env.adapter).verifyChatCredential;
    expect(await check(credential)).toBe(true);
    expect(await check({ ...credential, token: `${credential.token.slice(0, -4)}AAAA` })).toBe(
      false,
    );
    expect(await check({ ...credential, appId: "1" })).toBe(false);
  });
});
