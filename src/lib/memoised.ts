/**
 * A function of a text key that works out each key's answer once and keeps it. For what is costly
 * to make and asked for on every page: Intl formatters (making one loads locale data; using one is
 * cheap), a zone's offset on a given day, a language's likely territory.
 */
export function memoised<F>(create: (key: string) => F): (key: string) => F {
  const made = new Map<string, F>();
  return (key) => {
    let answer = made.get(key);
    if (answer === undefined) made.set(key, (answer = create(key)));
    return answer;
  };
}
