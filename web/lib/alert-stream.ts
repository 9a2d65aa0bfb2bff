// One alert stream per browser, shared by its tabs. A browser keeps about six connections per host over
// HTTP/1.1, and an open event stream holds one for good: a stream per tab would stall every request once a
// monitor has six tabs open. The tab holding the Web Lock opens GET /api/alerts/stream and passes each alert to
// the other tabs over a BroadcastChannel; when it closes, another tab takes the lock and the stream.
import type { LiveAlert } from "./alert-notify";

const LOCK = "tingfeng.alert-stream";
const CHANNEL = "tingfeng.alerts";

/** Calls `onAlert` for each arriving alert; `leader` is true in the one tab that holds the stream. Returns an unsubscribe. */
export function subscribeAlerts(onAlert: (m: LiveAlert, leader: boolean) => void): () => void {
  let source: EventSource | null = null;
  let release: (() => void) | null = null;
  const abort = new AbortController();
  const shared = typeof BroadcastChannel !== "undefined" && typeof navigator !== "undefined" && !!navigator.locks;
  const channel = shared ? new BroadcastChannel(CHANNEL) : null;
  if (channel) channel.onmessage = (e: MessageEvent<LiveAlert>) => onAlert(e.data, false);

  const open = () => {
    source = new EventSource("/api/alerts/stream");
    source.addEventListener("alert", (event) => {
      const m = JSON.parse((event as MessageEvent<string>).data) as LiveAlert;
      channel?.postMessage(m);
      onAlert(m, true);
    });
  };

  if (shared) {
    navigator.locks
      .request(LOCK, { signal: abort.signal }, () => new Promise<void>((resolve) => {
        open();
        release = resolve;
      }))
      // AbortError: unsubscribed while another tab held the lock.
      .catch(() => {});
  } else {
    open();
  }
  return () => {
    abort.abort();
    source?.close();
    release?.();
    channel?.close();
  };
}
