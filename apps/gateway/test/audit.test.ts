import { serverAudits } from "graphql-http";
import { describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { withDemo } from "./helpers.js";

// graphql-http's GraphQL-over-HTTP audits against the running gateway: none may end in
// error or in a warning (a SHOULD of the spec not followed).
const ACCEPTED_WARNINGS: Record<string, string> = {};

let g: DemoGateway;
withDemo({ seed: false }, (started) => {
  g = started;
});

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
