import {
  BadUserInputError,
  checkImportGroup,
  ImError,
  type ImportedMember,
  UnsupportedByVendorError,
} from "@imgraph/core";
import { call, type Op, str, toUnixSeconds } from "./context.js";
import { importRules, MEMBERS_PER_IMPORT } from "./group-depth-limits.js";
import { AUTO_GROUP_ID_PREFIX } from "./limits.js";

// A group moved from another system (docs/vendors/tencent.md #17 §2.6): import_group with
// its CreateTime, then import_group_member (300 a call) with each member's JoinTime and the
// admin role — the order Tencent recommends (group, members, then messages). Neither calls
// back. JoinTime must lie between the group's creation and now (checked before any call), and
// Tencent wants it strictly after the creation ("大于群的创建时间"): a member who joined in the
// creation second (the owner, or any member without joinedAt) is sent one second later.

// import_group_member's per-member Result.
const IMPORTED = 1;
const ALREADY_MEMBER = 2;

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

interface MemberAnswer {
  MemberList?: Array<{ Member_Account?: unknown; Result?: unknown }>;
}

export const importGroup: Op<"importGroup"> = async (ctx, input, options) => {
  const g = checkImportGroup(input, importRules(ctx.groupType), ctx.now());
  const createTime = toUnixSeconds("createdAt", g.createdAt);
  if (g.id.startsWith(AUTO_GROUP_ID_PREFIX))
    throw new BadUserInputError("id", `id must not start with ${AUTO_GROUP_ID_PREFIX}.`);
  if (ctx.groupType === "Private" && g.members.some((m) => m.role === "ADMIN"))
    throw new UnsupportedByVendorError(
      "tencent",
      "importGroup",
      'Tencent Work groups (options.groupType "Private") have no admins',
    );
  // Not repeated after a lost answer: a second import of the id is refused (10021).
  const answer = await call<{ GroupId?: unknown }>(
    ctx,
    "importGroup",
    "group_open_http_svc/import_group",
    {
      Type: ctx.groupType,
      GroupId: g.id,
      Name: g.name,
      Owner_Account: g.ownerId,
      CreateTime: createTime,
    },
    options,
    false,
  );
  const id = str(answer.GroupId) || g.id;
  for (let i = 0; i < g.members.length; i += MEMBERS_PER_IMPORT) {
    await importMembers(id, g.members.slice(i, i + MEMBERS_PER_IMPORT), g.createdAt);
  }
  return {
    id,
    name: g.name,
    ownerId: g.ownerId,
    memberCount: g.members.length + 1,
    createdAt: g.createdAt,
  };

  /** One batch; a repeat answers "already a member" (Result 2), so it may be repeated. */
  async function importMembers(groupId: string, members: ImportedMember[], createdAt: Date) {
    const result = await call<MemberAnswer>(
      ctx,
      "importGroup",
      "group_open_http_svc/import_group_member",
      {
        GroupId: groupId,
        MemberList: members.map((m) => ({
          Member_Account: m.userId,
          ...(m.role === "ADMIN" ? { Role: "Admin" } : {}),
          JoinTime: Math.max(seconds(m.joinedAt ?? createdAt), seconds(createdAt) + 1),
        })),
      },
      options,
      true,
    );
    const results = new Map(
      (result.MemberList ?? []).map((m) => [String(m?.Member_Account), Number(m?.Result)]),
    );
    const failed = members.filter((m) => {
      const r = results.get(m.userId);
      return r !== IMPORTED && r !== ALREADY_MEMBER;
    });
    if (failed.length > 0) {
      throw new ImError(
        "VENDOR_REJECTED",
        `Tencent imported group ${groupId} but not ${failed.map((m) => m.userId).join(", ")} (unknown users, or a join time Tencent refuses); add them with addGroupMembers.`,
        { vendor: "tencent", vendorCode: "Result 0" },
      );
    }
  }
};
