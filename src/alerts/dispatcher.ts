// The dispatcher: delivers due outbox rows through the channel modules, records every attempt on the
// row, and retries failures with exponential backoff (base × 2^(attempt-1), at most 10 min) until
// the last attempt, which marks the delivery failed. Woken right after a commit that enqueued
// alerts, and by a timer for held and retried deliveries; a crash loses nothing (rows stay pending).
import type { Db } from "../db/connection";
import type { Config } from "../config";
import { getChannel } from "../store/alert-config";
import { alertCreatedAt, dueDeliveries, nextDueAt, recordAttempt, type DueDelivery } from "../store/alerts";
import { alertDeliverySeconds } from "../ops/metrics";
import type { ChannelRegistry } from "./channels";
import { ChannelError, type AlertMessage, type ChannelKind, type ChannelSettings } from "./channels/types";
import { buildMessage } from "./message";
import { onEnqueued } from "./outbox";
import { decryptSecret, openUrl } from "./secrets";
import { ackLinkKey } from "./ack-link";
import { insertStep } from "../store/alert-steps";

const MAX_BACKOFF_MS = 10 * 60_000;
const BATCH = 100;
const CONCURRENCY = 16;
const IDLE_POLL_MS = 5_000;

/** The running dispatcher. */
export interface AlertDispatcher {
  /** Looks for due deliveries now. */
  wake(): void;
  /** Delivers everything due now (resolves when the round is done); for tests and the CLI. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** The delay before retry n (1-based). */
export function backoffMs(base: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, attempt - 1));
}

/** The settings a channel module gets (secret decrypted), or an error text when the channel is gone. */
export function channelSettings(db: Db, key: Buffer, channelId: number): ChannelSettings | string {
  const c = getChannel(db, channelId);
  if (!c) return "渠道已删除";
  return {
    kind: c.kind as ChannelKind, url: c.url ? openUrl(key, c.url) : undefined, secret: c.secret_enc ? decryptSecret(key, c.secret_enc) : undefined,
    options: JSON.parse(c.options) as Record<string, unknown>,
  };
}

/** Options of the dispatcher. */
export interface DispatcherOptions {
  channels: ChannelRegistry;
  key: Buffer;
  config: Pick<Config, "publicUrl" | "alertTimeoutMs" | "alertRetryBaseMs" | "alertMaxAttempts"> & Partial<Pick<Config, "ackLinkHours">>;
  log?: (m: string) => void;
  /** false: only runOnce() delivers (tests). */
  autostart?: boolean;
}

/** Starts the dispatcher. */
export function createDispatcher(db: Db, opts: DispatcherOptions): AlertDispatcher {
  const { channels, key, config } = opts;
  const log = opts.log ?? (() => {});
  const ackLink = { key: ackLinkKey(key), ttlMs: (config.ackLinkHours ?? 24) * 3600_000 };
  const inflight = new Set<string>();
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  // One attempt; whatever goes wrong (a module throwing something else, a secret that no longer decrypts)
  // is recorded on the row, so that a broken delivery waits for its retry instead of being picked again at once.
  async function attemptOnce(d: DueDelivery, message: AlertMessage | null): Promise<{ error: string | null; retryable: boolean }> {
    if (!message) return { error: "预警已删除", retryable: false };
    let settings: ChannelSettings | string;
    try {
      settings = channelSettings(db, key, d.channel_id);
    } catch {
      return { error: "无法解密渠道密钥（TINGFENG_SECRET_KEY 是否已更换？）", retryable: true };
    }
    if (typeof settings === "string") return { error: settings, retryable: false };
    const channel = channels.get(settings.kind);
    if (!channel) return { error: "渠道模块未安装", retryable: true };
    try {
      await channel.send(settings, message, { timeoutMs: config.alertTimeoutMs });
      return { error: null, retryable: true };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err), retryable: err instanceof ChannelError ? err.retryable : true };
    }
  }

  async function deliver(d: DueDelivery, message: AlertMessage | null): Promise<void> {
    const { error, retryable } = await attemptOnce(d, message);
    const attempt = d.attempts + 1;
    const at = Date.now();
    if (error == null)
      db.tx(() => {
        recordAttempt(db, d.alert_id, d.channel_id, { state: "sent", error: null, at });
        insertStep(db, d.alert_id, "delivered", null, `渠道 #${d.channel_id}`, at);
      });
    if (error == null) {
      const raised = alertCreatedAt(db, d.alert_id);
      if (raised !== null) alertDeliverySeconds.observe({ channel_id: String(d.channel_id) }, Math.max(0, at - raised) / 1000);
    }
    else if (!retryable || attempt >= config.alertMaxAttempts) {
      recordAttempt(db, d.alert_id, d.channel_id, { state: "failed", error, at });
      log(`alert ${d.alert_id} to channel ${d.channel_id} failed after ${attempt} attempts: ${error}`);
    } else recordAttempt(db, d.alert_id, d.channel_id, { state: "pending", error, at, nextAt: at + backoffMs(config.alertRetryBaseMs, attempt) });
  }

  async function round(): Promise<number> {
    let total = 0;
    for (;;) {
      const due = dueDeliveries(db, Date.now(), BATCH).filter((d) => !inflight.has(`${d.alert_id}:${d.channel_id}`));
      if (!due.length || stopped) return total;
      let failedToRecord = false;
      const messages = new Map<number, AlertMessage | null>();
      for (const d of due) if (!messages.has(d.alert_id)) messages.set(d.alert_id, buildMessage(db, d.alert_id, config.publicUrl, ackLink));
      let next = 0;
      const worker = async () => {
        while (next < due.length) {
          const d = due[next++];
          const k = `${d.alert_id}:${d.channel_id}`;
          inflight.add(k);
          try {
            await deliver(d, messages.get(d.alert_id) ?? null);
          } catch (err) {
            failedToRecord = true;
            log(`alert delivery error: ${err instanceof Error ? err.message : String(err)}`);
          } finally {
            inflight.delete(k);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
      total += due.length;
      if (failedToRecord) return total; // the database refused the outcome: leave it to the next timer
    }
  }

  function runOnce(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = round()
      .catch((err) => {
        log(`alert dispatcher failed: ${err instanceof Error ? err.message : String(err)}`);
        return 0;
      })
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          void runOnce();
        } else schedule();
      });
    return running;
  }

  // Sleeps until the next held or retried delivery is due (at most IDLE_POLL_MS: rows written by another process).
  function schedule(): void {
    if (stopped || opts.autostart === false) return;
    if (timer) clearTimeout(timer);
    const next = nextDueAt(db);
    const wait = next == null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, Math.max(10, next - Date.now()));
    timer = setTimeout(() => {
      timer = null;
      void runOnce();
    }, wait);
  }

  const unsubscribe = onEnqueued(db, () => {
    if (opts.autostart !== false) void runOnce();
  });
  if (opts.autostart !== false) void runOnce();
  return {
    wake: () => void runOnce(),
    runOnce,
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
