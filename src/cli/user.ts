// `tingfeng user create --username U --password P --role R [--unit ID]`.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createUser } from "../accounts/commands";
import { ROLES } from "../shared/api";
import { AppError, fieldText } from "../errors";
import { MIN_PASSWORD_LENGTH } from "../accounts/password-policy";
import { formatMessage } from "../shared/messages";
import { openRuntime } from "./runtime";

const input = z.object({
  username: z.string().regex(/^[A-Za-z0-9_.-]{2,32}$/, formatMessage("zh-CN", "user.username_format")!),
  password: z.string().min(MIN_PASSWORD_LENGTH, formatMessage("zh-CN", "password.too_short", { min: MIN_PASSWORD_LENGTH })!),
  role: z.enum(ROLES),
  unit: z.coerce.number().int().positive().optional(),
  "display-name": z.string().min(1).max(50).optional(),
});

/** Creates a user from the command line (audited as the system). */
export async function userCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "create") {
    console.error("usage: tingfeng user create --username U --password P --role R [--unit ID] [--display-name NAME]");
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { username: { type: "string" }, password: { type: "string" }, role: { type: "string" }, unit: { type: "string" }, "display-name": { type: "string" } },
  });
  const parsed = input.safeParse(values);
  if (!parsed.success) {
    for (const i of parsed.error.issues) console.error(`--${i.path.join(".")}: ${i.message}`);
    return 2;
  }
  const v = parsed.data;
  const { db } = await openRuntime();
  try {
    const u = await createUser(db, null, { username: v.username, password: v.password, role: v.role, unitId: v.unit ?? null, displayName: v["display-name"] });
    console.log(`created user ${u.username} (id ${u.id}, role ${u.role})`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.fields ? Object.entries(err.fields).map(([k, m]) => `--${k}: ${fieldText("zh-CN", m)}`).join("\n") : err.message);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}
