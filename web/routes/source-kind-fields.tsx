// The settings fields of html sources (CSS selectors, pagination) and json sources (field mapping).
import { Form, Input, InputNumber, Space, Typography } from "antd";
import { useT } from "../locales/i18n";
import { intRange, required, requiredChoice } from "../lib/rules";

const SELECTORS = ["item", "title", "link", "time", "body"] as const;
const MAPPING = ["list", "title", "link", "time", "text", "author"] as const;
const REQUIRED = new Set(["item", "title", "link", "list"]);

/** CSS selectors, time format and pagination of an html source. */
export function HtmlSourceFields() {
  const t = useT();
  return (
    <>
      <Typography.Text strong>{t("sources.selectors")}</Typography.Text>
      <Typography.Paragraph type="secondary">{t("sources.selectors.hint")}</Typography.Paragraph>
      <Space wrap>
        {SELECTORS.map((k) => (
          <Form.Item key={k} name={["selectors", k]} label={t(`sources.selectors.${k}`)}
            rules={REQUIRED.has(k) ? [required(t, t(`sources.selectors.${k}`))] : []}>
            <Input maxLength={300} style={{ width: 200 }} data-testid={`source-selector-${k}`} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name="timeFormat" label={t("sources.timeFormat")} extra={t("sources.timeFormat.hint")}>
        <Input maxLength={60} placeholder="YYYY-MM-DD HH:mm" data-testid="source-time-format" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="pages" label={t("sources.pages")} rules={[requiredChoice(t, t("sources.pages")), intRange(t, 1, 10)]}>
          <InputNumber min={1} max={10} precision={0} data-testid="source-pages" />
        </Form.Item>
        <Form.Item name="nextPage" label={t("sources.nextPage")}>
          <Input maxLength={300} style={{ width: 200 }} data-testid="source-next-page" />
        </Form.Item>
        <Form.Item name="pageUrlPattern" label={t("sources.pageUrlPattern")} extra={t("sources.pageUrlPattern.hint")}>
          <Input maxLength={2048} style={{ width: 320 }} />
        </Form.Item>
      </Space>
    </>
  );
}

/** Field mapping and time format of a json source. */
export function JsonSourceFields() {
  const t = useT();
  return (
    <>
      <Typography.Text strong>{t("sources.mapping")}</Typography.Text>
      <Typography.Paragraph type="secondary">{t("sources.mapping.hint")}</Typography.Paragraph>
      <Space wrap>
        {MAPPING.map((k) => (
          <Form.Item key={k} name={["mapping", k]} label={t(`sources.mapping.${k}`)}
            rules={REQUIRED.has(k) || k === "title" ? [required(t, t(`sources.mapping.${k}`))] : []}>
            <Input maxLength={200} style={{ width: 200 }} data-testid={`source-mapping-${k}`} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name="timeFormat" label={t("sources.timeFormat")} extra={t("sources.timeFormat.hint")}>
        <Input maxLength={60} placeholder="YYYY-MM-DD HH:mm" />
      </Form.Item>
    </>
  );
}
