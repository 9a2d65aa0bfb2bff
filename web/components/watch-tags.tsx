// Names of the watches an item matched, each a link to the ledger filtered by that watch.
import { Tag } from "antd";
import { Link } from "react-router-dom";
import type { ItemAnalysisView } from "../../src/shared/analysis-api";

/** One purple tag per matched watch (nothing when none matched). */
export function WatchTags({ watches }: { watches: ItemAnalysisView["watches"] | undefined }) {
  if (!watches?.length) return null;
  return (
    <>
      {watches.map((watch) => (
        <Link key={watch.id} to={`/items?watchId=${watch.id}`}>
          <Tag color="purple" data-testid="watch-tag" style={{ marginInlineEnd: 4 }}>
            {watch.name}
          </Tag>
        </Link>
      ))}
    </>
  );
}
