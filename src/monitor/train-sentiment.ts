// Trains the per-deployment sentiment model (from analysts' corrections or a labelled file),
// measures it on a held-out fifth against the lexicon alone, and stores it as the active model.
import type { Db } from "../db/connection";
import { analyseSentiment, serialiseModel, trainSentimentModel, type LabelledExample, type TrainedModel } from "../analyse/sentiment";
import { saveModel } from "../store/sentiment";

/** Fewest examples a model is trained from. */
export const MIN_TRAINING_EXAMPLES = 20;

/** What training produced. */
export type TrainReport = { modelId: number; examples: number; holdout: number; holdoutAccuracy: number | null; lexiconAccuracy: number | null; model: TrainedModel };

function accuracy(rows: readonly LabelledExample[], model: TrainedModel | null): number {
  let ok = 0;
  for (const r of rows) if (analyseSentiment(r.text, model).label === r.label) ok++;
  return rows.length ? ok / rows.length : 0;
}

/** Trains on the examples (every fifth held out for the reported accuracy, then all), stores and returns it. */
export function trainAndStore(db: Db, examples: readonly LabelledExample[], source: "corrections" | "file", now = Date.now()): TrainReport {
  if (examples.length < MIN_TRAINING_EXAMPLES) throw new Error(`sentiment: at least ${MIN_TRAINING_EXAMPLES} labelled examples are needed (got ${examples.length})`);
  const holdout = examples.filter((_, i) => i % 5 === 4);
  const train = examples.filter((_, i) => i % 5 !== 4);
  let holdoutAccuracy: number | null = null;
  let lexiconAccuracy: number | null = null;
  try {
    holdoutAccuracy = accuracy(holdout, trainSentimentModel(train));
    lexiconAccuracy = accuracy(holdout, null);
  } catch {
    // Too few of some label in the training part: report no held-out figure.
  }
  const model = trainSentimentModel(examples);
  const modelId = saveModel(db, { source, examples: examples.length, holdoutAccuracy, model: serialiseModel(model) }, now);
  return { modelId, examples: examples.length, holdout: holdout.length, holdoutAccuracy, lexiconAccuracy, model };
}
