// JSON form of a trained model, so the server can keep one per deployment in its database.
import { z } from "zod";
import type { TrainedModel } from "./model";

const weightsSchema = z.object({
  weights: z.array(z.array(z.number())),
  bias: z.array(z.number()),
});

const modelSchema = z
  .object({
    format: z.literal("tingfeng-sentiment"),
    version: z.literal(1),
    classes: z.array(z.enum(["neg", "neu", "pos"])).min(2),
    vocab: z.array(z.string()),
    ngram: weightsSchema,
    meta: weightsSchema,
    examples: z.number().int().nonnegative(),
  })
  .refine((m) => m.ngram.bias.length === m.classes.length && m.meta.bias.length === m.classes.length, {
    message: "bias length must match the classes",
  })
  .refine((m) => m.ngram.weights.every((w) => w.length === m.vocab.length), {
    message: "n-gram weights must match the vocabulary",
  });

/** The model as a JSON string. */
export function serialiseModel(model: TrainedModel): string {
  return JSON.stringify({
    format: "tingfeng-sentiment",
    version: model.version,
    classes: model.classes,
    vocab: model.vocab,
    ngram: model.ngram,
    meta: model.meta,
    examples: model.examples,
  });
}

/** Reads a model written by serialiseModel; throws a descriptive error on anything else. */
export function deserialiseModel(json: string): TrainedModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (cause) {
    throw new Error("sentiment: model is not valid JSON", { cause });
  }
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success) throw new Error("sentiment: not a Tingfeng sentiment model", { cause: parsed.error });
  const m = parsed.data;
  return {
    version: 1,
    classes: m.classes,
    vocab: m.vocab,
    ngram: m.ngram,
    meta: m.meta,
    examples: m.examples,
    columns: new Map(m.vocab.map((k, i) => [k, i])),
  };
}
