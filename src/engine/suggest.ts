import { distance } from "fastest-levenshtein";

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Model ids close to a mistyped one, nearest first: those within an edit distance of half the
 * query's length (so "seedance" suggests "seedance-2.0"), else those containing it once
 * punctuation is ignored ("veo3" → the Veo 3 models).
 */
export function suggestModelIds(query: string, ids: readonly string[], limit = 5): string[] {
  const q = query.toLowerCase();
  const threshold = Math.max(2, Math.ceil(q.length / 2));
  // An edit distance is at least the difference of the lengths: a name that much shorter or
  // longer is not compared at all (a client's 100-character key against 10-character names).
  const near: { id: string; d: number }[] = [];
  let longest = 0;
  for (const id of ids) {
    if (id.length > longest) longest = id.length;
    if (Math.abs(id.length - q.length) > threshold) continue;
    const d = distance(q, id.toLowerCase());
    if (d <= threshold) near.push({ id, d });
  }
  if (near.length) return near.sort((a, b) => a.d - b.d || a.id.localeCompare(b.id)).slice(0, limit).map((c) => c.id);
  const s = squash(query);
  // Squashing only shortens a name: a query longer than every name is contained in none.
  if (!s || s.length > longest) return [];
  return ids
    .filter((id) => squash(id).includes(s))
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .slice(0, limit);
}

/** The one name nearest to a misspelt one, if it is near enough to be what was meant. */
export function suggestClosest(query: string, names: readonly string[]): string | undefined {
  return suggestModelIds(query, names, 1)[0];
}

/**
 * Parameters that mean the same thing under another model's name: sending one to a model that
 * takes the other is answered with the other ("did you mean"), however far apart the spellings.
 */
const PARAM_SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ["motion_has_audio", ["generate_audio"]],
  ["generate_audio", ["motion_has_audio"]],
]);

/** The parameter of `names` that an unknown `name` most likely meant: a synonym first, else the nearest spelling. */
export function suggestParam(name: string, names: readonly string[]): string | undefined {
  // A Map, not an object: a client's parameter may be named "constructor" or "__proto__".
  return PARAM_SYNONYMS.get(name)?.find((synonym) => names.includes(synonym)) ?? suggestClosest(name, names);
}
