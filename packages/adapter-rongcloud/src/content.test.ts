import type { OutgoingContent } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { fromRongCloud, toRongCloud } from "./content.js";

describe("RongCloud content mapping", () => {
  it("maps every neutral kind to RongCloud's types and back", () => {
    const kinds: OutgoingContent[] = [
      { type: "TEXT", text: "héllo" },
      { type: "CUSTOM", customType: "App:Order", data: { id: 7, tags: ["x"] } },
      { type: "IMAGE", url: "https://cdn.example.com/a.png", width: 10, height: 20 },
      { type: "FILE", url: "https://cdn.example.com/r.pdf", name: "r.pdf", sizeBytes: 99 },
    ];
    for (const content of kinds) {
      const wire = toRongCloud(content);
      expect(fromRongCloud(wire.objectName, wire.content)).toEqual(content);
    }
    expect(toRongCloud({ type: "TEXT", text: "x" }).objectName).toBe("RC:TxtMsg");
    expect(
      toRongCloud({ type: "FILE", url: "https://a.b/c.tar.gz", name: "c.tar.gz" }).content,
    ).toContain('"type":"gz"');
  });

  it("refuses what RongCloud would refuse, naming the field", () => {
    expect(() => toRongCloud({ type: "CUSTOM", customType: "RC:Fake", data: 1 })).toThrow(
      /customType must not start with "RC:"/,
    );
    expect(() => toRongCloud({ type: "CUSTOM", customType: "x".repeat(33), data: 1 })).toThrow(
      /at most 32 characters/,
    );
    expect(() => toRongCloud({ type: "TEXT", text: "x".repeat(140_000) })).toThrow(
      /at most 131072 bytes/,
    );
    expect(() => toRongCloud({ type: "IMAGE", url: "ftp://x/y.png" })).toThrow(/http\(s\) URL/);
    // Sizes are counts, as Tencent and ZEGO check them: never negative.
    const url = "https://cdn.example.com/a.png";
    for (const [content, field] of [
      [{ type: "IMAGE", url, width: -5 }, "content.width"],
      [{ type: "IMAGE", url, height: -1 }, "content.height"],
      [{ type: "IMAGE", url, sizeBytes: -2 }, "content.sizeBytes"],
      [{ type: "FILE", url, name: "r.pdf", sizeBytes: -1 }, "content.sizeBytes"],
    ] as Array<[OutgoingContent, string]>) {
      expect(() => toRongCloud(content)).toThrow(expect.objectContaining({ field }));
    }
  });

  it("keeps what has no neutral form as UNKNOWN", () => {
    expect(fromRongCloud("RC:LBSMsg", '{"latitude":1}')).toEqual({
      type: "UNKNOWN",
      vendorType: "RC:LBSMsg",
      raw: '{"latitude":1}',
    });
    expect(fromRongCloud("RC:ImgMsg", "not json")).toMatchObject({ type: "UNKNOWN" });
  });
});
