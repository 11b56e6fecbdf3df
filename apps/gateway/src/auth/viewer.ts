/** Who is calling, as the policy sees it. */
export type Viewer =
  | { role: "ANONYMOUS" }
  | {
      role: "USER";
      /** Their IM user id (the JWT's `sub`). */
      userId: string;
      /** The one app their token is bound to (JWT claim `app`), or null for any. */
      appId: string | null;
      /** Epoch ms after which the token is no longer valid. */
      expiresAt: number | null;
    }
  | {
      role: "ADMIN";
      /** The API key's name, or the JWT subject. */
      name: string;
      userId: string | null;
      expiresAt: number | null;
    };

export const ANONYMOUS: Viewer = { role: "ANONYMOUS" };
