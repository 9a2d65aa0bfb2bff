// English strings of the wall display tokens page.
import type { zhCNWall } from "./zh-CN-wall";

/** Wall display strings in English (the same keys as zhCNWall). */
export const enWall: { readonly [K in keyof typeof zhCNWall]: string } = {
  "menu.displays": "Wall displays",
  "displays.intro": "Issue read-only display tokens for duty-room walls: the wall's address opens without signing in and shows only the wall. The address is shown once, when it is made; revoke it when the wall is no longer used.",
  "displays.add": "New wall address",
  "displays.name": "Name",
  "displays.namePlaceholder": "e.g. Duty room wall",
  "displays.createdBy": "Created by",
  "displays.createdAt": "Created",
  "displays.lastSeenAt": "Last used",
  "displays.status": "Status",
  "displays.active": "Active",
  "displays.revoked": "Revoked",
  "displays.revoke": "Revoke",
  "displays.confirmRevoke": "Revoke \"{name}\"? Walls using this address stop at once.",
  "displays.revokedDone": "Revoked",
  "displays.created": "Wall address created",
  "displays.urlOnce": "This address is shown only now: copy it and open it in the wall computer's browser (full screen).",
  "displays.never": "Never",
  "displays.done": "Done",
};
