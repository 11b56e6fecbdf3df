/**
 * One member's settings in a group, service group_open_http_svc (docs/vendors/tencent.md
 * §3.1): modify_group_member_info — the message flag (do-not-disturb), role, name card,
 * mute and custom member data. Read back through get_group_member_info (MsgFlag) or
 * get_joined_group_list (SelfInfo.MsgFlag).
 */
import { GROUP_CODES, TimError } from "../errors.js";
import { isObject, type Json, UINT32_MAX, utf8Bytes } from "../fields.js";
import { findGroup, HAS_ADMINS } from "../groups.js";
import { account, type RouteTable } from "../route.js";

/** Receive and notify; neither; receive without notification. */
export const MSG_FLAGS = ["AcceptAndNotify", "Discard", "AcceptNotNotify"] as const;
const NAME_CARD_MAX_BYTES = 50;

export const memberInfoRoutes: RouteTable = {
  "v4/group_open_http_svc/modify_group_member_info": {
    codes: GROUP_CODES,
    handle({ app, f, now, admin, callbacks }) {
      const g = findGroup(app, f.str("GroupId"));
      const who = f.str("Member_Account");
      const msgFlag = f.optStr("MsgFlag");
      if (msgFlag !== undefined && !(MSG_FLAGS as readonly string[]).includes(msgFlag))
        f.fail(`MsgFlag must be one of ${MSG_FLAGS.join(", ")}`);
      const role = f.optStr("Role");
      if (role !== undefined && role !== "Admin" && role !== "Member")
        f.fail("Role must be Admin or Member");
      const nameCard = f.optStr("NameCard");
      if (nameCard !== undefined && utf8Bytes(nameCard) > NAME_CARD_MAX_BYTES)
        f.fail(`NameCard is over ${NAME_CARD_MAX_BYTES} bytes`);
      // MuteTime in current docs, ShutUpTime in older ones.
      const muteSeconds = f.optInt(f.pick("MuteTime", "ShutUpTime"), undefined, UINT32_MAX);
      const data = f.optArray("AppMemberDefinedData", 100);
      if (data && !data.every((d) => isObject(d) && typeof d.Key === "string"))
        f.fail("AppMemberDefinedData must be [{Key, Value}]");
      // Live groups keep no member profiles (§3.1).
      if (g.type === "AVChatRoom")
        throw new TimError(10007, "AVChatRoom groups keep no member settings");
      account(app, who, 10019, "Member_Account");
      const member = g.members.get(who);
      if (!member) throw new TimError(10007, `${who} is not a member of ${g.id}`);
      if (role !== undefined && (!HAS_ADMINS.has(g.type) || member.role === "Owner"))
        throw new TimError(10004, `the role of ${who} cannot be changed in ${g.type} groups`);
      if (muteSeconds !== undefined && g.type === "Private")
        throw new TimError(10007, "Work (Private) groups do not support muting");
      if (msgFlag !== undefined) member.msgFlag = msgFlag;
      if (role === "Admin" || role === "Member") member.role = role;
      if (nameCard !== undefined) member.nameCard = nameCard;
      if (muteSeconds === 0) g.mutes.delete(who);
      else if (muteSeconds !== undefined)
        g.mutes.set(who, muteSeconds === UINT32_MAX ? UINT32_MAX : now + muteSeconds);
      if (data) {
        // Merge by Key; an empty Value deletes the key (as for the group's AppDefinedData).
        const byKey = new Map(member.appMemberDefinedData.map((d) => [d.Key as string, d]));
        for (const d of data as Json[]) {
          if (d.Value === "" || d.Value === undefined) byKey.delete(d.Key as string);
          else byKey.set(d.Key as string, { Key: d.Key, Value: d.Value });
        }
        member.appMemberDefinedData = [...byKey.values()];
      }
      // A role or name card change calls back with the fields set (intl 1047/60393).
      if (role !== undefined || nameCard !== undefined) {
        callbacks.send(app, "Group.CallbackAfterMemberFieldChanged", {
          GroupId: g.id,
          Type: g.type,
          Operator_Account: admin,
          Member_Account: who,
          ...(role !== undefined ? { Role: role } : {}),
          ...(nameCard !== undefined ? { NameCard: nameCard } : {}),
        });
      }
      return undefined;
    },
  },
};
