import { beforeAll, expect } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { admin, bearer, type GraphQLResponse, gql, ok, uniqueIds } from "./helpers.js";

/** What App.operations says of one operation in one app. */
export interface OperationSupport {
  supported: boolean;
  reason: string | null;
}

/** The first error's extensions (code, field...); {} when there is none. */
export const firstError = (r: GraphQLResponse) => r.errors?.[0]?.extensions ?? {};

/**
 * The tests of one app of a demo gateway (call inside the app's describe block): requests in
 * that app, as the admin unless other headers are given; what the app supports, read once
 * before the tests; and fresh users registered in it, their ids starting with `idPrefix`.
 */
export function inDemoApp(gateway: () => DemoGateway, app: string, idPrefix: string) {
  const uid = uniqueIds();
  const q = <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = admin(gateway()),
  ) => gql<T>(gateway().url, query, { app, ...variables }, headers);

  const support = new Map<string, OperationSupport>();
  beforeAll(async () => {
    const r = await q<{ app: { operations: Array<OperationSupport & { name: string }> } }>(
      "query($app: ID) { app(id: $app) { operations { name supported reason } } }",
    );
    for (const o of ok(r).app.operations) support.set(o.name, o);
  });

  async function register(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => uid(idPrefix));
    const r = await q<{ registerUsers: Array<{ error: unknown }> }>(
      "mutation($app: ID, $users: [UserInput!]!) { registerUsers(app: $app, users: $users) { error { code } } }",
      { users: ids.map((id) => ({ id, name: id })) },
    );
    expect(ok(r).registerUsers.every((x) => x.error === null)).toBe(true);
    return ids;
  }

  /** The headers of a request made as this end user (a bearer token of theirs). */
  const as = async (userId: string) => bearer(await gateway().tokenFor(userId));

  /** Whether the app supports an operation (its App.operations name: SET_USER_TAGS). */
  const supported = (operation: string) => support.get(operation)?.supported === true;

  /** The declared gap: UNSUPPORTED_BY_VENDOR carrying the reason App.operations shows. */
  const expectGap = (r: GraphQLResponse, operation: string) => {
    expect(firstError(r)).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    expect(r.errors?.[0]?.message).toContain(support.get(operation)?.reason ?? "?");
  };

  /** How many requests the app's emulator has received (to prove none was made). */
  const vendorRequests = () =>
    gateway()
      .emulators.find((e) => e.vendor === app)
      ?.requests({ limit: 1 })[0]?.seq ?? 0;

  /**
   * Each case (request, variables, the field it gets wrong) is refused as bad input naming
   * that field, or as a declared gap, and none of them reaches the vendor.
   */
  async function expectRefusedBeforeVendor(
    cases: Array<[string, Record<string, unknown>, string]>,
  ) {
    const before = vendorRequests();
    for (const [query, variables, field] of cases) {
      const r = await q(query, variables);
      // A declared gap is refused first, also without a vendor call.
      if (firstError(r).code === "UNSUPPORTED_BY_VENDOR") continue;
      expect(firstError(r), field).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(vendorRequests()).toBe(before);
  }

  /** Sends a text from one user to another; answers the message's id. */
  async function send(from: string, to: string, text = "hello"): Promise<string> {
    const r = await q<{ sendMessage: Array<{ messageId: string }> }>(SEND_TEXT, {
      from,
      to: [to],
      text,
    });
    return ok(r).sendMessage[0]?.messageId as string;
  }

  return {
    q,
    as,
    support,
    supported,
    expectGap,
    vendorRequests,
    expectRefusedBeforeVendor,
    register,
    send,
  };
}

const SEND_TEXT = `mutation($app: ID, $from: ID!, $to: [ID!], $text: String!) {
  sendMessage(app: $app, input: { from: $from, toUserIds: $to, content: { text: { text: $text } } }) { messageId } }`;
