// The channel registry: kind → module. Every channel implements AlertChannel (types.ts).
import type { Dispatcher } from "undici";
import type { AlertChannel, ChannelKind } from "./types";
import { createWebhookChannel } from "./webhook";
import { inappChannel } from "./inapp";
import { createEmailChannel } from "./email";
import { createWecomChannel } from "./wecom";
import { createDingtalkChannel } from "./dingtalk";
import { createFeishuChannel } from "./feishu";

/** What channel modules may need from the server. */
export interface ChannelDeps {
  /** The SSRF-guarded undici agent (TINGFENG_FETCH_ALLOW_HOSTS applies): every outbound request goes through it. */
  agent: Dispatcher;
}

/** The registry of installed channel modules. */
export type ChannelRegistry = ReadonlyMap<ChannelKind, AlertChannel>;

/** Builds the registry. */
export function createChannelRegistry(deps: ChannelDeps): ChannelRegistry {
  const all: AlertChannel[] = [
    createWebhookChannel(deps.agent),
    inappChannel,
    // SMTP does not go through the HTTP agent: e-mail servers are set by administrators only.
    createEmailChannel(),
    createWecomChannel({ dispatcher: deps.agent }),
    createDingtalkChannel({ dispatcher: deps.agent }),
    createFeishuChannel({ dispatcher: deps.agent }),
  ];
  return new Map(all.map((c) => [c.kind, c]));
}
