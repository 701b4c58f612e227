import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { notFound, parseInput } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { listUsersSchema, type ListUsersInput } from "./schemas";
import { serializeUser, USER_PUBLIC_SELECT } from "./serialize";
import { NO_THROTTLE, throttleStateOf, throttleStates } from "@/lib/auth/sign-in-throttle";

type Reader = { db: PrismaClient; actor: Actor };

/** The admin's user list: search by name or email, filter by role, paginated, by name. */
export async function listUsers({ db, actor }: Reader, input: ListUsersInput | Record<string, unknown> = {}) {
  authorize(actor, "user:read");
  const f = parseInput(listUsersSchema, input);
  const where: Prisma.UserWhereInput = {
    ...(f.role ? { role: f.role } : {}),
    ...(f.q ? { OR: [{ name: { contains: f.q, mode: "insensitive" } }, { email: { contains: f.q, mode: "insensitive" } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (f.page - 1) * f.pageSize, take: f.pageSize, select: USER_PUBLIC_SELECT }),
  ]);
  const throttles = await throttleStates(db, rows.map((u) => u.email));
  return {
    items: rows.map((u) => serializeUser(u, throttles.get(u.email) ?? NO_THROTTLE)),
    page: f.page,
    pageSize: f.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

export async function getUserOrThrow({ db, actor }: Reader, id: string) {
  authorize(actor, "user:read");
  const user = await db.user.findUnique({ where: { id }, select: USER_PUBLIC_SELECT });
  if (!user) throw notFound("User");
  return serializeUser(user, await throttleStateOf(db, user.email));
}
