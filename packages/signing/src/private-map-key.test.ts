import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { Api } from "tls-sig-api-v2";
import { describe, expect, test } from "vitest";
import {
  generatePrivateMapKey,
  parsePrivateMapKeyUserBuf,
  privateMapKeyUserBuf,
  TrtcPrivilege,
} from "./private-map-key.js";
import { expectFailure, expectOk } from "./testing/expect-failure.js";
import { official } from "./testing/official-sdk.js";
import { unpackUserSig } from "./testing/usersig-doc.js";
import { verifyUserSig } from "./usersig.js";
import {
  userSigSdkAppId as APP,
  userSigKey as KEY,
  privateMapKeyVectorC as V,
} from "./vectors/tencent.js";

const vectorInput = {
  userId: V.userId,
  sdkAppId: APP,
  roomId: V.roomId,
  expireSeconds: V.expire,
  privilegeMap: V.privilegeMap,
  now: V.time * 1000,
};

describe("PrivateMapKey vector C (tencent.md §1.7)", () => {
  test("userbuf bytes", () => {
    const buf = privateMapKeyUserBuf(vectorInput);
    expect(Buffer.from(buf).toString("hex")).toBe(V.userBufHex);
    expect(Buffer.from(buf).toString("base64")).toBe(V.userBufBase64);
  });

  test("TLS.userbuf and TLS.sig", () => {
    const token = generatePrivateMapKey({ ...vectorInput, key: KEY });
    const doc = unpackUserSig(token);
    expect(doc["TLS.userbuf"]).toBe(V.userBufBase64);
    expect(doc["TLS.sig"]).toBe(V.sig);
    expect(doc["TLS.expire"]).toBe(V.expire);
    expect(doc["TLS.time"]).toBe(V.time);
  });

  test("verifies with the expected userbuf, exact to the second", () => {
    const token = generatePrivateMapKey({ ...vectorInput, key: KEY });
    const userBuf = Buffer.from(V.userBufHex, "hex");
    const opts = { key: KEY, sdkAppId: APP, userId: V.userId, userBuf };
    const claims = expectOk(verifyUserSig(token, { ...opts, now: (V.time + V.expire) * 1000 }));
    expect(Buffer.from(claims.userBuf ?? new Uint8Array()).toString("hex")).toBe(V.userBufHex);
    expectFailure(
      verifyUserSig(token, { ...opts, now: (V.time + V.expire + 1) * 1000 }),
      "expired",
    );
    expectFailure(
      verifyUserSig(token, { ...opts, userBuf: null, now: V.time * 1000 }),
      "userbuf_mismatch",
    );
  });

  test("parses back", () => {
    expect(parsePrivateMapKeyUserBuf(Buffer.from(V.userBufHex, "hex"))).toEqual({
      userId: V.userId,
      sdkAppId: APP,
      roomId: V.roomId,
      expiresAt: V.time + V.expire,
      privilegeMap: 255,
      accountType: 0,
    });
  });
});

describe("compatibility with the official tls-sig-api-v2", () => {
  test("numeric rooms: byte-identical", () => {
    for (let i = 0; i < 50; i++) {
      const userId = `u${randomBytes(4).toString("hex")}`;
      const expire = 1 + Math.floor(Math.random() * 86400);
      const roomId = Math.floor(Math.random() * 0xffff_ffff);
      const privilegeMap = Math.floor(Math.random() * 256);
      const now = 1_600_000_000_000 + Math.floor(Math.random() * 400_000_000_000);
      const theirs = official(now, () =>
        new Api(APP, KEY).genPrivateMapKey(userId, expire, roomId, privilegeMap),
      );
      const ours = generatePrivateMapKey({
        sdkAppId: APP,
        key: KEY,
        userId,
        expireSeconds: expire,
        roomId,
        privilegeMap,
        now,
        compression: "zlib",
      });
      expect(ours).toBe(theirs);
    }
  });

  test("string rooms: byte-identical", () => {
    for (let i = 0; i < 50; i++) {
      const userId = `u${randomBytes(4).toString("hex")}`;
      const roomId = `room-${randomBytes(1 + (i % 10)).toString("hex")}`;
      const now = 1_700_000_000_000 + i * 1_234;
      const theirs = official(now, () =>
        new Api(APP, KEY).genPrivateMapKeyWithStringRoomID(userId, 300, roomId, 42),
      );
      const input = {
        sdkAppId: APP,
        key: KEY,
        userId,
        expireSeconds: 300,
        roomId,
        privilegeMap: 42,
        now,
      };
      const ours = generatePrivateMapKey({ ...input, compression: "zlib" });
      expect(ours).toBe(theirs);
      // The default (stored) wraps the same document.
      const stored = generatePrivateMapKey(input);
      expect(unpackUserSig(stored)).toEqual(unpackUserSig(theirs));
      const userBuf = privateMapKeyUserBuf({
        userId,
        sdkAppId: APP,
        roomId,
        expireSeconds: 300,
        privilegeMap: 42,
        now,
      });
      expect(Buffer.from(userBuf)[0]).toBe(1);
      expect(parsePrivateMapKeyUserBuf(userBuf)).toEqual({
        userId,
        sdkAppId: APP,
        roomId,
        expiresAt: Math.floor(now / 1000) + 300,
        privilegeMap: 42,
        accountType: 0,
      });
    }
  });
});

