// Row attributes for antd tables, which type onRow's result without data-* attributes.
import type { HTMLAttributes } from "react";

/** onRow handler that marks every row with `data-testid={testId}`. */
export function rowTestId(testId: string): () => HTMLAttributes<HTMLElement> {
  return () => ({ "data-testid": testId }) as HTMLAttributes<HTMLElement>;
}
