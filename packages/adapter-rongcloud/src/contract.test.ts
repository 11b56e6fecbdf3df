import { runAdapterContract } from "@imgraph/core/contract";
import type { RongCloudEmulator } from "@imgraph/emulators";
import type { RongCloudAdapter } from "./adapter.js";
import { adapterFor, harness, operationsFor, startTestEmulator } from "./test-support.js";

let emu: RongCloudEmulator;
let adapter: RongCloudAdapter;
/**
 * Messages are sent with expansion=true, so extensions and reactions run; groups are hosted
 * groups (the information-hosting product), so ownership, profiles, attributes and roles run.
 */
const OPTIONS = {
  messageExtensions: true,
  features: {
    history: true,
    broadcast: true,
    historyLog: true,
    hostedGroups: true,
    chatroomAttributes: true,
    chatroomKeepAlive: true,
    chatroomBroadcast: true,
  },
};

runAdapterContract({
  name: "rongcloud",
  operations: operationsFor(OPTIONS),
  skip: {
    "social.friends-one-way":
      "RongCloud friendships are always mutual: its server API adds and deletes both ways (oneWay is refused with UNSUPPORTED_BY_VENDOR)",
    "groups.create-with-unknown-member":
      "RongCloud's /group/create.json takes any user id, registered or not, and its only registration check is /user/info.json, one call per user: a group of 1,000 would cost 1,000 calls",
  },
  async setup() {
    // The attribute keys the contract uses, created in the console as RongCloud requires.
    emu = await startTestEmulator({}, { userExtKeys: ["ext_level", "ext_city"] });
    adapter = adapterFor(emu, OPTIONS);
    return harness(emu, adapter);
  },
  async teardown() {
    await adapter?.close();
    await emu?.close();
  },
});
