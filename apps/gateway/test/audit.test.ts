import { serverAudits } from "graphql-http";
import { describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { withDemo } from "./helpers.js";

// graphql-http's GraphQL-over-HTTP audits against the running gateway. None may end in
// error. Warnings (SHOULDs) are listed here with why we answer as we do.
const ACCEPTED_WARNINGS: Record<string, string> = {
  // Apollo Server answers 400 for a request it could not execute, whatever the Accept
  // header: a plain signal to clients, proxies and logs that the request itself was bad.
  // Clients that accept only application/json still get the errors in the body.
  "SHOULD use 200 status code on document parsing failure when accepting application/json":
    "400 for unparseable documents",
  "SHOULD use 200 status code on document validation failure when accepting application/json":
    "400 for invalid documents",
  "SHOULD use a status code of 200 on variable coercion failure when accepting application/json":
    "400 for bad variables",
};

let g: DemoGateway;
withDemo((started) => {
  g = started;
}, false);

describe("graphql-http server audits", () => {
  it("pass, with every warning explained", async () => {
    const audits = serverAudits({
      url: () => g.url,
      // Apollo's CSRF prevention asks GET requests for a preflight-forcing header.
      fetchFn: (input: string | URL | Request, init?: RequestInit) =>
        fetch(input, {
          ...init,
          headers: {
            ...(init?.headers as Record<string, string>),
            "apollo-require-preflight": "1",
          },
        }),
    });
    const errors: string[] = [];
    const warnings: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === "error") errors.push(`${audit.name}: ${result.reason}`);
      if (result.status === "warn") warnings.push(`${audit.name}: ${result.reason}`);
    }
    expect(errors).toEqual([]);
    const unexplained = warnings.filter(
      (w) => !Object.keys(ACCEPTED_WARNINGS).some((k) => w.startsWith(k)),
    );
    expect(unexplained).toEqual([]);
  });
});