describe("privateMapKeyUserBuf", () => {
  test("round trip for random inputs", () => {
    for (let i = 0; i < 200; i++) {
      const input = {
        userId: randomBytes(1 + (i % 40)).toString("base64url"),
        sdkAppId: 1 + Math.floor(Math.random() * 0xffff_fffe),
        roomId:
          i % 2 === 0
            ? Math.floor(Math.random() * 0xffff_ffff)
            : `r${i}-${randomBytes(i % 30).toString("hex")}`,
        expireSeconds: 1 + Math.floor(Math.random() * 1_000_000),
        privilegeMap: Math.floor(Math.random() * 256),
        now: Math.floor(Math.random() * 2_000_000_000_000),
      };
      const info = parsePrivateMapKeyUserBuf(privateMapKeyUserBuf(input));
      expect(info).toEqual({
        userId: input.userId,
        sdkAppId: input.sdkAppId,
        roomId: input.roomId,
        expiresAt: Math.floor(input.now / 1000) + input.expireSeconds,
        privilegeMap: input.privilegeMap,
        accountType: 0,
      });
      const token = generatePrivateMapKey({ ...input, key: KEY });
      expectOk(
        verifyUserSig(token, {
          key: KEY,
          sdkAppId: input.sdkAppId,
          userId: input.userId,
          now: input.now,
        }),
      );
    }
  });

  test("UTF-8 ids", () => {
    const buf = privateMapKeyUserBuf({
      userId: "用户",
      sdkAppId: APP,
      roomId: "房间",
      expireSeconds: 60,
      privilegeMap: TrtcPrivilege.all,
      now: 0,
    });
    expect(parsePrivateMapKeyUserBuf(buf)).toMatchObject({ userId: "用户", roomId: "房间" });
    expect(Buffer.from(buf).readUInt16BE(1)).toBe(6);
  });

  test("privilege bits", () => {
    expect(TrtcPrivilege.receiveSubStream).toBe(128);
    const sum = Object.entries(TrtcPrivilege)
      .filter(([name]) => name !== "all")
      .reduce((acc, [, bit]) => acc | bit, 0);
    expect(sum).toBe(TrtcPrivilege.all);
  });

  test("input validation names the field", () => {
    const base = { userId: "u", sdkAppId: APP, roomId: 1, expireSeconds: 60, privilegeMap: 255 };
    expect(() => privateMapKeyUserBuf({ ...base, userId: "" })).toThrow(/userId/);
    expect(() => privateMapKeyUserBuf({ ...base, sdkAppId: 0 })).toThrow(/sdkAppId/);
    expect(() => privateMapKeyUserBuf({ ...base, roomId: -1 })).toThrow(/roomId/);
    expect(() => privateMapKeyUserBuf({ ...base, roomId: 2 ** 32 })).toThrow(/roomId/);
    expect(() => privateMapKeyUserBuf({ ...base, roomId: "" })).toThrow(/roomId/);
    expect(() => privateMapKeyUserBuf({ ...base, privilegeMap: 1.5 })).toThrow(/privilegeMap/);
    expect(() => privateMapKeyUserBuf({ ...base, expireSeconds: 0 })).toThrow(/expireSeconds/);
    expect(() => privateMapKeyUserBuf({ ...base, expireSeconds: 2 ** 32 })).toThrow(
      /expireSeconds/,
    );
    expect(() => generatePrivateMapKey({ ...base, key: "" })).toThrow(/key/);
  });

  test("parse rejects what is not a userbuf", () => {
    const good = Buffer.from(V.userBufHex, "hex");
    for (const bad of [
      Buffer.alloc(0),
      Buffer.from([2, 0, 0]),
      good.subarray(0, good.length - 1),
      Buffer.concat([good, Buffer.from([0])]),
      Buffer.from([1, ...good.subarray(1)]), // version 1 without the room string
    ]) {
      expect(parsePrivateMapKeyUserBuf(bad)).toBeUndefined();
    }
    for (let i = 0; i < 500; i++) parsePrivateMapKeyUserBuf(randomBytes(i % 64));
  });
});
