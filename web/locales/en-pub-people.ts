// English strings of Publicity: correspondents, training, recognition, interview requests.
import type { zhCNPubPeople } from "./zh-CN-pub-people";

/** Publicity: correspondents, training, recognition, interview requests in English. */
export const enPubPeople: { readonly [K in keyof typeof zhCNPubPeople]: string } = {
};
