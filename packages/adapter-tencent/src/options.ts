import type { RuntimeOptions } from "@imgraph/core";
import { z } from "zod";
import { GROUP_MEMBER_FIELD_KEY, GROUP_MEMBER_FIELDS_MAX } from "./group-depth-limits.js";
import {
  PUSH_ATTRIBUTE_NAME_MAX_BYTES,
  PUSH_ATTRIBUTES_MAX,
  USER_ATTRIBUTE_KEY,
  USER_ATTRIBUTE_PREFIX,
} from "./limits.js";

/**
 * Tencent Cloud Chat data centres (tencent.md §2.2): an SDKAppID lives in exactly one.
 * Primary host first, then the backup host Tencent publishes for DNS-hijack cases.
 */
export const TENCENT_REGIONS = {
  cn: ["https://console.tim.qq.com", "https://adminapi.my-imcloud.com"],
  sgp: ["https://adminapisgp.im.qcloud.com", "https://adminapisgp.my-imcloud.com"],
  kr: ["https://adminapikr.im.qcloud.com", "https://adminapikr.my-imcloud.com"],
  jpn: ["https://adminapijpn.im.qcloud.com", "https://adminapijpn.my-imcloud.com"],
  ger: ["https://adminapiger.im.qcloud.com", "https://adminapiger.my-imcloud.com"],
  ind: ["https://adminapiind.im.qcloud.com", "https://adminapiind.my-imcloud.com"],
  usa: ["https://adminapiusa.im.qcloud.com", "https://adminapiusa.my-imcloud.com"],
  idn: ["https://adminapiidn.im.qcloud.com", "https://adminapiidn.my-imcloud.com"],
} as const;

export type TencentRegion = keyof typeof TENCENT_REGIONS;

const REGION_NAMES = Object.keys(TENCENT_REGIONS) as [TencentRegion, ...TencentRegion[]];

/**
 * The REST group type imgraph's groups are created as (new console names in brackets):
 * `Public` (Public, default): owner + admins, owner transfer, member mutes, stored history;
 * `Private` (Work): no member mutes (forbid_send_msg refuses it);
 * `ChatRoom` (Meeting): like Public, with free joining.
 */
export const TENCENT_GROUP_TYPES = ["Public", "Private", "ChatRoom"] as const;
export type TencentGroupType = (typeof TENCENT_GROUP_TYPES)[number];

const positiveInt = z.int().min(1).max(4_294_967_295);

/**
 * What a config file may set for one Tencent app (secrets already resolved to their
 * values). Unknown keys are refused. Defaults are applied by the adapter, not here.
 */
