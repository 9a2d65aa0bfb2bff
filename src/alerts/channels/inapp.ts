// 站内: pushes the message to every open browser over SSE. Nobody listening is no failure: the alert
// is in the ledger (GET /api/alerts) for whoever opens the page next.
import { publishLive } from "../live";
import type { AlertChannel } from "./types";

/** The in-app channel. */
export const inappChannel: AlertChannel = {
  kind: "inapp",
  validate: () => null,
  async send(_settings, message) {
    publishLive(message);
  },
};
