import { redactUrl } from '@retort/migrate';

/** The database password never leaves the server, whatever a driver put in its description. */
export function redactDescription(description: string): string {
  return redactUrl(description);
}
