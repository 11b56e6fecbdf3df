import { Arg, Mutation, Query, Resolver } from "type-graphql";
import { SensitiveWordInput, SensitiveWordList } from "../schema/moderation-types.js";
import { ItemOutcome } from "../schema/types.js";
import { type AppScope, InApp } from "./in-app.js";

// The vendor's own sensitive-word list (admins only). The gateway's own rules, which answer
// the vendors' pre-send callbacks, are in the config (apps[].moderation).

@Resolver()
export class ModerationResolver {
  @Query(() => SensitiveWordList, {
    description:
      "The vendor's sensitive-word list, with the most words it keeps and how long a change takes to apply (admins).",
  })
  async sensitiveWords(@InApp() app: AppScope): Promise<SensitiveWordList> {
    return app.run("listSensitiveWords", {});
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Adds words to the vendor's sensitive-word list (admins): each blocks a message holding it, or is replaced where a replacement is given; one outcome per word. The vendor may take a while to enforce them (see sensitiveWords.activationDelaySeconds).",
  })
  async addSensitiveWords(
    @Arg("words", () => [SensitiveWordInput], { description: "The words to add." })
    words: SensitiveWordInput[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("addSensitiveWords", {
      words: (words ?? []).map((w) => ({ word: w.word, replacement: w.replacement ?? null })),
    });
  }

  @Mutation(() => [ItemOutcome], {
    description:
      "Removes words from the vendor's sensitive-word list (admins); one outcome per word.",
  })
  async removeSensitiveWords(
    @Arg("words", () => [String], { description: "The words to remove." }) words: string[],
    @InApp() app: AppScope,
  ): Promise<ItemOutcome[]> {
    return app.outcomes("removeSensitiveWords", { words });
  }
}
