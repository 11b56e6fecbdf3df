import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImAdapter } from "../adapter.js";
import type { Capability } from "../capabilities.js";
import { ImError } from "../errors.js";
import type { MessageTarget, OutgoingContent } from "../model/message.js";
import { OPERATION_NAMES, type OperationName } from "../operations/table.js";
import { conversationCases } from "./conversation-cases.js";
import { collect, expectAllOk, text, value } from "./expect.js";
import { groupDepthCases } from "./group-depth-cases.js";
import type { ContractCaseId, ContractHarness, ContractOptions } from "./harness.js";
import type { ContractKit } from "./kit.js";
import { lifecycleCases } from "./lifecycle-cases.js";
import { liveRoomCases } from "./live-room-cases.js";
import { moderationCases } from "./moderation-cases.js";
import { pushCases } from "./push-cases.js";
import { socialCases } from "./social-cases.js";
import { userDepthCases } from "./user-depth-cases.js";

/**
 * The shared adapter contract: every declared operation with its success and error cases,
 * run by each adapter's tests against its vendor's emulator. A declared gap skips the
 * cases over that operation, visibly and with its reason, and checks that the operation
 * fails fast with UNSUPPORTED_BY_VENDOR and no vendor call. The suite fails when an
 * operation has neither a case nor a declared gap.
 */
