// PATCH bodies from create bodies. zod 4 applies a field's default inside `.partial()` too, so a PATCH
// of one field would reset every defaulted field it left out (re-enable a disabled rule, clear quiet
// hours). A patch schema here drops the defaults: a field left out keeps its stored value.
import { z } from "zod";

/** Every field of `schema` optional and without its default. */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): ReturnType<z.ZodObject<S>["partial"]> {
  return z.object(
    Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, ((v instanceof z.ZodDefault ? v.unwrap() : v) as z.ZodType).optional()])),
  ) as unknown as ReturnType<z.ZodObject<S>["partial"]>;
}
