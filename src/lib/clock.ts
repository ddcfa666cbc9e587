/**
 * The build's clock, in one place for the site, the build's embargo notice and the author
 * scripts. `NEWSROOM_NOW` (ISO 8601) injects one for tests and scheduled rebuilds.
 */
export function buildClock(): Date {
  const injected = process.env.NEWSROOM_NOW;
  if (!injected) return new Date();
  const now = new Date(injected);
  if (Number.isNaN(now.getTime()))
    throw new Error(`NEWSROOM_NOW: expected an ISO 8601 time, found ${JSON.stringify(injected)}`);
  return now;
}
