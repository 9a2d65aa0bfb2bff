// Placeholder until the review flows card lands (replaced by its owner).

/** The review flows (审核流程) card of the publicity settings page. */
export function ReviewFlowsCard() {
  return null;
}
