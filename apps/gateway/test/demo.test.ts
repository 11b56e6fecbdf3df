import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { admin, bearer, demo, gql } from "./helpers.js";

describe("demo mode", () => {
  let g: DemoGateway;
  beforeAll(async () => {
    g = await demo();
  });
  afterAll(async () => {
    await g?.close();
  });

  it("serves seeded users to the demo admin key", async () => {
    const r = await gql<{
      apps: Array<{ id: string }>;
      users: Array<{ id: string; name: string } | null>;
    }>(
      g.url,
      '{ apps { id vendor capabilities } users(ids: ["alice", "bob"]) { id name } }',
      {},
      admin(g),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.apps.map((a) => a.id)).toContain("rongcloud");
    expect(r.data?.users).toEqual([
      { id: "alice", name: "Alice" },
      { id: "bob", name: "Bob" },
    ]);
  });

  it("accepts the demo user token as alice", async () => {
    const r = await gql<{ viewer: { role: string; userId: string } }>(
      g.url,
      "{ viewer { role userId } }",
      {},
      bearer(g.userToken),
    );
    expect(r.data?.viewer).toEqual({ role: "USER", userId: "alice" });
  });
});
