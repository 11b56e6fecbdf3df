import { describe, expect, it, onTestFinished } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { admin, bearer, gql, ok, withDemo } from "./helpers.js";
import { collect, until, wsClient } from "./ws-helpers.js";

// Long operations tell their caller how far they have got: a batch of several vendor calls
// publishes OPERATION_PROGRESS events under the request's id, to that caller only.

const PROGRESS = `subscription($app: ID) { events(app: $app, types: [OPERATION_PROGRESS]) {
  ... on OperationProgressEvent { type requestId operation done total } } }`;
const REGISTER = `mutation($app: ID, $users: [UserInput!]!) { registerUsers(app: $app, users: $users) { error { code } } }`;

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

describe("operation progress", () => {
  it("reports a large registration to its caller under the request id, and to nobody else", async () => {
    const listen = async (headers: Record<string, string>) => {
      const client = wsClient(g.url, headers);
      onTestFinished(() => client.dispose());
      return collect<Record<string, unknown>>(client, PROGRESS, { app: "zego" });
    };
    const before = g.realtime.pubsub.stats().listeners;
    const mine = await listen(admin(g));
    const theirs = await listen(bearer(await g.tokenFor("bob")));
    await until(() => g.realtime.pubsub.stats().listeners === before + 2);

    const stamp = Date.now().toString(36);
    const users = Array.from({ length: 250 }, (_, i) => ({ id: `pg${stamp}${i}`, name: "P" }));
    const requestId = `import-${stamp}`;
    const r = await gql<{ registerUsers: Array<{ error: unknown }> }>(
      g.url,
      REGISTER,
      { app: "zego", users },
      { ...admin(g), "x-request-id": requestId },
    );
    expect(ok(r).registerUsers.every((u) => u.error === null)).toBe(true);

    await until(() => mine.events.some((e) => e.done === 250));
    const events = mine.events.filter((e) => e.requestId === requestId);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e).toMatchObject({
        type: "OPERATION_PROGRESS",
        operation: "registerUsers",
        total: 250,
      });
    }
    const done = events.map((e) => e.done as number);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(250);
    // Bob subscribed too; the progress of the admin's operation is not his.
    expect(theirs.events).toEqual([]);
  });

  it("says nothing for an operation of one vendor call", async () => {
    // The first test's subscriptions are gone.
    await until(() => g.realtime.pubsub.stats().listeners === 0);
    const client = wsClient(g.url, admin(g));
    onTestFinished(() => client.dispose());
    const before = g.realtime.pubsub.stats().listeners;
    const heard = collect<Record<string, unknown>>(client, PROGRESS, { app: "zego" });
    await until(() => g.realtime.pubsub.stats().listeners === before + 1);
    const requestId = `small-${Date.now().toString(36)}`;
    ok(
      await gql(
        g.url,
        REGISTER,
        { app: "zego", users: [{ id: `one${Date.now().toString(36)}`, name: "One" }] },
        { ...admin(g), "x-request-id": requestId },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.events.filter((e) => e.requestId === requestId)).toEqual([]);
  });
});
