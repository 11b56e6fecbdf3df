import { expect } from "vitest";
import type { PushTask } from "../model/push.js";
import { expectAllOk } from "./expect.js";
import type { PushDelivery } from "./harness.js";
import type { ContractKit } from "./kit.js";

/**
 * Push notifications: whom each kind of push reaches, read from the vendor side (the
 * emulator records the recipients it resolved), and the vendor's task report.
 */
export function pushCases({ adapter, harness, id, users, check, refuses }: ContractKit) {
  const notification = { title: "Sale", body: "50% off today", data: '{"screen":"sale"}' };

  /** Runs a push and answers what the vendor recorded for it. */
  async function pushed(push: () => Promise<PushTask>): Promise<[PushTask, PushDelivery]> {
    const h = harness();
    if (!h.pushes) throw new Error("the harness must read pushes from the vendor side");
    const before = (await h.pushes()).length;
    const task = await push();
    const after = await h.pushes();
    expect(after).toHaveLength(before + 1);
    const delivery = after[after.length - 1] as PushDelivery;
    if (task.taskId !== null) expect(delivery.taskId).toBe(task.taskId);
    expect(delivery.body).toBe(notification.body);
    return [task, delivery];
  }
  const sorted = (ids: string[]) => [...ids].sort();

  check("push.to-users", ["pushToUsers"], async () => {
    const [u1, u2] = (await users(2, "pu")) as [string, string];
    const [, delivery] = await pushed(() =>
      adapter().pushToUsers({ userIds: [u1, u2], notification }),
    );
    expect(sorted(delivery.recipients)).toEqual(sorted([u1, u2]));
    expect(delivery.title).toBe(notification.title);
  });

  check("push.to-all", ["pushToAll"], async () => {
    const [u1, u2] = (await users(2, "pa")) as [string, string];
    const [, delivery] = await pushed(() => adapter().pushToAll({ notification }));
    expect(delivery.recipients).toEqual(expect.arrayContaining([u1, u2]));
  });

  check("push.to-tags", ["pushToTags", "addUserTags"], async () => {
    const [u1, u2, u3] = (await users(3, "pt")) as [string, string, string];
    const [a, b] = [id("ta").replace(/[^a-z0-9]/gi, ""), id("tb").replace(/[^a-z0-9]/gi, "")];
    expectAllOk(await adapter().addUserTags({ userIds: [u1, u2], tags: [a] }));
    expectAllOk(await adapter().addUserTags({ userIds: [u2, u3], tags: [b] }));
    const [, any] = await pushed(() => adapter().pushToTags({ anyOf: [a], notification }));
    expect(sorted(any.recipients)).toEqual(sorted([u1, u2]));
    const [, all] = await pushed(() => adapter().pushToTags({ allOf: [a, b], notification }));
    expect(all.recipients).toEqual([u2]);
  });

  check(
    "push.to-attributes",
    ["pushToAttributes", "setPushAttributes", "getPushAttributes"],
    async () => {
      const [u1, u2, u3] = (await users(3, "pr")) as [string, string, string];
      const [here, there] = [id("c"), id("d")];
      expectAllOk(
        await adapter().setPushAttributes({
          users: [
            { userId: u1, attributes: { city: here } },
            { userId: u2, attributes: { city: here, tier: "gold" } },
            { userId: u3, attributes: { city: there, tier: "gold" } },
          ],
        }),
      );
      const read = await adapter().getPushAttributes([u1, u2]);
      expect(read.map((r) => (r.ok ? r.value : null))).toEqual([
        { city: here },
        { city: here, tier: "gold" },
      ]);
      const [, city] = await pushed(() =>
        adapter().pushToAttributes({ attributes: { city: here }, notification }),
      );
      expect(sorted(city.recipients)).toEqual(sorted([u1, u2]));
      const [, both] = await pushed(() =>
        adapter().pushToAttributes({ attributes: { city: here, tier: "gold" }, notification }),
      );
      expect(both.recipients).toEqual([u2]);
    },
  );

  // A tag push: statistics are documented for all-member and tag pushes (Tencent).
  check("push.task-status", ["getPushTask", "pushToTags", "addUserTags"], async () => {
    const [u] = (await users(1, "ps")) as [string];
    const tag = id("ts").replace(/[^a-z0-9]/gi, "");
    expectAllOk(await adapter().addUserTags({ userIds: [u], tags: [tag] }));
    const task = await adapter().pushToTags({ anyOf: [tag], notification });
    expect(task.taskId).toEqual(expect.any(String));
    const status = await adapter().getPushTask({ taskId: task.taskId as string });
    expect(status.taskId).toBe(task.taskId);
    expect(["QUEUED", "SENDING", "DONE"]).toContain(status.state);
    if (status.targeted !== null) expect(status.targeted).toBeGreaterThanOrEqual(0);
    await expect(adapter().getPushTask({ taskId: `${task.taskId}x` })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  check("push.invalid-input", ["pushToUsers"], async () => {
    const u = id("u");
    await refuses(() => adapter().pushToUsers({ userIds: [], notification }), "userIds");
    await refuses(
      () => adapter().pushToUsers({ userIds: [u], notification: { body: " " } }),
      "notification.body",
    );
    await refuses(
      () =>
        adapter().pushToUsers({
          userIds: [u],
          notification: { body: "x".repeat(100_000) },
        }),
      "notification.body",
    );
    await refuses(() => adapter().pushToUsers({ userIds: [u, u], notification }), "userIds[1]");
    const many = Array.from({ length: adapter().limits.usersPerPush + 1 }, (_, i) => `${u}${i}`);
    await refuses(() => adapter().pushToUsers({ userIds: many, notification }), "userIds");
    await refuses(
      () => adapter().pushToUsers({ userIds: [u], notification, idempotencyKey: "no spaces" }),
      "idempotencyKey",
    );
  });

  check("push.invalid-segments", ["pushToTags"], async () => {
    await refuses(() => adapter().pushToTags({ notification }), "allOf");
    await refuses(
      () => adapter().pushToTags({ allOf: ["a"], anyOf: ["b"], notification }),
      "allOf",
    );
    await refuses(() => adapter().pushToTags({ anyOf: [], notification }), "anyOf");
    await refuses(() => adapter().pushToTags({ anyOf: ["a", "a"], notification }), "anyOf");
  });
}
