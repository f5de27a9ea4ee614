/**
 * Before any suite: makes sure a Postgres server is there for the integration suites. With
 * TEST_DATABASE_URL unset and no local server answering, it starts a throwaway embedded one and
 * hands its admin URL to the suites (as TEST_DATABASE_URL); it is stopped and removed afterwards.
 */
import { testPostgres } from "../../scripts/test-postgres.mjs";

export default async function setup(): Promise<() => Promise<void>> {
  const server = await testPostgres({ log: (line) => console.log(line) });
  process.env.TEST_DATABASE_URL = server.adminUrl;
  return server.stop;
}
