import { VendorRejectedError } from "@imgraph/core";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { formatError } from "../src/errors.js";

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
