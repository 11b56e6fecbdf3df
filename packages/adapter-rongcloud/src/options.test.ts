import { describe, expect, it } from "vitest";
import { RongCloudAdapter } from "./adapter.js";
import { rongcloudModule } from "./module.js";
import { configSchema } from "./options.js";

const good = {
  appKey: "k",
  appSecret: "s",
  region: "sg" as const,
  origins: ["http://127.0.0.1:4100"],
  features: { history: true, broadcast: false },
  deadlineMs: 5000,
  concurrency: 4,
  callbackMaxAgeSeconds: 120,
};

function issue(value: unknown) {
  const result = configSchema.safeParse(value);
  if (result.success) throw new Error("expected a refusal");
  return result.error.issues[0];
}

describe("rongcloud config schema", () => {
  it("parses a good config", () => {
    expect(configSchema.safeParse(good)).toEqual({ success: true, data: good });
    expect(configSchema.safeParse({ appKey: "k", appSecret: "s" }).success).toBe(true);
  });

  it("refuses unknown keys, bad numbers and missing required keys, naming the path", () => {
    expect(issue({ ...good, apKey: "x" })).toMatchObject({ code: "unrecognized_keys" });
    expect(issue({ ...good, features: { history: true, push: true } })).toMatchObject({
      path: ["features"],
    });
    expect(issue({ ...good, concurrency: 0 })).toMatchObject({ path: ["concurrency"] });
    expect(issue({ ...good, deadlineMs: 1.5 })).toMatchObject({ path: ["deadlineMs"] });
    expect(issue({ ...good, region: "eu" })).toMatchObject({ path: ["region"] });
    expect(issue({ ...good, origins: ["ftp://x"] })).toMatchObject({ path: ["origins", 0] });
    const { appSecret: _, ...noSecret } = good;
    expect(issue(noSecret)).toMatchObject({ path: ["appSecret"] });
  });

  it("is the module's schema, and the constructor applies the same rules", () => {
    expect(rongcloudModule.configSchema).toBe(configSchema);
    expect(rongcloudModule.secrets).toEqual({ required: ["appSecret"], optional: [] });
    expect(() => new RongCloudAdapter({ appKey: "k", appSecret: "" })).toThrow(/appSecret/);
    const im = rongcloudModule.create({ ...good, id: "chat" });
    expect(im.info).toMatchObject({ id: "chat", vendor: "rongcloud", region: "sg" });
    void im.close();
  });
});
