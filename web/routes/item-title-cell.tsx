// The ledger's title cell: the linked title with search terms and watch spans marked, the watches it
// matched, and an excerpt of the text around the first text match. Collected text stays text nodes.
import { Typography } from "antd";
import { Link } from "react-router-dom";
import type { ItemView } from "../../src/shared/api";
import { HighlightExcerpt, HighlightText } from "../components/highlight-text";
import { WatchTags } from "../components/watch-tags";
import { fieldSpans } from "../lib/spans";

/** Props of ItemTitleCell. */
export interface ItemTitleCellProps {
  item: ItemView;
  terms: readonly string[];
}

/** Title, watch tags and a highlighted excerpt (the excerpt only when a watch matched the text). */
export function ItemTitleCell({ item, terms }: ItemTitleCellProps) {
  const watches = item.analysis?.watches;
  const textSpans = fieldSpans(watches, "text");
  return (
    <>
      <Link to={`/items/${item.id}`} data-testid="item-link">
        <HighlightText text={item.title} terms={terms} spans={fieldSpans(watches, "title")} />
      </Link>
      {watches && watches.length > 0 && (
        <div style={{ marginTop: 4 }}>
          <WatchTags watches={watches} />
          {textSpans.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="item-excerpt">
              <HighlightExcerpt text={item.text} spans={textSpans} radius={30} />
            </Typography.Text>
          )}
        </div>
      )}
    </>
  );
}
