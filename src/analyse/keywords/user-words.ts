// Validation of user-dictionary entries (地名, 单位名, 产品/业务术语) typed into the UI. Messages are
// Chinese because the HTTP layer shows them to the person who typed the word.
import { z } from "zod";
import type { UserWord } from "./types";

/** Longest accepted entry, in characters. */
export const MAX_USER_WORD_CHARS = 30;

/** How much a user word's TF-IDF score is multiplied by when the entry sets no weight. */
export const DEFAULT_USER_BOOST = 2;

const schema = z.object(
  {
    word: z
      .string({ error: "词必须是文字" })
      .transform(normaliseWord)
      .refine((w) => w.length > 0, "词不能为空")
      .refine((w) => Array.from(w).length <= MAX_USER_WORD_CHARS, `词不能超过 ${MAX_USER_WORD_CHARS} 个字`)
      // Invisible characters (zero-width spaces, direction marks) would make two entries that look
      // identical in the UI match different text, so only visible characters are accepted.
      .refine((w) => !/[\s\p{Z}\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u.test(w), "词中不能有空格、换行或控制字符")
      .refine((w) => /[\p{L}\p{N}]/u.test(w), "词中至少要有一个汉字、字母或数字"),
    kind: z.enum(["place", "org", "term"], { error: "类型只能是地名（place）、单位（org）或术语（term）" }).optional(),
    weight: z
      .number({ error: "权重必须是数字" })
      .min(0.1, "权重不能小于 0.1")
      .max(10, "权重不能大于 10")
      .optional(),
  },
  { error: "词典条目格式不正确" },
);

/**
 * Checks one user-dictionary entry and returns it with the word normalised as analysed text is
 * (trimmed, full-width folded, Latin lowercased); throws an Error with a Chinese message.
 */
export function validateUserWord(input: unknown): UserWord {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const messages = [...new Set(parsed.error.issues.map((issue) => issue.message))];
    throw new Error(messages.join("；"));
  }
  const { word, kind, weight } = parsed.data;
  return { word, ...(kind ? { kind } : {}), ...(weight !== undefined ? { weight } : {}) };
}

/** A word as the analysed text spells it: NFKC folds full-width forms, then Latin is lowercased. */
export function normaliseWord(word: string): string {
  return word.trim().normalize("NFKC").toLowerCase();
}
