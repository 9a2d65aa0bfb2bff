// User accounts and roles (admin only).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { createUser, updateUserAccount } from "../../accounts/commands";
import { listUsers } from "../../store/users";
import { actorOf, authorize, type AppDeps } from "../context";
import { presentUser } from "../presenters";
import { errorBody, idParams, name, text, userView } from "../schemas";
import { ROLES } from "../../shared/api";
import { MIN_PASSWORD_LENGTH } from "../../accounts/password-policy";

const username = z.string().trim().regex(/^[A-Za-z0-9_.-]{2,32}$/, "user.username_format");
// Commonness is checked by the account commands (password.too_common), for the CLI too.
const password = text(256).pipe(z.string().min(MIN_PASSWORD_LENGTH));
const unitId = z.number().int().positive().nullable();
// Contact details for alerts; "" clears them.
const emailShape = z.email();
const email = z.string().trim().max(200).refine((v) => v === "" || emailShape.safeParse(v).success, "user.email_format").transform((v) => v || null).nullable();
const phone = z.string().trim().max(40).refine((v) => v === "" || /^\+?[0-9][0-9 -]{4,30}$/.test(v), "user.phone_format").transform((v) => v || null).nullable();

/** /api/users routes. */
export async function userRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get("/api/users", { schema: { tags: ["users"], response: { 200: z.object({ users: z.array(userView) }) } } }, async (req) => {
    authorize(req, "users.read");
    return { users: listUsers(db).map(presentUser) };
  });

  r.post("/api/users", {
    schema: {
      tags: ["users"],
      body: z.object({ username, password, displayName: name(50).optional(), role: z.enum(ROLES), unitId: unitId.default(null), email: email.optional(), phone: phone.optional() }),
      response: { 201: userView, 400: errorBody },
    },
  }, async (req, reply) => {
    const p = authorize(req, "users.write");
    const u = await createUser(db, actorOf(p), req.body, req.ip);
    return reply.code(201).send(presentUser(u));
  });

  r.patch("/api/users/:id", {
    schema: {
      tags: ["users"], params: idParams,
      body: z.object({ displayName: name(50), role: z.enum(ROLES), unitId, disabled: z.boolean(), password, email, phone }).partial(),
      response: { 200: userView, 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "users.write");
    return presentUser(await updateUserAccount(db, actorOf(p), req.params.id, req.body, req.ip));
  });
}