export function runAdapterContract(options: ContractOptions): void {
  describe(`adapter contract: ${options.name}`, () => {
    let h: ContractHarness;
    let a: ImAdapter;
    // Ids are letters and digits only, short: valid for every vendor's id rules.
    const run = randomBytes(4).toString("hex");
    let seq = 0;
    const id = (prefix: string) => `${prefix}${run}${(seq++).toString(36)}`;

    beforeAll(async () => {
      h = await options.setup();
      a = h.adapter;
    });
    afterAll(async () => {
      await options.teardown?.();
    });

    const has = (c: Capability) => a.capabilities.has(c);
    const supportOf = (name: OperationName) => options.operations.find((o) => o.name === name);
    const covered = new Set<OperationName>();

    /**
     * Defines a case over the operations it verifies. When one of them is a declared gap
     * for this adapter, the case is a visible skip naming the gap.
     */
    const check = (
      caseId: ContractCaseId,
      operations: readonly OperationName[],
      body: () => Promise<void>,
    ) => {
      for (const name of operations) covered.add(name);
      const reason = options.skip?.[caseId];
      if (reason) {
        it.skip(`${caseId} (skipped: ${reason})`, body);
        return;
      }
      const gaps = operations
        .map(supportOf)
        .filter((o) => o !== undefined && !o.supported)
        .map((o) => `${o?.name}: ${o?.reason}`);
      if (gaps.length > 0) {
        it.skip(`${caseId} (gap: ${gaps.join("; ")})`, body);
        return;
      }
      it(caseId, body);
    };

    async function users(n: number, label = "u"): Promise<string[]> {
      const ids = Array.from({ length: n }, () => id(label));
      const results = await a.registerUsers(
        ids.map((userId) => ({ id: userId, name: `Name ${userId}` })),
      );
      expectAllOk(results);
      return ids;
    }

    async function noVendorCall(call: () => Promise<unknown>, code: string): Promise<ImError> {
      const before = await h.vendorRequestCount();
      const error = await call().then(
        () => {
          throw new Error(`expected ${code}`);
        },
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ImError);
      expect((error as ImError).code).toBe(code);
      expect(await h.vendorRequestCount()).toBe(before);
      return error as ImError;
    }

    // ---------------------------------------------------------------- users
    check("users.register-and-get", ["registerUsers", "getUsers"], async () => {
      const [u1, u2] = [id("u"), id("u")] as [string, string];
      const registered = await a.registerUsers([
        { id: u1, name: "Ada", avatarUrl: "https://example.com/ada.png" },
        { id: u2, name: "Grace" },
      ]);
      expect(registered.map((r) => r.key)).toEqual([u1, u2]);
      expectAllOk(registered);
      const got = await a.getUsers([u2, u1]);
      expect(got.map((r) => r.key)).toEqual([u2, u1]);
      const [g2, g1] = got.map(value);
      expect(g1).toMatchObject({ id: u1, name: "Ada", avatarUrl: "https://example.com/ada.png" });
      expect(g2).toMatchObject({ id: u2, name: "Grace" });
    });

    check("users.get-unknown", ["getUsers"], async () => {
      const [known] = await users(1);
      const unknown = id("nobody");
      const got = await a.getUsers([unknown, known as string]);
      expect(got[0]).toMatchObject({ key: unknown, ok: false });
      expect((got[0] as { error: ImError }).error.code).toBe("NOT_FOUND");
      expect(got[1]).toMatchObject({ key: known, ok: true });
    });

    check("users.get-beyond-call-limit", ["getUsers"], async () => {
      const n = Math.min(a.limits.usersPerRead * 2 + 1, 201);
      const ids = await users(n, "b");
      const got = await a.getUsers(ids);
      expect(got.map((r) => r.key)).toEqual(ids);
      expectAllOk(got);
    });

    check("users.invalid-id", ["registerUsers", "getUsers"], async () => {
      const error = await noVendorCall(
        () => a.registerUsers([{ id: "x".repeat(300), name: "Too long" }]),
        "BAD_USER_INPUT",
      );
      expect(error.field).toMatch(/id/i);
      expect(error.message).toMatch(/\d+/); // names the limit
      await noVendorCall(() => a.getUsers([""]), "BAD_USER_INPUT");
    });

    check("users.update", ["updateUser"], async () => {
      const [u] = (await users(1)) as [string];
      await a.updateUser({ id: u, name: "Renamed", avatarUrl: "https://example.com/new.png" });
      const [got] = await a.getUsers([u]);
      expect(value(got)).toMatchObject({
        name: "Renamed",
        avatarUrl: "https://example.com/new.png",
      });
      await noVendorCall(() => a.updateUser({ id: u, name: "" }), "BAD_USER_INPUT");
    });

    check("users.delete", ["deleteUsers"], async () => {
      const [gone, kept] = (await users(2)) as [string, string];
      // One outcome per id as listed, a repeated one too.
      const deleted = await a.deleteUsers([gone, gone]);
      expect(deleted.map((r) => r.key)).toEqual([gone, gone]);
      expectAllOk(deleted);
      const got = await a.getUsers([gone, kept]);
      expect(got[0]?.ok).toBe(false);
      expect(got[1]?.ok).toBe(true);
    });

    check("users.presence", ["getPresence"], async () => {
      const [on, off] = (await users(2)) as [string, string];
      await h.simulateLogin(on);
      const presence = (await a.getPresence([on, off])).map(value);
      expect(presence).toEqual([
        { userId: on, status: "ONLINE" },
        { userId: off, status: "OFFLINE" },
      ]);
      await h.simulateLogout(on);
      const [after] = await a.getPresence([on]);
      expect(value(after).status).toBe("OFFLINE");
    });

    check("users.ban", ["banUsers", "unbanUsers"], async () => {
      const ids = await users(2);
      expectAllOk(await a.banUsers({ userIds: ids, durationSeconds: 3600 }));
      expectAllOk(await a.unbanUsers(ids));
      await noVendorCall(() => a.banUsers({ userIds: ids, durationSeconds: -5 }), "BAD_USER_INPUT");
    });

    check("users.credential", ["issueChatCredential"], async () => {
      const [u] = (await users(1)) as [string];
      const started = Date.now();
      const bounds = a.limits.credentialTtlSeconds;
      // A lifetime the vendor cannot honour is refused before any call, never ignored.
      if (bounds) {
        await noVendorCall(
          () => a.issueChatCredential({ userId: u, ttlSeconds: bounds.max + 1 }),
          "BAD_USER_INPUT",
        );
      } else {
        await noVendorCall(
          () => a.issueChatCredential({ userId: u, ttlSeconds: 3600 }),
          "BAD_USER_INPUT",
        );
      }
      const credential = await a.issueChatCredential({
        userId: u,
        ...(bounds ? { ttlSeconds: 3600 } : {}),
        name: "Cred",
      });
      expect(credential).toMatchObject({ vendor: a.vendor, userId: u, appId: a.info.publicAppId });
      expect(credential.token.length).toBeGreaterThan(10);
      if (credential.expiresAt) {
        const ttl = (credential.expiresAt.getTime() - started) / 1000;
        expect(ttl).toBeGreaterThan(3500);
        expect(ttl).toBeLessThan(3700);
      }
      expect(await h.verifyChatCredential(credential)).toBe(true);
      expect(await h.verifyChatCredential({ ...credential, userId: id("other") })).toBe(false);
      await noVendorCall(() => a.issueChatCredential({ userId: "" }), "BAD_USER_INPUT");
    });

    // --------------------------------------------------------------- groups
    async function group(memberCount = 2) {
      const [owner, ...members] = (await users(memberCount + 1)) as [string, ...string[]];
      const groupId = id("g");
      const created = await a.createGroup({
        id: groupId,
        name: "Team",
        ownerId: owner,
        memberIds: members,
      });
      expect(created).toMatchObject({ id: groupId, name: "Team" });
      return { groupId, owner, members };
    }

    async function memberIds(groupId: string): Promise<string[]> {
      const all = await collect((cursor) => a.listGroupMembers({ groupId, limit: 2, cursor }));
      return all.map((m) => m.userId).sort();
    }

    check("groups.create-and-get", ["createGroup", "getGroup"], async () => {
      const { groupId, owner } = await group();
      const got = await a.getGroup(groupId);
      expect(got).toMatchObject({ id: groupId, name: "Team" });
      if (has("GROUP_OWNER")) expect(got?.ownerId).toBe(owner);
    });

    check("groups.get-unknown", ["getGroup"], async () => {
      expect(await a.getGroup(id("nogroup"))).toBeNull();
    });

    check("groups.create-with-unknown-member", ["createGroup", "getGroup"], async () => {
      // A member the vendor does not know is refused, not left out in silence.
      const [owner, member] = (await users(2)) as [string, string];
      const groupId = id("g");
      await expect(
        a.createGroup({
          id: groupId,
          name: "Team",
          ownerId: owner,
          memberIds: [member, id("nobody")],
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await a.getGroup(groupId)).toBeNull();
    });

    check("groups.members-paged", ["listGroupMembers"], async () => {
      const { groupId, owner, members } = await group(4);
      const all = await collect((cursor) => a.listGroupMembers({ groupId, limit: 2, cursor }));
      const ids = all.map((m) => m.userId);
      expect(new Set(ids).size).toBe(ids.length); // no duplicates across pages
      expect([...ids].sort()).toEqual([owner, ...members].sort());
      if (has("GROUP_OWNER")) expect(all.find((m) => m.userId === owner)?.role).toBe("OWNER");
    });

    check("groups.member-check", ["checkGroupMembers"], async () => {
      const { groupId, owner, members } = await group(2);
      const [outsider] = (await users(1)) as [string];
      const m = members[0] as string;
      const before = await h.vendorRequestCount();
      const answers = await a.checkGroupMembers({ groupId, userIds: [m, outsider, owner, m] });
      // One vendor call, answers in the order asked, a repeated user answered twice.
      expect(await h.vendorRequestCount()).toBe(before + 1);
      expect(answers.map((r) => [r.key, value(r)])).toEqual([
        [m, true],
        [outsider, false],
        [owner, true],
        [m, true],
      ]);
      const limit = a.limits.usersPerMemberCheck;
      const tooMany = Array.from({ length: limit + 1 }, (_, i) => `u${i}`);
      await noVendorCall(
        () => a.checkGroupMembers({ groupId, userIds: tooMany }),
        "BAD_USER_INPUT",
      );
      await noVendorCall(() => a.checkGroupMembers({ groupId, userIds: [] }), "BAD_USER_INPUT");
      await noVendorCall(
        () => a.checkGroupMembers({ groupId: "", userIds: [m] }),
        "BAD_USER_INPUT",
      );
    });

    check("groups.add-remove-members", ["addGroupMembers", "removeGroupMembers"], async () => {
      const { groupId, owner, members } = await group(2);
      const [extra] = (await users(1)) as [string];
      // One outcome per id as listed, a repeated one too.
      const added = await a.addGroupMembers({ groupId, userIds: [extra, extra], actorId: owner });
      expect(added.map((r) => r.key)).toEqual([extra, extra]);
      expectAllOk(added);
      expect(await memberIds(groupId)).toContain(extra);
      expectAllOk(
        await a.removeGroupMembers({ groupId, userIds: [members[0] as string], actorId: owner }),
      );
      const after = await memberIds(groupId);
      expect(after).not.toContain(members[0]);
      expect(after).toContain(extra);
      // Adding who already is a member, the owner included, as the app or as the owner: ok.
      for (const actorId of [undefined, owner]) {
        const again = await a.addGroupMembers({
          groupId,
          userIds: [owner, extra],
          ...(actorId ? { actorId } : {}),
        });
        expect(again.map((r) => r.key)).toEqual([owner, extra]);
        expectAllOk(again);
        expectAllOk(await a.addGroupMembers({ groupId, userIds: [owner] }));
      }
      expect((await memberIds(groupId)).sort()).toEqual(after.sort());
    });

    check("groups.transfer-ownership", ["transferGroupOwnership"], async () => {
      const { groupId, owner, members } = await group(2);
      const next = members[0] as string;
      await a.transferGroupOwnership({ groupId, newOwnerId: next, actorId: owner });
      expect((await a.getGroup(groupId))?.ownerId).toBe(next);
    });

    check(
      "groups.mute",
      ["muteGroupMembers", "unmuteGroupMembers", "listMutedMembers"],
      async () => {
        const { groupId, owner, members } = await group(2);
        const target = members[0] as string;
        const started = Date.now();
        const mutes = await a.muteGroupMembers({
          groupId,
          userIds: [target, target],
          durationSeconds: 600,
          actorId: owner,
        });
        expect(mutes.map((r) => r.key)).toEqual([target, target]);
        expectAllOk(mutes);
        const muted = await a.listMutedMembers(groupId);
        const entry = muted.find((m) => m.userId === target);
        expect(entry).toBeDefined();
        if (entry?.mutedUntil) {
          const seconds = (entry.mutedUntil.getTime() - started) / 1000;
          expect(seconds).toBeGreaterThan(500);
          expect(seconds).toBeLessThan(700);
        }
        expect(muted.map((m) => m.userId)).not.toContain(members[1]);
        expectAllOk(await a.unmuteGroupMembers({ groupId, userIds: [target], actorId: owner }));
        expect((await a.listMutedMembers(groupId)).map((m) => m.userId)).not.toContain(target);
      },
    );

    check("groups.of-user", ["listUserGroups"], async () => {
      const { groupId, members } = await group(1);
      const groups = await collect((cursor) =>
        a.listUserGroups({ userId: members[0] as string, limit: 10, cursor }),
      );
      expect(groups.map((g) => g.id)).toContain(groupId);
    });

    check("groups.of-app", ["listAppGroups"], async () => {
      const { groupId } = await group(1);
      const groups = await collect((cursor) => a.listAppGroups({ limit: 50, cursor }));
      expect(groups.map((g) => g.id)).toContain(groupId);
    });

    check("groups.dismiss", ["dismissGroup"], async () => {
      const { groupId, owner } = await group(1);
      await a.dismissGroup({ groupId, actorId: owner });
      expect(await a.getGroup(groupId)).toBeNull();
    });

    check("groups.invalid-input", ["createGroup", "addGroupMembers"], async () => {
      const [owner] = (await users(1)) as [string];
      await noVendorCall(
        () => a.createGroup({ id: id("g"), name: "", ownerId: owner, memberIds: [] }),
        "BAD_USER_INPUT",
      );
      await noVendorCall(
        () => a.addGroupMembers({ groupId: id("g"), userIds: [] }),
        "BAD_USER_INPUT",
      );
    });

    // ------------------------------------------------------------- messages
    check("messages.send-to-users", ["sendMessage"], async () => {
      const [from, to1, to2] = (await users(3)) as [string, string, string];
      const sent = await a.sendMessage({
        from,
        to: { type: "USERS", userIds: [to1, to2] },
        content: { type: "TEXT", text: "hello" },
      });
      expect(sent.map((r) => r.key)).toEqual([to1, to2]);
      const [m1, m2] = sent.map(value);
      expect(m1?.recipientId).toBe(to1);
      expect(m1?.messageId).not.toBe(m2?.messageId);
      if (a.describeMessageId) {
        // What policy reads from an id without a vendor call: who sent it, and where.
        expect(a.describeMessageId(m1?.messageId as string)).toEqual({
          senderId: from,
          conversation: { type: "USER", id: to1 },
        });
        expect(a.describeMessageId("msg1.forged.id")).toBeNull();
      }
      expect(Math.abs((m1?.sentAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    });

    check("messages.send-to-group", ["sendMessage"], async () => {
      const { groupId, owner } = await group(2);
      const sent = await a.sendMessage({
        from: owner,
        to: { type: "GROUP", groupId },
        content: { type: "TEXT", text: "hi all" },
      });
      expect(sent).toHaveLength(1);
      expect(value(sent[0]).recipientId).toBe(groupId);
    });

    check("messages.invalid-content", ["sendMessage"], async () => {
      const [from, to] = (await users(2)) as [string, string];
      await noVendorCall(
        () =>
          a.sendMessage({
            from,
            to: { type: "USERS", userIds: [to] },
            content: { type: "TEXT", text: "" },
          }),
        "BAD_USER_INPUT",
      );
      await noVendorCall(
        () =>
          a.sendMessage({
            from,
            to: { type: "USERS", userIds: [to] },
            content: { type: "TEXT", text: "x".repeat(200_000) },
          }),
        "BAD_USER_INPUT",
      );
      await noVendorCall(
        () =>
          a.sendMessage({
            from,
            to: { type: "USERS", userIds: [] },
            content: { type: "TEXT", text: "x" },
          }),
        "BAD_USER_INPUT",
      );
    });

    async function sendTexts(
      from: string,
      to: { type: "USERS"; userIds: string[] } | { type: "GROUP"; groupId: string },
      texts: string[],
    ) {
      const ids: string[] = [];
      for (const text of texts) {
        const [r] = await a.sendMessage({ from, to, content: { type: "TEXT", text } });
        ids.push(value(r).messageId);
        // Vendors order by time; keep sends apart so order is unambiguous.
        await new Promise((r) => setTimeout(r, 5));
      }
      return ids;
    }

    check("messages.history-user", ["listMessages"], async () => {
      const [from, to] = (await users(2)) as [string, string];
      const sentIds = await sendTexts(from, { type: "USERS", userIds: [to] }, [
        "one",
        "two",
        "three",
      ]);
      const all = await collect((cursor) =>
        a.listMessages({
          conversation: { type: "USER", userId: from, peerId: to },
          limit: 2,
          cursor,
        }),
      );
      expect(all.map(text)).toEqual(["three", "two", "one"]);
      expect(all.every((m) => m.senderId === from && !m.recalled)).toBe(true);
      // A message has one id, whether a send or history gave it.
      expect(all.map((m) => m.id)).toEqual([...sentIds].reverse());
      // The same conversation seen from the other side.
      const mirrored = await a.listMessages({
        conversation: { type: "USER", userId: to, peerId: from },
        limit: 10,
      });
      expect(mirrored.items.map(text)).toEqual(["three", "two", "one"]);
    });

    check("messages.history-group", ["listMessages"], async () => {
      const { groupId, owner, members } = await group(1);
      await sendTexts(owner, { type: "GROUP", groupId }, ["g1"]);
      await sendTexts(members[0] as string, { type: "GROUP", groupId }, ["g2"]);
      const page = await a.listMessages({ conversation: { type: "GROUP", groupId }, limit: 10 });
      expect(page.items.map(text)).toEqual(["g2", "g1"]);
      expect(page.items.map((m) => m.senderId)).toEqual([members[0], owner]);
      expect(page.items[0]?.conversation).toEqual({ type: "GROUP", id: groupId });
    });

    check("messages.history-time-bounds", ["listMessages"], async () => {
      const [from, to] = (await users(2)) as [string, string];
      const conversation = { type: "USER", userId: from, peerId: to } as const;
      await sendTexts(from, { type: "USERS", userIds: [to] }, ["old"]);
      const early = await a.listMessages({
        conversation,
        before: new Date(Date.now() - 3_600_000),
        limit: 10,
      });
      expect(early.items).toEqual([]);
      const late = await a.listMessages({
        conversation,
        after: new Date(Date.now() + 3_600_000),
        limit: 10,
      });
      expect(late.items).toEqual([]);
      const window = await a.listMessages({
        conversation,
        after: new Date(Date.now() - 3_600_000),
        before: new Date(Date.now() + 3_600_000),
        limit: 10,
      });
      expect(window.items.map(text)).toEqual(["old"]);
    });

    check("messages.content-kinds", ["sendMessage"], async () => {
      const [from, to] = (await users(2)) as [string, string];
      const target: MessageTarget = { type: "USERS", userIds: [to] };
      const kinds: Array<[Capability, OutgoingContent]> = [
        [
          "CONTENT_CUSTOM",
          { type: "CUSTOM", customType: "order", data: { orderId: 42, items: ["a"] } },
        ],
        [
          "CONTENT_IMAGE",
          { type: "IMAGE", url: "https://example.com/p.jpg", width: 640, height: 480 },
        ],
        [
          "CONTENT_FILE",
          { type: "FILE", url: "https://example.com/f.pdf", name: "f.pdf", sizeBytes: 1234 },
        ],
      ];
      for (const [capability, content] of kinds) {
        if (!has(capability)) {
          await noVendorCall(
            () => a.sendMessage({ from, to: target, content }),
            "UNSUPPORTED_BY_VENDOR",
          );
          continue;
        }
        expectAllOk(await a.sendMessage({ from, to: target, content }));
        if (!has("MESSAGE_HISTORY")) continue;
        const page = await a.listMessages({
          conversation: { type: "USER", userId: from, peerId: to },
          limit: 1,
        });
        expect(page.items[0]?.content).toMatchObject(content);
      }
    });

    check("messages.recall", ["recallMessage"], async () => {
      const [from, to] = (await users(2)) as [string, string];
      const [messageId] = (await sendTexts(from, { type: "USERS", userIds: [to] }, ["oops"])) as [
        string,
      ];
      await a.recallMessage({ messageId });
      if (has("MESSAGE_HISTORY")) {
        const page = await a.listMessages({
          conversation: { type: "USER", userId: from, peerId: to },
          limit: 10,
        });
        const same = page.items.filter((m) => m.id === messageId);
        expect(same.every((m) => m.recalled)).toBe(true);
      }
      const again = await a.recallMessage({ messageId }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(again).toBeInstanceOf(ImError);
    });

    check("messages.recall-bad-id", ["recallMessage"], async () => {
      const error = await noVendorCall(
        () => a.recallMessage({ messageId: "msg1.forged.id" }),
        "BAD_USER_INPUT",
      );
      expect(error.field).toBe("messageId");
    });

    check("messages.system", ["sendSystemMessage"], async () => {
      const [from, to1, to2] = (await users(3)) as [string, string, string];
      const sent = await a.sendSystemMessage({
        from,
        userIds: [to1, to2],
        content: { type: "TEXT", text: "notice" },
      });
      expect(sent.map((r) => r.key)).toEqual([to1, to2]);
      expectAllOk(sent);
    });

    check("messages.broadcast", ["broadcastMessage"], async () => {
      const [from] = (await users(1)) as [string];
      const result = await a.broadcastMessage({
        from,
        content: { type: "TEXT", text: "to everyone" },
      });
      expect(result).toHaveProperty("messageId");
    });

    // ---------------------------------------------------------------- rooms
    check("rooms.credential", ["issueRoomCredential"], async () => {
      const [u] = (await users(1)) as [string];
      const roomId = id("r");
      const credential = await a.issueRoomCredential({
        userId: u,
        roomId,
        ttlSeconds: 600,
        canPublish: true,
      });
      expect(credential).toMatchObject({ userId: u, roomId, appId: a.info.publicAppId });
      expect(credential.token.length).toBeGreaterThan(10);
      // Null, or a second secret of its own (never a copy of the room token).
      if (credential.userToken !== null) {
        expect(credential.userToken.length).toBeGreaterThan(10);
        expect(credential.userToken).not.toBe(credential.token);
      }
    });

    async function roomWith(count: number) {
      if (!h.joinRoom) throw new Error("the harness must implement joinRoom for room users");
      const ids = await users(count);
      const roomId = id("r");
      await h.joinRoom(roomId, ids);
      const inRoom = async () =>
        (await collect((cursor) => a.listRoomUsers({ roomId, limit: 10, cursor })))
          .map((u) => u.userId)
          .sort();
      return { roomId, ids: ids.sort(), inRoom };
    }

    check("rooms.users", ["listRoomUsers"], async () => {
      const room = await roomWith(2);
      expect(await room.inRoom()).toEqual(room.ids);
    });

    check("rooms.kick", ["kickRoomUsers", "listRoomUsers"], async () => {
      const room = await roomWith(2);
      const [u1, u2] = room.ids as [string, string];
      expectAllOk(await a.kickRoomUsers({ roomId: room.roomId, userIds: [u1], reason: "bye" }));
      expect(await room.inRoom()).toEqual([u2]);
    });

    check("rooms.message", ["sendRoomMessage"], async () => {
      const [u1, u2] = (await users(2)) as [string, string];
      const roomId = id("r");
      await h.joinRoom?.(roomId, [u2]);
      const result = await a.sendRoomMessage({
        roomId,
        from: u1,
        content: { type: "TEXT", text: "hey room" },
      });
      expect(result).toHaveProperty("messageId");
    });

    const kit: ContractKit = {
      adapter: () => a,
      harness: () => h,
      id,
      users,
      check,
      noVendorCall,
      refuses: async (call, field) => {
        const error = await noVendorCall(call, "BAD_USER_INPUT");
        if (typeof field === "string") expect(error.field).toBe(field);
        else expect(error.field).toMatch(field);
      },
    };
    socialCases(kit);
    userDepthCases(kit);
    conversationCases(kit);
    lifecycleCases(kit);
    groupDepthCases(kit);
    liveRoomCases(kit);
    moderationCases(kit);
    pushCases(kit);

    // ----------------------------------------------------- gaps and coverage
    // A declared gap is a visible skip of its cases above and this check: the operation
    // rejects with UNSUPPORTED_BY_VENDOR, its reason, and no vendor call.
    for (const support of options.operations) {
      if (support.supported) continue;
      it(`${support.name}: declared gap, refused without a vendor call (${support.reason})`, async () => {
        const method = a[support.name] as (input: unknown) => Promise<unknown>;
        const error = await noVendorCall(() => method.call(a, {}), "UNSUPPORTED_BY_VENDOR");
        expect(error.message).toContain(support.reason ?? "");
      });
    }

    it("covers every declared operation with a case or a declared gap", () => {
      const uncovered = OPERATION_NAMES.filter(
        (name) => !covered.has(name) && supportOf(name)?.supported !== false,
      );
      expect(uncovered, "operations with neither a contract case nor a declared gap").toEqual([]);
      expect(a.operations.map((o) => [o.name, o.supported])).toEqual(
        options.operations.map((o) => [o.name, o.supported]),
      );
    });
  });
}
