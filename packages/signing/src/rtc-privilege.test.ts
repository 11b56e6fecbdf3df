import { describe, expect, test } from "vitest";
import { parseRtcPrivilegePayload, rtcPrivilegePayload } from "./rtc-privilege.js";
import { token04Vectors } from "./vectors/zego.js";

describe("RTC privilege payload (zego.md §3.6)", () => {
  const vectorPayload = token04Vectors[1]?.payload ?? "";

  test("builds the vector's payload", () => {
    expect(rtcPrivilegePayload({ roomId: "room1" })).toBe(vectorPayload);
    expect(
      rtcPrivilegePayload({ roomId: "room1", canLogin: true, canPublish: false, streamIds: null }),
    ).toBe(vectorPayload);
  });

  test("round trips", () => {
    const p = { roomId: "r", canLogin: false, canPublish: true, streamIds: ["s1", "s2"] };
    expect(rtcPrivilegePayload(p)).toBe(
      '{"room_id":"r","privilege":{"1":0,"2":1},"stream_id_list":["s1","s2"]}',
    );
    expect(parseRtcPrivilegePayload(rtcPrivilegePayload(p))).toEqual(p);
    expect(parseRtcPrivilegePayload(vectorPayload)).toEqual({
      roomId: "room1",
      canLogin: true,
      canPublish: false,
      streamIds: null,
    });
  });

  test("parses tolerantly, rejects what is not a privilege payload", () => {
    expect(parseRtcPrivilegePayload('{"room_id":"r"}')).toEqual({
      roomId: "r",
      canLogin: false,
      canPublish: false,
      streamIds: null,
    });
    for (const bad of [
      "",
      "null",
      "[]",
      "{",
      '{"room_id":1}',
      '{"room_id":"r","privilege":{"1":2}}',
      '{"room_id":"r","privilege":[]}',
      '{"room_id":"r","stream_id_list":[1]}',
      '{"room_id":"r","stream_id_list":"s"}',
    ]) {
      expect(parseRtcPrivilegePayload(bad)).toBeUndefined();
    }
  });

  test("validates its input", () => {
    expect(() => rtcPrivilegePayload({ roomId: "" })).toThrow(/roomId/);
  });
});
