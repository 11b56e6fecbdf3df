import { RateLimitedError, VendorRejectedError } from "@imgraph/core";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { formatError } from "../src/errors.js";
import { itemError } from "../src/schema/convert.js";

describe("formatError", () => {
  it("keeps an ImError's code and safe details", () => {
    const error = new GraphQLError("x", {
      originalError: new VendorRejectedError("tencent", "70009", "bad key"),
    });
    expect(formatError({ message: "x", path: ["user"] }, error)).toEqual({
      message: "bad key",
      path: ["user"],
      extensions: { code: "VENDOR_REJECTED", vendor: "tencent", vendorCode: "70009" },
    });
  });

  it("masks anything unexpected as INTERNAL_SERVER_ERROR, without its message", () => {
    const error = new GraphQLError("x", {
      originalError: new TypeError("secret=hunter2 in a stack"),
    });
    const out = formatError(
      { message: "secret=hunter2 in a stack", extensions: { code: "INTERNAL_SERVER_ERROR" } },
      error,
    );
    expect(out).toEqual({
      message: "Internal server error.",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("passes GraphQL's own coded errors through", () => {
    const formatted = {
      message: "Cannot query field",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    };
    expect(formatError(formatted, new GraphQLError("Cannot query field"))).toBe(formatted);
  });
});

describe("itemError", () => {
  it("carries a per-item rate refusal's retryAfter, as extensions do for a whole field", () => {
    const error = new RateLimitedError("slow down", { vendor: "tencent", retryAfter: 3 });
    expect(itemError(error)).toEqual({
      code: "RATE_LIMITED",
      message: "slow down",
      vendorCode: null,
      rule: null,
      retryAfter: 3,
    });
    expect(itemError(new VendorRejectedError("tencent", "20003", "no such user")).retryAfter).toBe(
      null,
    );
  });
});
