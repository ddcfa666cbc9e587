/**
 * Tickers from the parenthesis after the company name in the lead paragraph:
 * "Trend Micro (TSE: 4704; Nasdaq: TMIC), a leader in …" → ["TSE: 4704", "Nasdaq: TMIC"].
 */

const TICKER = /^\s*([A-Za-z][A-Za-z .-]*?)\s*:\s*([A-Za-z0-9.]+)\s*$/;

/** The tickers of the first parenthesis made only of `EXCHANGE: SYMBOL` pairs, or none. */
export function tickersIn(lead: string): string[] {
  for (const [, inside] of lead.matchAll(/\(([^()]+)\)/g)) {
    const parts = inside!.split(/[;,]/);
    const pairs = parts.map((part) => TICKER.exec(part));
    if (pairs.every(Boolean)) return pairs.map((m) => `${m![1]}: ${m![2]}`);
  }
  return [];
}
