/**
 * Conversation groups, service recentcontact (docs/vendors/tencent.md §1.4): create, update
 * (rename, or add / remove conversations), delete, get (paged) and search. Request and
 * answer shapes: intl 1047/53437-53442 and the doocs / Rust SDK models; per-conversation
 * outcomes are ResultCode rows, a missing group 51009, the 21st group 51010.
 */
import {
  type ContactGroupData,
  contactRef,
  contactRefs,
  contactView,
  entryOf,
  findGroup,
  GROUP_CAP_REACHED,
  GROUPS_MAX,
  groupItems,
  groupName,
  ownerGroups,
  prune,
  refusal,
  resultItem,
} from "../contact-groups.js";
import { contactKey } from "../contacts.js";
import { TimError } from "../errors.js";
import { isObject, type Json } from "../fields.js";
import type { RouteTable } from "../route.js";
import type { Account, AppState } from "../state.js";
import { RECENTCONTACT_CODES } from "./recentcontact.js";

/** get_contact_group's page size is the server's (unverified): 100 conversations a call. */
export const CONTACT_GROUP_PAGE = 100;

/** update_contact_group: UpdateType 1 (the only value seen); UpdateGroupType 1 rename, 2 members. */
const RENAME = 1;
const MEMBERS = 2;
/** ContactOptType: 1 add to the group, 2 take out of it. */
const ADD = 1;
const REMOVE = 2;

function nameTaken(data: ContactGroupData, name: string): void {
  // Two groups of one name: not documented; refused as a bad parameter (unverified).
  if (data.groups.some((g) => g.name === name)) {
    throw new TimError(50002, `conversation group ${name} already exists`);
  }
}

/** Puts (or takes out) each listed conversation; a row per conversation. */
function changeMembers(
  app: AppState,
  acc: Account,
  data: ContactGroupData,
  groupId: number,
  items: { op: number; raw: unknown }[],
  now: number,
  withOp: boolean,
): Json[] {
  // Checked as a whole first: a malformed item fails the call before any change.
  const refs = items.map(({ op, raw }, i) => ({ op, ref: contactRef(raw, `ContactItem[${i}]`) }));
  const rows = refs.map(({ op, ref }) => {
    const extra = withOp ? { ContactOptType: op } : {};
    if (op === REMOVE) {
      // Taking out a conversation that is not in the group changes nothing (unverified).
      data.contacts.get(contactKey(ref.type, ref.peer))?.groupIds.delete(groupId);
      return resultItem(ref, 0, extra);
    }
    const code = refusal(app, acc, data, ref);
    if (code === 0) entryOf(data, ref, now).groupIds.add(groupId);
    return resultItem(ref, code, extra);
  });
  prune(data);
  return rows;
}

