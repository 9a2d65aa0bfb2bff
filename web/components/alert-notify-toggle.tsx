// The alerts page's reminder switches: a tone and a desktop notification when an alert arrives (this browser only).
import { App, Checkbox, Grid, Space, Tooltip } from "antd";
import { DesktopOutlined, SoundOutlined } from "@ant-design/icons";
import { useT } from "../locales/i18n";
import { askDesktopPermission, desktopSupported, playAlertTone, useNotifyPrefs } from "../lib/alert-notify";

/** Two checkboxes bound to this browser's reminder preferences. */
export function AlertNotifyToggle() {
  const t = useT();
  const { message } = App.useApp();
  const [prefs, setPrefs] = useNotifyPrefs();
  const supported = desktopSupported();
  // On a phone the card header has room for icons only (their names are in the tooltips and aria labels).
  const compact = Grid.useBreakpoint().md === false;

  const toggleSound = (on: boolean) => {
    setPrefs({ ...prefs, sound: on });
    // Played from the click: it unlocks audio for later alerts and lets the user hear what to expect.
    if (on) playAlertTone("general");
  };
  const toggleDesktop = async (on: boolean) => {
    if (!on) return setPrefs({ ...prefs, desktop: false });
    if (await askDesktopPermission()) setPrefs({ ...prefs, desktop: true });
    else void message.warning(t("alerts.notify.denied"));
  };

  return (
    <Tooltip title={t("alerts.notify.hint")} placement="bottom">
      <Space size={compact ? 4 : 12} data-testid="alert-notify">
        <Checkbox checked={prefs.sound} aria-label={t("alerts.notify.sound")} onChange={(e) => toggleSound(e.target.checked)}>
          {compact ? <SoundOutlined /> : t("alerts.notify.sound")}
        </Checkbox>
        <Tooltip title={supported ? t("alerts.notify.desktopHint") : t("alerts.notify.unsupported")}>
          <Checkbox checked={prefs.desktop && supported} disabled={!supported} aria-label={t("alerts.notify.desktop")} onChange={(e) => void toggleDesktop(e.target.checked)}>
            {compact ? <DesktopOutlined /> : t("alerts.notify.desktop")}
          </Checkbox>
        </Tooltip>
      </Space>
    </Tooltip>
  );
}
