// The channel registry: kind → module. Every channel implements AlertChannel (types.ts).
import type { Dispatcher } from "undici";
import type { AlertChannel, ChannelKind } from "./types";
import { createWebhookChannel } from "./webhook";
import { inappChannel } from "./inapp";

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
    // email, wecom, dingtalk, feishu: their modules (email.ts, wecom.ts, dingtalk.ts, feishu.ts) register here.
    // Until then a channel of those kinds can be stored; its deliveries wait (retried) with "渠道模块未安装".
  ];
  return new Map(all.map((c) => [c.kind, c]));
}
