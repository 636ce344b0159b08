/**
 * The bounds on every input, in one place (README "Limits on input" lists them): each is checked
 * before any work that grows with the input (a database statement, fuzzy matching, pricing, a
 * hash), and a request over one is refused as INVALID_PARAMS naming it (REST 400, GraphQL
 * `InvalidParams`), unless the row says otherwise.
 */
export const BOUNDS = {
  /** Characters of a model id (REST `model`, GraphQL `raw.model` and `model(id:)`). */
  modelId: 100,
  /**
   * Characters of a task id, API key id or page cursor. A longer one (or one with text that
   * cannot be stored, see `isStorableText`) names nothing: not found, without a database read.
   */
  id: 100,
  /** Characters of an API key as presented; a longer one is not hashed and fails authentication. */
  apiKey: 256,
  /** Characters of an Idempotency-Key (visible ASCII). */
  idempotencyKey: 255,
  /** Unicode code points of a prompt (the spec's global limit; PROMPT_TOO_LONG). */
  prompt: 1500,
  /** Characters of an API key's label (createApiKey). */
  label: 100,
  /** Characters of a parameter name (a params key, priceAcross `across` and `by`). */
  paramName: 100,
  /**
   * Characters of one string in a request's `params`, a `data:` URI apart: a reference's bytes go
   * to the file store (src/services/inline-references.ts) and the body's bound holds them; a
   * `data:` URI still in the params once they have gone (no reference) is held to this bound too.
   */
  paramText: 16_384,
  /**
   * Characters of a request's `params` as JSON once its inline references have gone to the file
   * store: what a task row keeps (twice: as sent and as run) and the driver reads at each pass.
   * 64 references of 2 KB URLs fit four times over.
   */
  storedParams: 512 * 1024,
  /** Nesting of a request's `params` (objects and arrays inside objects and arrays). */
  paramsDepth: 8,
  /** Elements of any one array, and keys of any one object, in a request's `params`. */
  paramsItems: 100,
  /** priceAcross `values` (the columns of the table). */
  priceAcrossValues: 50,
  /** priceAcross `byValues` (the rows), so a table has at most 50 × 50 = 2,500 cells. */
  priceAcrossByValues: 50,
  /** Characters of one priceAcross value (each value is a string, number or boolean). */
  priceAcrossValue: 100,
  /** Bytes of a priceAcross request's params (as JSON) times its cells: every cell answers its params. */
  priceTableBytes: 4 * 1024 * 1024,
  /** planBudget `requests`. */
  planRequests: 200,
  /** Tasks per page (`tasks(first:)`): clamped to 1..100, not refused. */
  taskPage: 100,
  /** `cheapestModels(first:)`: clamped to 1..100, not refused. */
  cheapestModels: 100,
  /** Elements of any one list in a GraphQL request's variables (the largest list bound above). */
  graphqlVariableList: 200,
  /** Nesting of a GraphQL request's variables. */
  graphqlVariableDepth: 16,
  /** Characters of bad input echoed back in a message or an error field. */
  echo: 100,
} as const;

/**
 * At most `BOUNDS.echo` characters of a value to echo in an error, "…" marking a cut; a cut never
 * splits a surrogate pair, and text that cannot be stored is escaped (JSON-style).
 */
