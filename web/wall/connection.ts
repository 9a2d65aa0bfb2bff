// The wall's live connection: the snapshot fetched with the token in a header, then the event stream
// (EventSource reconnects by itself after a blip; a stream the browser gave up on is reopened here). A
// stream silent for longer than three ticks counts as broken. Every reconnection fetches the snapshot anew.
import type { WallSnapshot } from "../../src/shared/wall-api";

/** What the page shows about the connection. */
export type WallStatus = "connecting" | "live" | "reconnecting" | "invalid" | "missing";

/** Callbacks of connectWall. */
export interface WallHandlers { snapshot(s: WallSnapshot): void; status(s: WallStatus): void }

const REOPEN_MS = 5_000;
const SILENT_MS = 50_000;

/** Fetches the snapshot; "invalid" on 401, null when the server could not be reached or failed. */
async function fetchSnapshot(token: string): Promise<WallSnapshot | "invalid" | null> {
  try {
    const res = await fetch("/api/wall/snapshot", { headers: { accept: "application/json", "x-display-token": token }, cache: "no-store" });
    if (res.status === 401) return "invalid";
    return res.ok ? ((await res.json()) as WallSnapshot) : null;
  } catch {
    return null;
  }
}

/** Connects the wall; returns a function that disconnects it. */
export function connectWall(token: string, on: WallHandlers): () => void {
  let stopped = false;
  let source: EventSource | null = null;
  let broken = false;
  let lastHeard = Date.now();
  let reopenTimer: number | undefined;

  const stop = () => {
    stopped = true;
    source?.close();
    window.clearTimeout(reopenTimer);
    window.clearInterval(watchdog);
  };
  const invalid = () => {
    stop();
    on.status("invalid");
  };
  const refresh = async () => {
    const s = await fetchSnapshot(token);
    if (stopped) return;
    if (s === "invalid") invalid();
    else if (s) {
      lastHeard = Date.now();
      on.snapshot(s);
    }
  };
  const interrupted = () => {
    if (stopped) return;
    broken = true;
    on.status("reconnecting");
  };
  const open = () => {
    if (stopped) return;
    source?.close();
    const es = new EventSource(`/api/wall/stream?t=${encodeURIComponent(token)}`);
    source = es;
    es.addEventListener("open", () => {
      lastHeard = Date.now();
      if (broken) void refresh();
    });
    es.addEventListener("snapshot", (e) => {
      lastHeard = Date.now();
      broken = false;
      on.snapshot(JSON.parse((e as MessageEvent<string>).data) as WallSnapshot);
      on.status("live");
    });
    es.addEventListener("revoked", invalid);
    es.addEventListener("error", () => {
      interrupted();
      // CLOSED: the browser gave up (an error status, e.g. 401 or a proxy's 502): ask why, then try again.
      if (es.readyState === EventSource.CLOSED && !stopped) {
        void refresh().then(() => {
          if (!stopped) reopenTimer = window.setTimeout(open, REOPEN_MS);
        });
      }
    });
  };
  const watchdog = window.setInterval(() => {
    if (!stopped && Date.now() - lastHeard > SILENT_MS) {
      interrupted();
      lastHeard = Date.now();
      open();
    }
  }, 5_000);

  on.status("connecting");
  void refresh();
  open();
  return stop;
}
