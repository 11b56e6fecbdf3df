import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../errors.js";
import { itemError, itemOk } from "../results.js";
import { closedOrigin, failedItem, itemValue, rejection } from "./faults.js";

describe("fault-test helpers", () => {
  it("closedOrigin names a loopback port that refuses connections", async () => {
    const origin = new URL(await closedOrigin());
    expect(origin.hostname).toBe("127.0.0.1");
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(Number(origin.port), "127.0.0.1");
      socket.on("connect", () => {
        socket.destroy();
        resolve("connected");
      });
      socket.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
    });
    expect(refused).toBe("ECONNREFUSED");
  });

  it("rejection answers the error, and fails when the call succeeds", async () => {
    const error = new BadUserInputError("x", "bad");
    await expect(rejection(Promise.reject(error))).resolves.toBe(error);
    await expect(rejection(Promise.resolve(1))).rejects.toThrow("expected a rejection");
  });

  it("failedItem and itemValue read one item", () => {
    const error = new BadUserInputError("x", "bad");
    expect(failedItem(itemError("k", error))).toBe(error);
    expect(() => failedItem(itemOk("k", 1))).toThrow("expected a failed item");
    expect(() => failedItem(undefined)).toThrow("expected a failed item");
    expect(itemValue(itemOk("k", 1))).toBe(1);
    expect(() => itemValue(itemError("k", error))).toThrow(error);
  });
});
