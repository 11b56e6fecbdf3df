/**
 * @imgraph/emulators/testing: test support that other packages' tests share (sources only,
 * not part of the build).
 */
export {
  asWebhookRequest,
  jsonReply,
  type LocalHandler,
  type LocalReply,
  type LocalRequest,
  type LocalServer,
  serveLocally,
  useLocalServer,
} from "./local-server.js";
export { clientSend } from "./zego-client.js";
