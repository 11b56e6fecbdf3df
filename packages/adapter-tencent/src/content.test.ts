import type { OutgoingContent } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { fromMsgBody, toMsgBody } from "./content.js";

describe("MsgBody mapping", () => {
  const roundTrips: OutgoingContent[] = [
    { type: "TEXT", text: "héllo 👋" },
    { type: "CUSTOM", customType: "order", data: { orderId: 42, items: ["a"], ok: true } },
    { type: "CUSTOM", customType: "ping", data: null },
    {
      type: "IMAGE",
      url: "https://example.com/p.png",
      width: 640,
      height: 480,
      sizeBytes: 1000,
      thumbnailUrl: "https://example.com/p-small.png",
    },
    { type: "IMAGE", url: "https://example.com/p.jpg" },
    { type: "FILE", url: "https://example.com/f.pdf", name: "f.pdf", sizeBytes: 1234 },
    { type: "FILE", url: "https://example.com/g.bin", name: "g.bin" },
  ];

  it.each(roundTrips)("round-trips $type", (content) => {
    const body = toMsgBody(content);
    expect(JSON.parse(JSON.stringify(fromMsgBody(body)))).toEqual(content);
  });

  it("writes Tencent's element shapes", () => {
    expect(toMsgBody({ type: "TEXT", text: "hi" })).toEqual([
      { MsgType: "TIMTextElem", MsgContent: { Text: "hi" } },
    ]);
    const [custom] = toMsgBody(
      { type: "CUSTOM", customType: "order", data: { a: 1 } },
      "New order",
    );
    expect(custom).toEqual({
      MsgType: "TIMCustomElem",
      MsgContent: { Data: '{"a":1}', Ext: "order", Desc: "New order" },
    });
    const [image] = toMsgBody({
      type: "IMAGE",
      url: "https://example.com/x.gif",
      width: 2,
      height: 3,
    });
    expect(image?.MsgContent).toMatchObject({ ImageFormat: 2 });
    expect(image?.MsgContent.UUID).toMatch(/^[0-9a-f]{40}$/);
    const infos = image?.MsgContent.ImageInfoArray as Array<{ Type: number; URL: string }>;
    expect(infos.map((i) => i.Type)).toEqual([1, 2, 3]);
    expect(infos.every((i) => i.URL === "https://example.com/x.gif")).toBe(true);
    const [file] = toMsgBody({ type: "FILE", url: "https://example.com/f", name: "f" });
    expect(file?.MsgContent).toMatchObject({
      Url: "https://example.com/f",
      FileName: "f",
      FileSize: 0,
      Download_Flag: 2,
    });
  });

  it("refuses bad content before any call, naming the field and limit", () => {
    expect(() => toMsgBody({ type: "TEXT", text: "" })).toThrow(/content\.text/);
    expect(() => toMsgBody({ type: "TEXT", text: "x".repeat(13_000) })).toThrow(/12288 bytes/);
    expect(() => toMsgBody({ type: "IMAGE", url: "ftp://x/y.png" })).toThrow(/content\.url/);
    expect(() => toMsgBody({ type: "FILE", url: "https://x/y", name: "" })).toThrow(
      /content\.name/,
    );
    expect(() => toMsgBody({ type: "VOICE" } as unknown as OutgoingContent)).toThrow(
      /content\.type/,
    );
  });

  it("reads what has no neutral form as UNKNOWN, keeping the raw body", () => {
    const body = [
      { MsgType: "TIMLocationElem", MsgContent: { Desc: "here", Latitude: 1, Longitude: 2 } },
    ];
    expect(fromMsgBody(body)).toEqual({
      type: "UNKNOWN",
      vendorType: "TIMLocationElem",
      raw: JSON.stringify(body),
    });
    expect(fromMsgBody(undefined)).toMatchObject({ type: "UNKNOWN", vendorType: "" });
    const mixed = [
      { MsgType: "TIMTextElem", MsgContent: { Text: "a" } },
      { MsgType: "TIMFaceElem", MsgContent: { Index: 1, Data: "x" } },
    ];
    expect(fromMsgBody(mixed)).toMatchObject({
      type: "UNKNOWN",
      vendorType: "TIMTextElem+TIMFaceElem",
    });
  });

  it("joins several text elements and reads client-sent custom data that is not JSON", () => {
    expect(
      fromMsgBody([
        { MsgType: "TIMTextElem", MsgContent: { Text: "a" } },
        { MsgType: "TIMTextElem", MsgContent: { Text: "b" } },
      ]),
    ).toEqual({ type: "TEXT", text: "ab" });
    expect(
      fromMsgBody([{ MsgType: "TIMCustomElem", MsgContent: { Data: "plain", Desc: "x" } }]),
    ).toEqual({
      type: "CUSTOM",
      customType: "",
      data: "plain",
    });
  });
});
