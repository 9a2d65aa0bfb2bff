// Which new passwords are accepted: at least 10 characters and not guessable from common-password lists,
// keyboard patterns, repeats or the username (zxcvbn-ts with its common dictionary, loaded on first use).
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import type { MessageRef } from "../shared/messages";
import { MIN_PASSWORD_LENGTH } from "../shared/api";

export { MIN_PASSWORD_LENGTH };
/** zxcvbn's "safely unguessable" score (fewer than 10^10 guesses scores 2 or less). */
const MIN_SCORE = 3;

let checker: Promise<ZxcvbnFactory> | null = null;

// The dictionaries take ~0.4 s (through tsx) and a few MB to load, so only a process that sets a password pays.
function loadChecker(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory: Factory }, common] = await Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]);
    return new Factory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  })();
  return checker;
}

/** Why `password` is refused (`password.too_short` / `password.too_common`), or null when it is acceptable. */
export async function passwordProblem(password: string, userInputs: string[] = []): Promise<MessageRef | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { code: "password.too_short", params: { min: MIN_PASSWORD_LENGTH } };
  const z = await loadChecker();
  return z.check(password, userInputs).score < MIN_SCORE ? { code: "password.too_common" } : null;
}
