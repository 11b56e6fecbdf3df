import { describe, expect, it } from "vitest";
import {
  BadUserInputError,
  ImError,
  isNotFound,
  NotFoundError,
  redactSecrets,
  UnauthenticatedError,
} from "./errors.js";

describe("redactSecrets", () => {
  it("leaves the gateway's own words alone", () => {
    for (const message of [
      "The bearer token is not valid.",
      "The bearer token has expired.",
      "The Authorization header must be `Bearer <JWT>`.",
      "This gateway accepts no bearer tokens.",
    ]) {
      expect(redactSecrets(message)).toBe(message);
      expect(new UnauthenticatedError(message).message).toBe(message);
    }
  });

  it("redacts bearer credentials, JWTs and opaque keys alike", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz";
    expect(redactSecrets(`upstream said: Bearer ${jwt} refused`)).toBe(
      "upstream said: Bearer [redacted] refused",
    );
    expect(redactSecrets("authorization: bearer 0123456789abcdefXYZ")).toBe(
      "authorization: bearer [redacted]",
    );
  });

  it("redacts credential query parameters in vendor URLs", () => {
    expect(redactSecrets("GET /v4/openim/sendmsg?sdkappid=1&usersig=eJyrVk0tKkktLlGyUlAqS8")).toBe(
      "GET /v4/openim/sendmsg?sdkappid=1&usersig=[redacted]",
    );
    const error = new ImError("VENDOR_UNAVAILABLE", "failed: https://h/?Signature=abc&AppId=1");
    expect(error.message).toBe("failed: https://h/?Signature=[redacted]&AppId=1");
  });
});

describe("isNotFound", () => {
  it("is true of a NOT_FOUND ImError only", () => {
    expect(isNotFound(new NotFoundError("gone"))).toBe(true);
    expect(isNotFound(new BadUserInputError("id", "bad"))).toBe(false);
    expect(isNotFound(Object.assign(new Error("x"), { code: "NOT_FOUND" }))).toBe(false);
    expect(isNotFound(undefined)).toBe(false);
  });
});
