import { describe, expect, it } from "vitest";
import { sendMarks } from "./dedup.js";

describe("send marks", () => {
  it("derives the same uint32 marks from the same idempotency key and scope", () => {
    const scope = (s: string) => () => s;
    const a = sendMarks(scope("app\nc2c\nalice\nbob"), "key-1");
    expect(sendMarks(scope("app\nc2c\nalice\nbob"), "key-1")).toEqual(a);
    expect(sendMarks(scope("app\nc2c\nalice\ncarol"), "key-1")).not.toEqual(a);
    expect(sendMarks(scope("app\nc2c\nalice\nbob"), "key-2")).not.toEqual(a);
    for (const v of [a.msgSeq, a.msgRandom]) {
      expect(Number.isInteger(v) && v >= 0 && v <= 0xffffffff).toBe(true);
    }
  });

  it("without a key: fresh randoms and a strictly increasing MsgSeq (history order)", () => {
    // The scope (a serialized body) is not even made without a key.
    const unmade = () => {
      throw new Error("the scope was made");
    };
    const marks = Array.from({ length: 50 }, () => sendMarks(unmade, undefined));
    for (let i = 1; i < marks.length; i++) {
      expect((marks[i] as { msgSeq: number }).msgSeq).toBeGreaterThan(
        (marks[i - 1] as { msgSeq: number }).msgSeq,
      );
    }
    expect(new Set(marks.map((m) => m.msgRandom)).size).toBeGreaterThan(45);
  });
});
