// The query language cheat sheet shown beside the watch editor.
import { Table, Typography } from "antd";
import { useT } from "../locales/i18n";

const ROWS = ["and", "or", "not", "phrase", "group", "near", "title", "source"] as const;

type Row = (typeof ROWS)[number];

/** A compact table of operators with their meaning and an example, plus the matching rules. */
export function WatchQueryHelp() {
  const t = useT();
  return (
    <div data-testid="watch-help">
      <Table<{ key: Row }>
        size="small"
        pagination={false}
        dataSource={ROWS.map((key) => ({ key }))}
        columns={[
          {
            title: t("watches.help.syntax"),
            key: "syntax",
            width: 150,
            render: (_, { key }) => <Typography.Text code>{t(`watches.help.${key}.syntax`)}</Typography.Text>,
          },
          {
            title: t("watches.help.meaning"),
            key: "meaning",
            render: (_, { key }) => t(`watches.help.${key}.meaning`),
          },
          {
            title: t("watches.help.example"),
            key: "example",
            render: (_, { key }) => <Typography.Text code>{t(`watches.help.${key}.example`)}</Typography.Text>,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t("watches.help.note")}
      </Typography.Paragraph>
    </div>
  );
}
