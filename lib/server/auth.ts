import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin, genericOAuth } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { getDb } from "./db";
import { getEnv } from "./env";
import { authSecret } from "./auth-secret";
import { audit } from "./audit";
import { authRateLimitStorage } from "./rate-limit";
import { roleChangeOf, setUserRole } from "./roles";

/**
 * Accounts: better-auth over the app's own Prisma client (Postgres or the embedded PGlite).
 * Email + password (no public sign-up: admins create users), optional OpenID Connect sign-in,
 * and three roles. Authorisation is checked again in every route handler (lib/server/guard.ts).
 */

/**
 * The header better-auth reads the client's address from (its per-address limits, the session's
 * address). The auth route sets it from lib/server/client-address.ts and drops any a client sent.
 */
export const CLIENT_ADDRESS_HEADER = "x-market-client-address";

export const ROLES = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

const statements = { ...defaultStatements, dataset: ["import", "commit", "activate"], audit: ["read"] } as const;
const ac = createAccessControl(statements);
const roles = {
  viewer: ac.newRole({ dataset: [] }),
  analyst: ac.newRole({ dataset: ["import", "commit", "activate"] }),
  admin: ac.newRole({ ...adminAc.statements, dataset: ["import", "commit", "activate"], audit: ["read"] }),
};

/** The origin the app is served from: APP_URL's, or else the request's own. */
export function appOrigin(request?: Request): string | undefined {
  const env = getEnv();
  if (env.APP_URL) return new URL(env.APP_URL).origin;
  if (!request) return undefined;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return new URL(request.url).origin;
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return `${proto}://${host}`;
}

function build() {
  const env = getEnv();
  const oidc =
    env.OIDC_DISCOVERY_URL && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
      ? [
          genericOAuth({
            config: [
              {
                providerId: "oidc",
                discoveryUrl: env.OIDC_DISCOVERY_URL,
                clientId: env.OIDC_CLIENT_ID,
                clientSecret: env.OIDC_CLIENT_SECRET,
                scopes: ["openid", "email", "profile"],
                pkce: true,
              },
            ],
          }),
        ]
      : [];
  return betterAuth({
    appName: "AI Models Market",
    baseURL: env.APP_URL,
    secret: authSecret(),
    database: prismaAdapter(getDb().prisma, { provider: "postgresql" }),
    trustedOrigins: async (request) => [appOrigin(request)],
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 30 } },
      // Shared by every instance on Postgres (lib/server/rate-limit.ts), not per process.
      customStorage: authRateLimitStorage,
    },
    advanced: {
      useSecureCookies: env.APP_URL?.startsWith("https://") ? true : undefined,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      user: {
        update: {
          // The admin endpoints (set-role, update-user) change a role through set_user_role(), which
          // records it in the audit log; the database refuses a bare role UPDATE. better-auth's own
          // UPDATE then writes the same role again, a change the database lets through.
          before: async (data, context) => {
            if (data.role === undefined) return;
            const change = roleChangeOf(context);
            if (!change) throw new Error("a role changes only through the admin endpoints");
            await setUserRole(change.userId, String(data.role), change.actor);
          },
        },
      },
      session: {
        create: {
          after: async (session) => {
            const user = await getDb().prisma.user.findUnique({
              where: { id: session.userId },
              select: { email: true },
            });
            await audit({ action: "sign-in", actor: user?.email ?? session.userId, ip: session.ipAddress ?? null });
          },
        },
      },
    },
    plugins: [admin({ ac, roles, defaultRole: "viewer", adminRoles: ["admin"] }), ...oidc, nextCookies()],
  });
}

export type Auth = ReturnType<typeof build>;
const globalForAuth = globalThis as unknown as { __marketAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.__marketAuth ??= build();
  return globalForAuth.__marketAuth;
}

export function oidcEnabled(): boolean {
  const env = getEnv();
  return !!(env.OIDC_DISCOVERY_URL && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The signed-in user of a request (from its session cookie), or null. */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  // No session cookie, no session: a public read does not enter the auth library at all.
  if (!/better-auth\.session_token=/.test(headers.get("cookie") ?? "")) return null;
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const role = (ROLES as readonly string[]).includes(session.user.role ?? "") ? (session.user.role as Role) : "viewer";
  return { id: session.user.id, email: session.user.email, name: session.user.name, role };
}

/**
 * Creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD when no user has that email.
 * There is no default account: without those variables no admin exists.
 */
export async function ensureFirstAdmin(): Promise<string | null> {
  const env = getEnv();
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return null;
  const existing = await getDb().prisma.user.findUnique({ where: { email: env.ADMIN_EMAIL.toLowerCase() } });
  if (existing) return null;
  await getAuth().api.createUser({
    body: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, name: "Administrator", role: "admin" },
  });
  return env.ADMIN_EMAIL;
}
