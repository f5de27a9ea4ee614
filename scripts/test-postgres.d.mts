// Types for scripts/test-postgres.mjs (plain JS so `node scripts/e2e-server.mjs` can use it too).
export const LOCAL_ADMIN_URL: string;
export function postgresAnswers(url: string, timeoutMs?: number): Promise<boolean>;
export function startEmbeddedPostgres(options?: {
  log?: (line: string) => void;
}): Promise<{ adminUrl: string; stop: () => Promise<void> }>;
export function testPostgres(options?: {
  log?: (line: string) => void;
}): Promise<{ adminUrl: string; started: boolean; stop: () => Promise<void> }>;
export function createDatabase(adminUrl: string, prefix?: string): Promise<{ url: string; drop: () => Promise<void> }>;
export function redact(url: string): string;
