/**
 * ZEGO answers errors as an envelope with a non-zero `Code` (zego.md §1.5-1.7). Handlers
 * throw ZegoError; the vendor turns it into `{Code, Message, RequestId, ...extra}`.
 */
export class ZegoError extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** Fields answered next to Code (ZIM) or under Data (RTC), e.g. a filled ErrorList. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ZegoError";
  }
}

/** Gateway codes, common to ZIM and RTC (§1.6). */
export const GATEWAY = {
  hostWrong: 100000000,
  appIdMalformed: 100000001,
  timestampMissing: 100000002,
  timestampMalformed: 100000003,
  expired: 100000004,
  signatureWrong: 100000005,
  actionMissing: 100000006,
  actionUnsupported: 100000007,
  nonceMissing: 100000008,
  signatureMissing: 100000009,
  noSecret: 100000010,
  bodyUnreadable: 100000012,
  versionMissing: 100000013,
  versionUnsupported: 100000014,
  serviceDisabled: 100000017,
} as const;

/** ZIM codes used by more than one Action (§1.7). */
export const ZIM = {
  badParam: 660000002,
  tooManyUsers: 660000011,
  userIdTooLong: 660000012,
  msgNotFound: 660000022,
  msgRevoked: 660000023,
  revokeWindow: 660000024,
  badBase64: 660000025,
  notSender: 660000026,
  roomStorageOff: 660000027,
  freePlan: 660000028,
  onlineUnknown: 660200001,
  roomMissing: 660300001,
  userNotInRoom: 660300002,
  appRate: 660300005,
  scopeRate: 660300006,
  roomUserNotIn: 660300012,
  roomNoReceipt: 660300013,
  roomExists: 660300014,
  roomLimit: 660300015,
  msgTooLarge: 660400001,
  senderUnregistered: 660500002,
  broadcastRate: 660500003,
  groupMissing: 660600001,
  memberListRate: 660600004,
  kickRate: 660600005,
  groupListRate: 660600007,
  kickNotMember: 660600008,
  createGroupRate: 660600010,
  groupExists: 660600011,
  groupLimit: 660600012,
  ownerMissing: 660600013,
  tooManyInitialMembers: 660600016,
  memberJoinFailed: 660600017,
  tooManyAttributes: 660600019,
  attributeLength: 660600020,
  notMember: 660600024,
  roleOwner: 660600029,
  selfTarget: 660600030,
  noPermission: 660600032,
  allFailed: 660600033,
  registerRate: 660700001,
  userExists: 660700002,
  userNameTooLong: 660700006,
  avatarTooLong: 660700007,
  modifyUnregistered: 660700012,
  userNotRegistered: 660700015,
  targetUnregistered: 660800001,
  friendTooMany: 660800019,
  friendSelf: 660800020,
  friendTextTooLong: 660800021,
  duplicateUser: 660800022,
  attributeKey: 660800023,
  friendAttributesTooLong: 660800024,
  noFriendRegistered: 660800025,
  friendAttributeParam: 660800026,
  alreadyFriends: 660800027,
  friendLimit: 660800028,
  duplicateAttributeKey: 660800032,
  deleteSelf: 660800033,
  notFriend: 660800034,
  blocked: 660800045,
  alreadyBlocked: 660800037,
  blockSelf: 660800038,
  blockTooMany: 660800039,
  blocklistFull: 660800040,
  blockFailedAll: 660800041,
  unblockFailedAll: 660800042,
  notBlocked: 660800044,
  futureTime: 660800046,
} as const;

/** RTC room-signalling codes (§4). */
export const RTC = {
  badParam: 2,
  tooLong: 3,
  roomMissing: 104,
  streamMissing: 138,
  appRate: 206,
  roomRate: 207,
  emptyContent: 1008,
  streamContention: 1012,
  closeRoomMissing: 5024,
  customRoomMissing: 50001,
  offline: 50003,
  tooManyUsers: 50011,
  msgTooLong: 50012,
} as const;