export const configSchema = z
  .strictObject({
    /** The console SDKAppID (uint32). */
    sdkAppId: positiveInt,
    /** The app's SecretKey from the console: signs every UserSig; never leaves the adapter. */
    key: z.string().min(1),
    /** An App admin identifier (console → account system). Default `administrator`. */
    adminUserId: z.string().min(1).optional(),
    /** The data centre of the SDKAppID (default "cn"). */
    region: z.enum(REGION_NAMES).optional(),
    /** Overrides the region's hosts (e.g. an emulator), primary first. */
    origins: z
      .array(z.url({ protocol: /^https?$/ }))
      .min(1)
      .optional(),
    /** Whole-call budget in ms (default 10 s; Tencent itself times out at 3 s). */
    deadlineMs: positiveInt.optional(),
    /** Vendor calls in flight at once for one batch (default 8). */
    concurrency: positiveInt.optional(),
    /** The REST type of the groups this adapter creates (default Public). */
    groupType: z.enum(TENCENT_GROUP_TYPES).optional(),
    /**
     * A `Tag_Profile_Custom_*` profile tag configured in the console to hold a user's
     * `extra` JSON (≤ 500 bytes). Without it, `extra` is unsupported.
     */
    extraProfileTag: z
      .string()
      .regex(/^Tag_Profile_Custom_\w+$/, "a Tag_Profile_Custom_* tag")
      .optional(),
    /**
     * The custom friend fields declared in the console, by keyword (`Note` for
     * `Tag_SNS_Custom_Note`): getFriends reads these attributes (friend_get_list answers only
     * the fields it is asked for). listFriends reads every field without it.
     */
    friendAttributes: z
      .array(z.string().regex(/^[A-Za-z]{1,8}$/, "1-8 letters"))
      .max(100)
      .optional(),
    /**
     * All-member push is enabled for the app (Pro/Ultimate + push add-on, or the Push
     * service): broadcastMessage, push tags and the push operations. Default false.
     */
    broadcast: z.boolean().optional(),
    /**
     * The app's push attribute names (set in the console or with timpush/set_attr_name; at
     * most 10): the keys pushToAttributes and the push attribute operations take, used as
     * Tencent's attribute names. Without it, no push attributes.
     */
    pushAttributes: z
      .array(
        z
          .string()
          .min(1)
          .refine((s) => Buffer.byteLength(s) <= PUSH_ATTRIBUTE_NAME_MAX_BYTES, "at most 50 bytes"),
      )
      .min(1)
      .max(PUSH_ATTRIBUTES_MAX)
      .optional(),
    /**
     * Message extensions are on for the app (Pro edition or higher, console switch "message
     * extension"): sends carry SupportMessageExtension 1 and the extension operations work on
     * messages sent since. Reactions are kept in extensions too (Tencent's REST API has no
     * reactions): client SDK reaction UIs do not see them. Default false.
     */
    messageExtensions: z.boolean().optional(),
    /**
     * Group read receipts are on for the app (Pro edition or higher, console switch "group
     * message read receipts"): sends ask for receipts (IsNeedReadReceipt 1) and the read-receipt
     * operations work on messages sent since. Default false.
     */
    readReceipts: z.boolean().optional(),
    /**
     * Conversation groups and marks are available to the app (Pro edition or higher): the
     * folder and mark operations use recentcontact's contact-group and mark_contact
     * commands. Default false.
     */
    conversationGroups: z.boolean().optional(),
    /**
     * Group counters are available to the app (Pro edition or higher; "Ultimate" in older
     * pages): getGroupCounters and changeGroupCounters use get_group_counter and
     * update_group_counter. Off, Tencent answers 10059. Default false.
     */
    groupCounters: z.boolean().optional(),
    /**
     * The custom group member fields declared in the console (Group configuration → member
     * custom fields), by key: setGroupMemberProfile writes them (AppMemberDefinedData) and
     * listGroupMembers reads them (Tencent answers only the fields a read names). At most 5,
     * keys of 1-16 letters, digits and underscores. Without it, no member fields.
     */
    groupMemberFields: z
      .array(z.string().regex(GROUP_MEMBER_FIELD_KEY, "1-16 letters, digits and underscores"))
      .min(1)
      .max(GROUP_MEMBER_FIELDS_MAX)
      .optional(),
    /**
     * Live rooms' online member list is on (Pro edition or higher, console switch "List of
     * online audio-video group members"): checkLiveRoomMembers uses check_members, and
     * member lists reach past the 30 latest members. Default false.
     */
    liveRoomOnlineMembers: z.boolean().optional(),
    /**
     * Live room member banning is on (Pro edition or higher, console switch "Audio-video group
     * member banning"): the ban operations use ban_group_member and its kin. Default false.
     */
    liveRoomBans: z.boolean().optional(),
    /**
     * Broadcasting into every live room is on (Pro edition or higher, console switch
     * "Broadcast messaging of audio-video group"): send_broadcast_msg. Default false.
     */
    liveRoomBroadcast: z.boolean().optional(),
    /** The console's callback auth token: enables reading Tencent's callbacks (webhooks). */
    callbackToken: z.string().min(1).optional(),
    /**
     * The custom profile fields declared in the console that hold users' attributes, by
     * keyword (`level` for `Tag_Profile_Custom_level`): Tencent reads only the fields a
     * portrait_get names, and refuses undeclared ones (40009). Without it, no user attributes.
     */
    userAttributes: z
      .array(z.string().regex(USER_ATTRIBUTE_KEY, "letters, digits and underscores"))
      .min(1)
      .max(100)
      .optional(),
  })
  // One custom field cannot hold both the extra JSON and an attribute.
  .refine(
    (o) =>
      !o.extraProfileTag ||
      !(o.userAttributes ?? []).some((k) => USER_ATTRIBUTE_PREFIX + k === o.extraProfileTag),
    { path: ["userAttributes"], message: "a key names the extraProfileTag field" },
  );

/** One Tencent app as a config file describes it. */
export type TencentConfig = z.output<typeof configSchema>;

/** Option names that are secrets: read only from the environment or a file. */
export const TENCENT_SECRETS = { required: ["key"], optional: ["callbackToken"] } as const;

/**
 * The adapter's options: the config plus what the gateway adds at run time. `id` may be
 * omitted when the adapter is used on its own ("tencent").
 */
export type TencentAdapterOptions = TencentConfig &
  Omit<RuntimeOptions, "id"> & {
    id?: RuntimeOptions["id"];
    /** Epoch milliseconds; lets tests move the adapter's clock (credential times). Not config. */
    now?: () => number;
  };
