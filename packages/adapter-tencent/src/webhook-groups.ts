import {
  type CallbackEvents,
  type CallbackFields,
  callbackId,
  callbackList,
  type GroupProfileField,
  type ImEvent,
} from "@imgraph/core";

// Tencent's #17 group callbacks (docs/vendors/tencent.md #17 §5) → neutral events:
// Group.CallbackAfterGroupInfoChanged (name, introduction, notification, face URL only),
// Group.CallbackAfterMemberFieldChanged (a role or name card), Group.CallbackAfterGroupAttrChanged.

/**
 * What these callbacks report fully. Profile updates are reported for some fields only
 * (TENCENT_PROFILE_FIELDS), so the event is not claimed as a whole.
 */
export const GROUP_CALLBACK_EVENTS: CallbackEvents = {
  GROUP_MEMBER_ROLE_CHANGED: ["GROUP"],
  GROUP_ATTRIBUTES_CHANGED: ["GROUP"],
};

/** GroupInfoChanged's documented fields, by neutral name. */
const REPORTED: ReadonlyArray<[string, GroupProfileField]> = [
  ["Name", "name"],
  ["FaceUrl", "avatarUrl"],
  ["Introduction", "introduction"],
  ["Notification", "announcement"],
];

/**
 * The profile fields GroupInfoChanged reports: the gateway reports changes of the join
 * policy and the member cap it makes itself.
 */
export const TENCENT_PROFILE_FIELDS = REPORTED.map(([, field]) => field);

/** GroupInfoChanged's fields by neutral name: the documented ones, then any Tencent may add. */
const PROFILE_FIELDS: ReadonlyArray<[string, string]> = [
  ...REPORTED,
  ["ApplyJoinOption", "joinPolicy"],
  ["MaxMemberNum", "maxMembers"],
  ["MuteAllMember", "allMuted"],
];

/** The events of a #17 group callback; undefined when `command` is not one. */
export function readGroupCallback(
  command: string,
  b: CallbackFields,
  appId: string,
  at: Date,
): ImEvent[] | undefined {
  switch (command) {
    case "Group.CallbackAfterGroupInfoChanged": {
      const fields = PROFILE_FIELDS.filter(([f]) => b[f] !== undefined).map(([, n]) => n);
      // Changes of fields without a neutral name (AppDefinedData) are no event.
      if (fields.length === 0) return [];
      const groupId = callbackId(b.GroupId, "GroupId");
      return [{ type: "GROUP_PROFILE_UPDATED", appId, at, groupId, fields }];
    }
    case "Group.CallbackAfterMemberFieldChanged": {
      // A name card change alone carries no Role: no role event.
      if (b.Role !== "Admin" && b.Role !== "Member") return [];
      return [
        {
          type: "GROUP_MEMBER_ROLE_CHANGED",
          appId,
          at,
          groupId: callbackId(b.GroupId, "GroupId"),
          // Member_Account (intl 1047/60393); Modified_Account is an older SDK's spelling.
          userId: callbackId(b.Member_Account ?? b.Modified_Account, "Member_Account"),
          role: b.Role === "Admin" ? "ADMIN" : "MEMBER",
        },
      ];
    }
    case "Group.CallbackAfterGroupAttrChanged": {
      // modify and delete name their keys; set (reset) and clear touch every key: [].
      const some = b.OptionType === "modify" || b.OptionType === "delete";
      const keys = some
        ? callbackList(b.GroupAttr, "GroupAttr").map((a) =>
            callbackId((a as CallbackFields | null)?.key, "GroupAttr.key"),
          )
        : [];
      const groupId = callbackId(b.GroupId, "GroupId");
      return [{ type: "GROUP_ATTRIBUTES_CHANGED", appId, at, groupId, keys }];
    }
    default:
      return undefined;
  }
}
