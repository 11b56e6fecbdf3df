import { perSecond, type VendorRateLimits } from "@imgraph/core";

// ZEGO's default limits per AppID (shared/vendors/zego.md §1.10 for ZIM, §4 for RTC). Limits
// per group or per room (1/s per group, 5/s per room) are not shaped here: they are left
// to ZEGO's own refusal, which the client retries after its wait.

export const zegoRateLimits: VendorRateLimits = {
  // An API is its Action (query parameter), e.g. "SendPeerMessage".
  api: (request) => {
    const action = request.query?.Action;
    return typeof action === "string" ? action : request.path;
  },
  default: perSecond(20),
  apis: {
    SendGroupMessage: perSecond(10),
    SendRoomMessage: perSecond(10),
    QueryAppGroupList: perSecond(1),
    QueryAppCommunityList: perSecond(1),
    // broadcastMessage and pushToAll share it: 1/s and 100 in 24 h ("QPS Limit" note of
    // push-message-to-all-users; ZEGO answers 660500003 over either).
    SendMessageToAllUsers: [...perSecond(1), { limit: 100, windowSeconds: 86_400 }],
    // RTC room Actions.
    DescribeUserNum: perSecond(10),
    DescribeUserList: perSecond(200),
    DescribeUsers: perSecond(10),
    KickoutUser: perSecond(50),
    SendCustomCommand: perSecond(100),
    SendBroadcastMessage: perSecond(100),
    SendBarrageMessage: perSecond(100),
    CloseRoom: perSecond(1),
    AddStream: perSecond(10),
    DeleteStream: perSecond(10),
    DescribeSimpleStreamList: perSecond(50),
  },
};
