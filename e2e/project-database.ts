/**
 * The project's own database on the real server, to put rows in and read the catalog from
 * outside the editor. The server reports its URL with any password hidden, so only the
 * database name is taken from it; the rest comes from TEST_DATABASE_URL.
 */
import pg from 'pg';

export async function connectToProjectDatabase(description: string): Promise<pg.Client> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('The postgres project needs TEST_DATABASE_URL.');
  const url = new URL(admin);
  url.pathname = new URL(description).pathname;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}
