// English strings of ledger triage and the phone header; typed against the Chinese table so keys cannot drift.
import type { zhCNTriage } from "./zh-CN-triage";

/** Triage and layout strings in English; merged into the main table in en.ts. */
export const enTriage: { readonly [K in keyof typeof zhCNTriage]: string } = {
  "header.menu": "Menu",
  "item.triaged": "Triage",
  "items.moreFilters": "Filters",

  "triage.selected": "{n} selected",
  "triage.markSeen": "Mark seen",
  "triage.ignore": "Ignore",
  "triage.restore": "Mark unread",
  "triage.clear": "Clear selection",
  "triage.done": "{n} updated",
  "triage.unchanged": "The selected items already have that status",
  "triage.by": "Set by {user} at {time}",
  "triage.byUnknown": "Set at {time}",
  "triage.untouched": "Not triaged yet",
  "triage.shortcuts": "Keyboard shortcuts",
  "triage.key.next": "Next item",
  "triage.key.prev": "Previous item",
  "triage.key.toggle": "Select or deselect the current item",
  "triage.key.ignore": "Ignore the selected items (the current one when none is selected)",
  "triage.key.seen": "Mark the selected items seen (the current one when none is selected)",
  "triage.key.open": "Open the current item",
  "triage.key.help": "Show or hide this help",
  "triage.keysHint": "Outside text boxes: j/k move, x selects, e ignores, s marks seen; ? lists every shortcut",
};
