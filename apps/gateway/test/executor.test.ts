import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { startDemo } from "../src/demo/start.js";
import { admin, type GraphQLResponse, gql } from "./helpers.js";

/**
 * A query runs on graphql-js the first time and compiled (graphql-jit) after that
 * (src/executor.ts). Every answer below is asked three times over HTTP: the answers, their
 * errors and HTTP statuses must not depend on which engine ran them.
 */
describe("compiled queries answer exactly as graphql-js does", () => {
  let g: DemoGateway;
  const lines: Array<{ msg?: string; operationName?: string | null }> = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n")) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    g = await startDemo({
      server: { port: 0, host: "127.0.0.1" },
      seed: true,
      log: pino({ level: "debug" }, sink),
    });
  }, 60_000);
  afterAll(async () => {
    await g?.close();
  });

  /** The answer without what differs between any two requests (the request id). */
  function comparable(r: GraphQLResponse): unknown {
    return {
      status: r.status,
      data: r.data,
      errors: r.errors?.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: "-" } })),
    };
  }

  /** Runs a query three times and returns the first answer, after checking the others match. */
  async function thrice(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = admin(g),
  ): Promise<GraphQLResponse & { compiled: number }> {
    const compiledBefore = lines.filter((l) => l.msg === "query compiled").length;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await gql(g.url, query, variables, headers));
    const [first, ...rest] = answers as [GraphQLResponse, ...GraphQLResponse[]];
    for (const other of rest) expect(comparable(other)).toEqual(comparable(first));
    return Object.assign(first, {
      compiled: lines.filter((l) => l.msg === "query compiled").length - compiledBefore,
    });
  }

  for (const app of ["rongcloud", "tencent", "zego"]) {
    it(`${app}: users in order, an unknown user null with NOT_FOUND at its index`, async () => {
      const r = await thrice(
        `query($ids: [ID!]!) { users(app: "${app}", ids: $ids) { id name avatarUrl } }`,
        { ids: ["alice", "nobody_here", "bob", "alice"] },
      );
      expect(r.compiled).toBe(1);
      expect(r.status).toBe(200);
      const users = (r.data as { users: Array<{ id: string } | null> }).users;
      expect(users.map((u) => u?.id ?? null)).toEqual(["alice", null, "bob", "alice"]);
      expect(r.errors).toHaveLength(1);
      expect(r.errors?.[0]).toMatchObject({
        path: ["users", 1],
        extensions: { code: "NOT_FOUND" },
      });
    });

    it(`${app}: history with the content union, fragments, aliases, @include and __typename`, async () => {
      const r = await thrice(
        `query($c: ConversationInput!, $withSender: Boolean!) {
          page: messages(app: "${app}", conversation: $c, first: 5) {
            nodes { ...M sender: senderId @include(if: $withSender) }
            pageInfo { hasNextPage }
          }
        }
        fragment M on Message {
          id sentAt recalled
          content { __typename ... on TextContent { text } ... on CustomContent { customType data } }
        }`,
        { c: { type: "USER", userId: "alice", id: "bob" }, withSender: true },
      );
      expect(r.compiled).toBe(1);
      expect(r.errors).toBeUndefined();
      const nodes = (
        r.data as {
          page: { nodes: Array<{ sender: string; content: { __typename: string; text: string } }> };
        }
      ).page.nodes;
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.every((n) => n.content.__typename === "TextContent")).toBe(true);
      expect(nodes.map((n) => n.content.text)).toContain("Hi Bob! This is imgraph's demo.");
      expect(nodes.every((n) => typeof n.sender === "string")).toBe(true);
    });
  }

  // 200 to the application/json client these tests are (GraphQL over HTTP; http.test.ts
  // checks the 400 that application/graphql-response+json clients get).
  it("a bad variable is BAD_USER_INPUT in graphql-js's words, compiled or not", async () => {
    const query = "query($ids: [ID!]!) { users(ids: $ids) { id } }";
    // Compile the document first with good variables, then send bad ones to it.
    await thrice(query, { ids: ["alice"] });
    const r = await thrice(query, { ids: [{ not: "an id" }] });
    expect(r.status).toBe(200);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/^Variable "\$ids" got invalid value/);
    const missing = await thrice(query, {});
    expect(missing.status).toBe(200);
    expect(missing.errors?.[0]?.message).toMatch(/^Variable "\$ids" of required type/);
  });

  it("resolver errors keep their codes when compiled: unauthenticated, vendor down", async () => {
    const query = 'query { user(id: "alice", app: "tencent") { id } }';
    const anonymous = await thrice(query, {}, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonymous.errors?.[0]?.path).toEqual(["user"]);

    const tencent = g.emulators.find((e) => e.vendor === "tencent");
    if (!tencent) throw new Error("no tencent emulator");
    tencent.addFault({ route: "*", kind: "http-error", status: 503, times: 1000 });
    try {
      const down = await thrice(query, {});
      expect(down.data).toEqual({ user: null });
      expect(down.errors?.[0]?.extensions).toMatchObject({
        code: "VENDOR_UNAVAILABLE",
        vendor: "tencent",
      });
    } finally {
      tencent.clearFaults();
    }
  });

  it("mutations stay on graphql-js (their inputs are @oneOf)", async () => {
    const compiledBefore = lines.filter((l) => l.msg === "query compiled").length;
    const send =
      'mutation($input: SendMessageInput!) { sendMessage(input: $input, app: "tencent") { error { code } } }';
    for (let i = 0; i < 3; i++) {
      const r = await gql(
        g.url,
        send,
        {
          input: {
            from: "alice",
            toUserIds: ["bob"],
            content: { text: { text: "hi" }, custom: { customType: "x", data: {} } },
          },
        },
        admin(g),
      );
      expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect(lines.filter((l) => l.msg === "query compiled").length).toBe(compiledBefore);
  });
});
