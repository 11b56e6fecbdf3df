import type { OutgoingContent } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { fromZego, MSG_CUSTOM, MSG_FILE, MSG_IMAGE, MSG_TEXT, toZego } from "./content.js";

const MAX = 2048;

function roundTrip(content: OutgoingContent) {
  const z = toZego(content, MAX);
  return fromZego(z.MessageType, z.SubMsgType, z.Message);
}

describe("toZego / fromZego", () => {
  it("maps text to MessageType 1 with the text as Message", () => {
    expect(toZego({ type: "TEXT", text: "héllo" }, MAX)).toEqual({
      MessageType: MSG_TEXT,
      Message: "héllo",
    });
    expect(roundTrip({ type: "TEXT", text: "héllo" })).toEqual({ type: "TEXT", text: "héllo" });
  });

  it("maps an image to MessageType 11 with the documented JSON body", () => {
    const z = toZego(
      {
        type: "IMAGE",
        url: "https://cdn.example.com/a/cat%20pic.jpg",
        width: 640,
        height: 480,
        sizeBytes: 1000,
        thumbnailUrl: "https://cdn.example.com/t.jpg",
      },
      MAX,
    );
    expect(z.MessageType).toBe(MSG_IMAGE);
    const body = JSON.parse(z.Message);
    expect(body).toMatchObject({
      Origin: { Url: "https://cdn.example.com/a/cat%20pic.jpg", Width: 640, Height: 480 },
      Thumbnail: { Url: "https://cdn.example.com/t.jpg" },
      FileName: "cat pic.jpg",
      Size: 1000,
    });
    expect(typeof body.Uid).toBe("string");
  });

  it("round-trips images and files, also when history URL-encodes the body", () => {
    const image: OutgoingContent = {
      type: "IMAGE",
      url: "https://example.com/p.jpg",
      width: 640,
      height: 480,
    };
    expect(roundTrip(image)).toEqual(image);
    const file: OutgoingContent = {
      type: "FILE",
      url: "https://example.com/f.pdf",
      name: "f.pdf",
      sizeBytes: 1234,
    };
    expect(roundTrip(file)).toEqual(file);
    const z = toZego(file, MAX);
    expect(fromZego(MSG_FILE, undefined, encodeURIComponent(z.Message))).toEqual(file);
  });

  it("reads an image without known size as no width/height", () => {
    const z = toZego({ type: "IMAGE", url: "https://example.com/p.jpg" }, MAX);
    expect(JSON.parse(z.Message).Origin).toMatchObject({ Width: 0, Height: 0 });
    expect(fromZego(z.MessageType, z.SubMsgType, z.Message)).toEqual({
      type: "IMAGE",
      url: "https://example.com/p.jpg",
    });
  });

  it("sends a numeric customType as ZIM's SubMsgType with the data as body", () => {
    const z = toZego({ type: "CUSTOM", customType: "17", data: { a: 1 } }, MAX);
    expect(z).toEqual({ MessageType: MSG_CUSTOM, SubMsgType: 17, Message: '{"a":1}' });
    expect(fromZego(MSG_CUSTOM, 17, '{"a":1}')).toEqual({
      type: "CUSTOM",
      customType: "17",
      data: { a: 1 },
    });
  });

  it("wraps a named customType so its name survives history", () => {
    const content: OutgoingContent = {
      type: "CUSTOM",
      customType: "order",
      data: { orderId: 42, items: ["a"] },
    };
    const z = toZego(content, MAX);
    expect(z.SubMsgType).toBe(0);
    expect(JSON.parse(z.Message)).toEqual({ imgraphType: "order", data: content.data });
    expect(roundTrip(content)).toEqual(content);
    // "201" is outside SubMsgType's 0..200, so it is a name.
    expect(toZego({ type: "CUSTOM", customType: "201", data: 1 }, MAX).SubMsgType).toBe(0);
  });

  it("reads a custom body written by a client SDK (plain text) as string data", () => {
    expect(fromZego(MSG_CUSTOM, 5, "ping")).toEqual({
      type: "CUSTOM",
      customType: "5",
      data: "ping",
    });
  });

  it("reads other message types as UNKNOWN with the raw body", () => {
    expect(fromZego(13, undefined, "%7B%7D")).toEqual({
      type: "UNKNOWN",
      vendorType: "13",
      raw: "%7B%7D",
    });
    expect(fromZego(MSG_IMAGE, undefined, "not json")).toMatchObject({ type: "UNKNOWN" });
  });

  it("refuses bad content before any call, naming the field and the limit", () => {
    expect(() => toZego({ type: "TEXT", text: "" }, MAX)).toThrow(/content\.text/);
    expect(() => toZego({ type: "TEXT", text: "x".repeat(MAX + 1) }, MAX)).toThrow(/2048 bytes/);
    expect(() => toZego({ type: "TEXT", text: "é".repeat(1025) }, MAX)).toThrow(/2048 bytes/);
    expect(() => toZego({ type: "IMAGE", url: `https://e.com/${"a".repeat(500)}` }, MAX)).toThrow(
      /content\.url must be at most 500 bytes/,
    );
    expect(() => toZego({ type: "FILE", url: "ftp://e.com/f", name: "f" }, MAX)).toThrow(
      /http\(s\) URL/,
    );
    expect(() =>
      toZego({ type: "FILE", url: "https://e.com/f", name: "n".repeat(151) }, MAX),
    ).toThrow(/150 characters/);
    expect(() => toZego({ type: "CUSTOM", customType: "", data: 1 }, MAX)).toThrow(/customType/);
    expect(() => toZego({ type: "VOICE" } as unknown as OutgoingContent, MAX)).toThrow(
      /content\.type/,
    );
  });
});