export function truncateForEcho(text: string, max: number = BOUNDS.echo): string {
  let cut = text.length > max ? text.slice(0, max) : text;
  if (cut.length < text.length && /[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  if (!isStorableText(cut)) cut = cut.replace(/[\0\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return cut.length < text.length ? `${cut}…` : cut;
}

const wellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;
const SURROGATE_OR_NUL = /[\0\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True when the text is well-formed Unicode without U+0000: every string the gateway stores
 * (PostgreSQL `text` and `jsonb` hold neither NUL nor an unpaired surrogate) or forwards as UTF-8.
 */
export function isStorableText(text: string): boolean {
  if (wellFormed) return wellFormed.call(text) && !text.includes("\0");
  return !SURROGATE_OR_NUL.test(text) || (!text.includes("\0") && !LONE_SURROGATE.test(text));
}

/** Why a string cannot be taken, for a ParamIssue's reason. */
export const UNSTORABLE_TEXT = "contains U+0000 or an unpaired surrogate (not valid Unicode text)";

/** An id the gateway could have issued (or a model id it could hold): bounded and storable. */
export const isBoundedId = (value: string, max: number = BOUNDS.id): boolean => value.length <= max && isStorableText(value);

/** A field path and why its value is refused. */
export interface InputIssue {
  readonly field: string;
  readonly reason: string;
}

export interface JsonBounds {
  /** Deepest nesting of objects and arrays (the value itself is depth 0). */
  readonly depth: number;
  /** Most elements of an array and keys of an object. */
  readonly items: number;
  /** Longest object key. */
  readonly keyLength: number;
  /** Longest string (absent: no bound). */
  readonly textLength?: number;
  /** A `data:` URI may be longer than `textLength` (a reference: its bytes go to the file store). */
  readonly longDataUris?: boolean;
  /** Keys of the value itself whose strings have a bound of their own, checked later with its own error (`textLength` does not apply to them). */
  readonly ownTextBounds?: readonly string[];
}

const pathOf = (parent: string, key: string | number): string =>
  typeof key === "number" ? `${parent}[${key}]` : parent === "" ? truncateForEcho(key) : `${parent}.${truncateForEcho(key)}`;

/**
 * The first reason a JSON value (as parsed from a request) cannot be taken: text that cannot be
 * stored, in a string or an object key; nesting, an array or an object over `bounds`. Walks
 * without recursion, so a deeply nested value cannot exhaust the stack; stops at the first issue.
 */
export function jsonInputIssue(value: unknown, field: string, bounds: JsonBounds): InputIssue | undefined {
  const stack: { value: unknown; path: string; depth: number; ownBound?: boolean }[] = [{ value, path: field, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: current, path, depth } = item;
    if (typeof current === "string") {
      if (bounds.textLength !== undefined && current.length > bounds.textLength && item.ownBound !== true && !(bounds.longDataUris === true && DATA_URI.test(current))) return { field: path, reason: longText(bounds.textLength) };
      if (!isStorableText(current)) return { field: path, reason: UNSTORABLE_TEXT };
      continue;
    }
    if (typeof current !== "object" || current === null) continue;
    if (depth >= bounds.depth) return { field: path, reason: `nested deeper than ${bounds.depth} levels` };
    if (Array.isArray(current)) {
      if (current.length > bounds.items) return { field: path, reason: `has ${current.length} elements; at most ${bounds.items}` };
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: pathOf(path, i), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > bounds.items) return { field: path, reason: `has ${keys.length} keys; at most ${bounds.items}` };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key.length > bounds.keyLength) return { field: pathOf(path, key), reason: `the name is longer than ${bounds.keyLength} characters` };
      if (!isStorableText(key)) return { field: pathOf(path, key), reason: `the name ${UNSTORABLE_TEXT}` };
      stack.push({ value: (current as Record<string, unknown>)[key], path: pathOf(path, key), depth: depth + 1, ownBound: depth === 0 && bounds.ownTextBounds?.includes(key) === true });
    }
  }
  return undefined;
}

/** The bounds of a generation request's `params` (REST body and GraphQL input alike). */
/** The prompt has its own bound, BOUNDS.prompt (PROMPT_TOO_LONG, from the engine). */
export const PARAMS_BOUNDS: JsonBounds = { depth: BOUNDS.paramsDepth, items: BOUNDS.paramsItems, keyLength: BOUNDS.paramName, textLength: BOUNDS.paramText, longDataUris: true, ownTextBounds: ["prompt"] };

const DATA_URI = /^data:/i;
const longText = (max: number) => `longer than ${max} characters (only a data: URI given as a reference may be longer)`;

/**
 * What a task row may not keep of `value` (params once their inline references have gone to the
 * file store): a string longer than BOUNDS.paramText, `data:` URIs included, or more than
 * BOUNDS.storedParams characters of JSON in all.
 */
export function storedParamsIssue(value: unknown, field: string): InputIssue | undefined {
  const long = jsonInputIssue(value, field, STORED_PARAMS_BOUNDS);
  if (long) return long;
  const json = JSON.stringify(value)?.length ?? 0;
  return json > BOUNDS.storedParams ? { field: field || "params", reason: `${json} characters as JSON once inline references are stored; at most ${BOUNDS.storedParams}` } : undefined;
}

/** The params' bounds, no `data:` URI exempt: what is left of one once the references are stored stays in the row. */
const STORED_PARAMS_BOUNDS: JsonBounds = Object.assign({}, PARAMS_BOUNDS, { longDataUris: false });