export const contactGroupRoutes: RouteTable = {
  "v4/recentcontact/create_contact_group": {
    codes: RECENTCONTACT_CODES,
    handle({ app, f, now }) {
      const { acc, data } = ownerGroups(app, f);
      const list = f.array("GroupContactItem", 1);
      const spec = list[0];
      if (!isObject(spec)) throw new TimError(50002, "GroupContactItem[0] must be an object");
      const name = groupName(spec.GroupName, "GroupName");
      const items = contactRefs(spec.ContactItem, "ContactItem");
      nameTaken(data, name);
      if (data.groups.length >= GROUPS_MAX) {
        throw new TimError(GROUP_CAP_REACHED, `at most ${GROUPS_MAX} conversation groups`);
      }
      // Checked before the group exists: a malformed item creates nothing.
      for (const [i, raw] of items.entries()) contactRef(raw, `ContactItem[${i}]`);
      const group = { id: data.nextGroupId++, name };
      data.groups.push(group);
      const ops = items.map((raw) => ({ op: ADD, raw }));
      const rows = changeMembers(app, acc, data, group.id, ops, now, false);
      return {
        GroupResultItem: [{ GroupItem: { GroupName: name, GroupId: group.id }, ResultItem: rows }],
        ErrorDisplay: "",
      };
    },
  },
  "v4/recentcontact/update_contact_group": {
    codes: RECENTCONTACT_CODES,
    handle({ app, f, now }) {
      const { acc, data } = ownerGroups(app, f);
      const updateType = f.int("UpdateType");
      if (updateType !== 1) f.fail("UpdateType must be 1");
      const update = f.obj("UpdateGroup");
      if (!update) throw new TimError(50002, "UpdateGroup is required (object)");
      const kind = update.UpdateGroupType;
      if (kind !== RENAME && kind !== MEMBERS) f.fail("UpdateGroupType must be 1 or 2");
      const oldName = groupName(update.OldGroupName, "OldGroupName");
      const group = findGroup(data, oldName);
      let rows: Json[] = [];
      if (kind === RENAME) {
        const newName = groupName(update.NewGroupName, "NewGroupName");
        if (newName !== oldName) nameTaken(data, newName);
        group.name = newName;
      } else {
        const raw = contactRefs(update.ContactUpdateItem, "ContactUpdateItem");
        const items = raw.map((u, i) => {
          const op = isObject(u) ? u.ContactOptType : undefined;
          if (!isObject(u) || (op !== ADD && op !== REMOVE)) {
            throw new TimError(50002, `ContactUpdateItem[${i}].ContactOptType must be 1 or 2`);
          }
          return { op, raw: u.ContactItem };
        });
        rows = changeMembers(app, acc, data, group.id, items, now, true);
      }
      return {
        UpdateType: updateType,
        UpdateGroupResult: {
          UpdateGroupType: kind,
          GroupName: group.name,
          GroupId: group.id,
          OldGroupName: oldName,
          ContactResultItem: rows,
        },
        ErrorDisplay: "",
      };
    },
  },
  "v4/recentcontact/del_contact_group": {
    codes: RECENTCONTACT_CODES,
    handle({ app, f }) {
      const { data } = ownerGroups(app, f);
      // "Currently only one conversation group can be deleted at a time."
      const [name] = f.strArray("GroupName", 1);
      const group = findGroup(data, name as string);
      data.groups = data.groups.filter((g) => g !== group);
      for (const e of data.contacts.values()) e.groupIds.delete(group.id);
      prune(data);
      return { GroupItem: [{ GroupName: group.name, GroupId: group.id }], ErrorDisplay: "" };
    },
  },
  "v4/recentcontact/get_contact_group": {
    codes: RECENTCONTACT_CODES,
    handle({ app, f }) {
      const { data } = ownerGroups(app, f);
      const start = f.int("StartIndex");
      const all = [...data.contacts.values()];
      const page = all.slice(start, start + CONTACT_GROUP_PAGE);
      const complete = start + page.length >= all.length;
      return {
        ContactItem: page.map(contactView),
        // Every page names all the user's groups (unverified; readers merge them by GroupId).
        GroupItem: groupItems(data),
        CompleteFlag: complete ? 1 : 0,
        NextStartIndex: complete ? 0 : start + page.length,
        ErrorDisplay: "",
      };
    },
  },
  "v4/recentcontact/search_contact_group": {
    codes: RECENTCONTACT_CODES,
    handle({ app, f }) {
      const { data } = ownerGroups(app, f);
      const refs = contactRefs(f.raw.ContactItem, "ContactItem").map((raw, i) =>
        contactRef(raw, `ContactItem[${i}]`),
      );
      // A conversation without groups or marks answers its bare ContactItem (unverified).
      const found = refs.map((ref) => data.contacts.get(contactKey(ref.type, ref.peer)) ?? null);
      const ids = new Set(found.flatMap((e) => (e ? [...e.groupIds] : [])));
      return {
        ContactResultItem: found.map((e, i) =>
          e ? contactView(e) : { ...(refs[i]?.item ?? {}), StandardMark: "0" },
        ),
        GroupItem: groupItems(data).filter((g) => ids.has(g.GroupId as number)),
        ErrorDisplay: "",
      };
    },
  },
};
