import { describe, expect, it } from "vitest";
import {
  CALLBACK_LIST_MAX,
  callbackBody,
  callbackConnection,
  callbackId,
  callbackInteger,
  callbackJson,
  callbackList,
  callbackOptionalId,
  callbackPresence,
  callbackTime,
} from "./callback-fields.js";

const bad = (field: string, message: string) =>
  expect.objectContaining({ code: "BAD_USER_INPUT", field, message });

describe("callback fields", () => {
  it("reads a JSON object body, naming the vendor when it is not one", () => {
    expect(callbackBody('{"a":1}', "ZEGO")).toEqual({ a: 1 });
    expect(() => callbackBody("{", "ZEGO")).toThrow(
      bad("body", "ZEGO callback body is not valid JSON."),
    );
    for (const raw of ["[]", "null", "3"]) {
      expect(() => callbackBody(raw, "Tencent")).toThrow(
        bad("body", "Tencent callback body is not an object."),
      );
    }
  });

  it("reads a JSON body of any shape", () => {
    expect(callbackJson("[1]", "RongCloud")).toEqual([1]);
    expect(() => callbackJson("[", "RongCloud")).toThrow(
      bad("body", "RongCloud callback body is not valid JSON."),
    );
  });

  it("reads a presence code, naming the codes it takes", () => {
    const codes = { online: ["Login"], offline: ["Logout", "Disconnect"] };
    expect(callbackPresence("Login", "Info.Action", codes)).toBe("ONLINE");
    expect(callbackPresence("Disconnect", "Info.Action", codes)).toBe("OFFLINE");
    expect(() => callbackPresence("Kick", "Info.Action", codes)).toThrow(
      bad("Info.Action", "Action must be Login, Logout or Disconnect."),
    );
    expect(() => callbackPresence(7, "action", { online: [0], offline: [1, 2] })).toThrow(
      bad("action", "action must be 0, 1 or 2."),
    );
  });

  it("reads a connection key where there is one, and none where it is absent or empty", () => {
    expect(callbackConnection("s-1", "sessionId")).toBe("s-1");
    expect(callbackConnection(42, "session_id")).toBe("42");
    for (const value of [undefined, null, ""])
      expect(callbackConnection(value, "sessionId")).toBe(undefined);
    for (const value of [{}, ["s"], true, "x".repeat(257), Number.NaN]) {
      expect(() => callbackConnection(value, "sessionId")).toThrow(
        bad("sessionId", "sessionId must be a string."),
      );
    }
  });

  it("reads ids of 1 to 256 characters", () => {
    expect(callbackId("alice", "From_Account")).toBe("alice");
    for (const value of ["", "x".repeat(257), 7, null, undefined]) {
      expect(() => callbackId(value, "From_Account")).toThrow(
        bad("From_Account", "From_Account is missing or not a string."),
      );
    }
  });

  it("refuses ids with control characters (C0, DEL, C1), which would reach subscribers", () => {
    expect(callbackId("a b-ü_😀", "user_id")).toBe("a b-ü_😀");
    for (const value of ["a\u0000b", "a\nb", "\u001b[31m", "a\u007f", "a\u0085", "\u009f"]) {
      expect(() => callbackId(value, "user_id")).toThrow(
        bad("user_id", "user_id must not contain control characters."),
      );
    }
  });

  it("reads an optional id: none when absent, empty or not a string, else checked", () => {
    expect(callbackOptionalId("bob", "Owner_Account")).toBe("bob");
    for (const value of [undefined, null, "", 7]) {
      expect(callbackOptionalId(value, "Owner_Account")).toBeNull();
    }
    expect(() => callbackOptionalId("a\u0000", "Owner_Account")).toThrow(
      bad("Owner_Account", "Owner_Account must not contain control characters."),
    );
  });

  it("reads times in ms or s as Dates, refusing any a Date cannot hold", () => {
    expect(callbackTime(1_700_000_000_000, "time", "ms")).toEqual(new Date(1_700_000_000_000));
    expect(callbackTime("1700000000", "MsgTime", "s")).toEqual(new Date(1_700_000_000_000));
    expect(callbackTime(8.64e15, "time", "ms")).toEqual(new Date(8.64e15));
    for (const value of [Number.MAX_SAFE_INTEGER, 8.64e15 + 1, 2 ** 53, -1, 1.5, "1e3", "", null]) {
      expect(() => callbackTime(value, "time", "ms")).toThrow(
        bad("time", "time must be epoch milliseconds."),
      );
    }
    // Seconds that overflow a Date once multiplied to ms.
    for (const value of [Number.MAX_SAFE_INTEGER, 8.64e12 + 1]) {
      expect(() => callbackTime(value, "MsgTime", "s")).toThrow(
        bad("MsgTime", "MsgTime must be epoch seconds."),
      );
    }
  });

  it("reads whole numbers from numbers and decimal strings", () => {
    expect(callbackInteger(12, "MsgSeq")).toBe(12);
    expect(callbackInteger("12", "MsgSeq")).toBe(12);
    for (const value of [null, "", -1, 1.5, "x", 2 ** 53]) {
      expect(() => callbackInteger(value, "MsgSeq")).toThrow(
        bad("MsgSeq", "MsgSeq must be a whole number."),
      );
    }
  });

  it("reads lists up to the cap", () => {
    expect(callbackList([1, 2], "user_ids")).toEqual([1, 2]);
    for (const value of [undefined, "a", new Array(CALLBACK_LIST_MAX + 1).fill(0)]) {
      expect(() => callbackList(value, "user_ids")).toThrow(
        bad("user_ids", "user_ids must be a list."),
      );
    }
  });
});
