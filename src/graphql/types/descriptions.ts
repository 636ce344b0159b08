/**
 * The spec's parameter tables cut their description column at 120 characters, often mid-word
 * ("Requires at", "(elements + referen"); the catalog keeps them as the spec prints them. A schema
 * description ends on a whole sentence instead: the text up to its last full stop, else up to its
 * last whole word followed by "…".
 */
const SPEC_COLUMN_WIDTH = 119;
const ENDS_WHOLE = /[.)!?`"'\]:]$/;

export function wholeDescription(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < SPEC_COLUMN_WIDTH || ENDS_WHOLE.test(trimmed)) return trimmed;
  const sentence = trimmed.lastIndexOf(". ");
  if (sentence > 0) return trimmed.slice(0, sentence + 1);
  const word = trimmed.lastIndexOf(" ");
  return `${(word > 0 ? trimmed.slice(0, word) : trimmed).replace(/[\s,;:(]+$/, "")} …`;
}

/** The parts of graphql-js' schema classes this reads (the schema's own copy of graphql-js). */
interface DescribedField {
  description?: string | null | undefined;
}
interface FieldHolder {
  readonly name: string;
  getFields(): Record<string, DescribedField>;
  getInterfaces?(): readonly FieldHolder[];
}

/**
 * A field an object or interface type takes from an interface says what the interface's says,
 * unless it says something of its own: `ImageModel.id` is `AiModel.id`, `ModelNotFound.code` is
 * `Error.code`. Returns the schema it was given.
 */
export function inheritFieldDescriptions<S extends { getTypeMap(): Record<string, unknown> }>(schema: S): S {
  for (const type of Object.values(schema.getTypeMap()) as Partial<FieldHolder>[]) {
    if (typeof type.getInterfaces !== "function" || typeof type.getFields !== "function") continue;
    const fields = type.getFields();
    for (const parent of type.getInterfaces()) {
      const inherited = parent.getFields();
      for (const [name, field] of Object.entries(fields)) {
        const description = inherited[name]?.description;
        if (!field.description && description) field.description = description;
      }
    }
  }
  return schema;
}
