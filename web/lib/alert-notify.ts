// Optional reminders when an in-app alert arrives: a short tone generated with WebAudio (no audio file) and
// a desktop notification (Notification API). Each is a per-browser choice kept in localStorage, off by default.
import { useCallback, useState } from "react";
import type { Severity } from "../../src/shared/alerts-api";

const STORAGE_KEY = "tingfeng.alertNotify";

/** What this browser does when an alert arrives, besides the in-page notice. */
export interface NotifyPrefs { sound: boolean; desktop: boolean }

/** An in-app message as the stream sends it (the fields used here). */
export interface LiveAlert {
  id: number; severity: Severity; title: string; reason?: string;
  /** "report" for a delivered report (报告); its `url` opens it. */
  kind?: "alert" | "report"; url?: string;
}

/** Reads stored preferences; anything unreadable is "off". */
export function parseNotifyPrefs(raw: string | null): NotifyPrefs {
  try {
    const v = JSON.parse(raw ?? "{}") as Partial<Record<keyof NotifyPrefs, unknown>>;
    return { sound: v.sound === true, desktop: v.desktop === true };
  } catch {
    return { sound: false, desktop: false };
  }
}

/** This browser's preferences. */
export function readNotifyPrefs(): NotifyPrefs {
  try {
    return parseNotifyPrefs(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage blocked by browser policy: nothing was chosen.
    return { sound: false, desktop: false };
  }
}

function writeNotifyPrefs(p: NotifyPrefs): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(p));
  } catch {
    // Not persisting is acceptable: the choice holds for this page.
  }
}

/** The preferences and their setter (which stores them). */
export function useNotifyPrefs(): [NotifyPrefs, (p: NotifyPrefs) => void] {
  const [prefs, setPrefs] = useState(readNotifyPrefs);
  const set = useCallback((p: NotifyPrefs) => {
    writeNotifyPrefs(p);
    setPrefs(p);
  }, []);
  return [prefs, set];
}

/** The tone of a severity: pitch (Hz) and number of beeps; a major alert is higher and longer. */
export function toneOf(severity: Severity): { hz: number; beeps: number } {
  return severity === "major" ? { hz: 988, beeps: 3 } : severity === "significant" ? { hz: 880, beeps: 2 } : { hz: 660, beeps: 1 };
}

/** What to do for one alert: the tone when chosen; the desktop notification when chosen, allowed, and the page is not in front. */
export function decideNotify(prefs: NotifyPrefs, env: { permission: NotificationPermission | "unsupported"; foreground: boolean }): NotifyPrefs {
  return { sound: prefs.sound, desktop: prefs.desktop && env.permission === "granted" && !env.foreground };
}

type AudioContextClass = typeof AudioContext;
let audio: AudioContext | null = null;

function audioContext(): AudioContext | null {
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  if (!Ctor) return null;
  audio ??= new Ctor();
  // Browsers start a context suspended until a user gesture; the toggle's click resumes it.
  if (audio.state === "suspended") void audio.resume().catch(() => {});
  return audio;
}

/** Plays the severity's tone: short sine beeps with soft edges (about 0.2 s each). */
export function playAlertTone(severity: Severity): void {
  const ctx = audioContext();
  if (!ctx) return;
  const { hz, beeps } = toneOf(severity);
  let at = ctx.currentTime + 0.01;
  for (let i = 0; i < beeps; i++) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.17);
    at += 0.22;
  }
}

/** Whether this browser has desktop notifications. */
export function desktopSupported(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

/** Asks for permission to notify (call from the toggle's click); true when granted. */
export async function askDesktopPermission(): Promise<boolean> {
  if (!desktopSupported()) return false;
  if (Notification.permission === "granted") return true;
  if (Notification.permission === "denied") return false;
  return (await Notification.requestPermission()) === "granted";
}

/** Reminds of an arrived alert as this browser's preferences say; `heading` is the localised title line. */
export function notifyAlert(m: LiveAlert, heading: string, prefs: NotifyPrefs = readNotifyPrefs()): void {
  const what = decideNotify(prefs, {
    permission: desktopSupported() ? Notification.permission : "unsupported",
    foreground: !document.hidden && document.hasFocus(),
  });
  if (what.sound) {
    try {
      playAlertTone(m.severity);
    } catch {
      // A tone is a courtesy: an audio failure must not stop the page from showing the alert.
    }
  }
  if (what.desktop) {
    const n = new Notification(heading, { body: m.reason ?? "", tag: `tingfeng-alert-${m.id}`, requireInteraction: m.severity === "major" });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  }
}
