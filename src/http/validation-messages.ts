// Turns a zod issue (as fastify-type-provider-zod reports it) into a field message in the request's language.
import type { FastifySchemaValidationError } from "fastify/types/schema";
import { formatMessage, hasMessage, type MessageLang } from "../shared/messages";

type Issue = Pick<FastifySchemaValidationError, "keyword" | "instancePath" | "message"> & { params: Record<string, unknown> };

function valueAt(input: unknown, instancePath: string): unknown {
  let v = input;
  for (const part of instancePath.split("/").filter(Boolean)) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** The code and parameters for an issue; a custom issue's message is a catalog code when it is one. */
export function issueCode(issue: Issue, input: unknown): { code: string; params?: Record<string, number> } {
  const p = issue.params;
  const sized = p.origin === "string" ? "field.too_short" : p.origin === "array" || p.origin === "set" ? "field.too_few" : "field.too_small";
  switch (issue.keyword) {
    case "invalid_type":
      return { code: valueAt(input, issue.instancePath) === undefined ? "field.required" : "field.invalid_type" };
    case "too_small":
      if (p.origin === "string" && Number(p.minimum) === 1) return { code: "field.required" };
      return { code: sized, params: { min: Number(p.minimum) } };
    case "too_big": {
      const code = p.origin === "string" ? "field.too_long" : p.origin === "array" || p.origin === "set" ? "field.too_many" : "field.too_big";
      return { code, params: { max: Number(p.maximum) } };
    }
    case "invalid_format":
      return { code: "field.invalid_format" };
    case "invalid_value":
    case "invalid_union":
      return { code: "field.invalid_choice" };
    case "unrecognized_keys":
      return { code: "field.unknown_keys" };
    default:
      return { code: issue.message && hasMessage(issue.message) ? issue.message : "field.invalid" };
  }
}

/** The field message for a validation issue in `lang`. */
export function issueMessage(lang: MessageLang, issue: Issue, input: unknown): string {
  const { code, params } = issueCode(issue, input);
  return formatMessage(lang, code, params) ?? code;
}
