import { type DemoGateway, startDemo } from "@imgraph/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLRequestError, request } from "../src/client.js";
import { runExample } from "../src/example.js";
import { UserWithFriends } from "../src/operations.js";

// The typed client against the demo gateway (in-process, emulated vendors): the code
// generated from schema.graphql compiles (typecheck) and talks to the real server.

let g: DemoGateway;
beforeAll(async () => {
  g = await startDemo({ server: { port: 0 }, logLevel: "silent" });
}, 60_000);
afterAll(async () => {
  await g?.close();
});

describe("typed web client", () => {
  it.each([
    "rongcloud",
    "tencent",
    "zego",
  ])("reads, sends and hears its own message on %s as an end user", async (app) => {
    const endpoint = { url: g.url, headers: { authorization: `Bearer ${g.userToken}` } };
    const result = await runExample(endpoint, { app, from: "alice", to: "bob" });
    expect(result.user).toMatchObject({ id: "alice", name: "Alice" });
    expect(result.friends.sort()).toEqual(["bob", "carol"]);
    expect(result.messageId).toEqual(expect.any(String));
    expect(result.heard).toMatchObject({
      __typename: "MessageSentEvent",
      message: { senderId: "alice" },
    });
  });

  it("surfaces the gateway's typed errors", async () => {
    const endpoint = { url: g.url, headers: { authorization: `Bearer ${g.userToken}` } };
    const refused = request(endpoint, UserWithFriends, { userId: "" });
    await expect(refused).rejects.toBeInstanceOf(GraphQLRequestError);
    await expect(refused).rejects.toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({
          path: ["user"],
          extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }),
        }),
        // Alice may read only her own friend list.
        expect.objectContaining({
          path: ["friends"],
          extensions: expect.objectContaining({ code: "FORBIDDEN" }),
        }),
      ]),
    });
  });
});
