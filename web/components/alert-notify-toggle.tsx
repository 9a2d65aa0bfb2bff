// The alerts page's reminder switches: a tone and a desktop notification when an alert arrives (this browser only).
import { App, Checkbox, Space, Tooltip } from "antd";
import { useT } from "../locales/i18n";
import { askDesktopPermission, desktopSupported, playAlertTone, useNotifyPrefs } from "../lib/alert-notify";

/** Two checkboxes bound to this browser's reminder preferences. */
export function AlertNotifyToggle() {
  const t = useT();
  const { message } = App.useApp();
  const [prefs, setPrefs] = useNotifyPrefs();
  const supported = desktopSupported();

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
      <Space size={12} data-testid="alert-notify">
        <Checkbox checked={prefs.sound} onChange={(e) => toggleSound(e.target.checked)}>{t("alerts.notify.sound")}</Checkbox>
        <Tooltip title={supported ? t("alerts.notify.desktopHint") : t("alerts.notify.unsupported")}>
          <Checkbox checked={prefs.desktop && supported} disabled={!supported} onChange={(e) => void toggleDesktop(e.target.checked)}>
            {t("alerts.notify.desktop")}
          </Checkbox>
        </Tooltip>
      </Space>
    </Tooltip>
  );
}
