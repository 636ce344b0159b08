import { createRequire } from "node:module";
import type { ASTVisitor, FieldNode, FragmentDefinitionNode, GraphQLCompositeType, GraphQLOutputType, SelectionSetNode, ValidationContext, ValueNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { queryRefused } from "./query-refusal.ts";

// The schema's own copy of graphql-js (see createSubscriptionSharing for why not an import).
const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");

/** A field's arguments as written in the document, by name. */
export type FieldArguments = ReadonlyMap<string, ValueNode>;

/**
 * How many items a list field answers at most: a number, or read from the arguments of the field
 * or of the fields above it (`enclosing`, nearest first): a literal `first: 5` or `values: [4, 8]`;
 * a variable argument counts the largest value the field allows.
 */
export type ListSize = number | ((args: FieldArguments, enclosing: readonly FieldArguments[]) => number);

export interface QueryCostOptions {
  /** The most a document may cost: every field of the answer counts 1, once per item of each list above it. */
  readonly maxCost: number;
  /** The most field selections an operation may have once every fragment spread is written out. */
  readonly maxFields: number;
  /** The most selections of one response name in one selection set (its inline fragments and spreads included). */
  readonly maxDuplicates: number;
  /** List fields by "Type.field" (for interfaces, the interface's name works for every implementation). */
  readonly listSizes: ReadonlyMap<string, ListSize>;
  /** What an unlisted list field counts (a test keeps every list of the schema listed). */
  readonly defaultListSize: number;
  /**
   * Fields of one type of which at most one answers more than null or an empty list, by type name
   * (a price point has either its adjustments or its error): the costliest counts in full, the
   * others 1 each.
   */
  readonly exclusiveFields?: ReadonlyMap<string, readonly (readonly string[])[]>;
}

/** The nearest arguments (the field's own, then the enclosing fields') that name `argument`. */
export const argumentsWith = (argument: string, args: FieldArguments, enclosing: readonly FieldArguments[]): FieldArguments | undefined =>
  args.has(argument) ? args : enclosing.find((a) => a.has(argument));

/** The length of a literal list argument, clamped to `max`; `max` when it is a variable. */
export const listLength = (value: ValueNode, max: number): number =>
  value.kind === graphql.Kind.LIST ? Math.max(1, Math.min(max, value.values.length)) : max;

/** Thrown inside the walk to stop it as soon as a limit is passed; turned into the GraphQL error. */
class LimitExceeded extends Error {}

/** What a selection set (or a fragment) adds up to. */
interface Tally {
  /** The answer's fields, lists multiplied. */
  cost: number;
  /** Field selections, fragments written out. */
  fields: number;
  /** Selections per response name at this level (inline fragments and spreads merged in). */
  readonly names: Map<string, number>;
  /** What each field of an exclusive group ("Type.field") adds to `cost`, when the level has any. */
  exclusive?: Map<string, number>;
}

/**
 * Limits on what a document asks, checked in one walk when validation enters an operation:
 *
 * - its cost: how many fields the answer can hold at most. Unlike GraphQL Armor's cost limit
 *   (which counts a list as one item unless it takes `first`), every list counts its largest
 *   size: `models { ... on AiModel { id } }` costs 53 × 2, so 30 aliased `models` lists of every
 *   field, or thousands of repeated `models` selections, are refused before anything runs;
 * - its field selections once fragments are written out, and how often one response name is
 *   selected in one selection set: graphql-js compares every pair of selections that share a
 *   response name (OverlappingFieldsCanBeMergedRule), so a document repeating a field thousands
 *   of times costs it a quadratic amount of work. The rule throws when it enters the operation,
 *   before that rule looks at the operation's fields, as GraphQL Armor's limits do.
 *
 * Fragments are tallied once each (a fragment spread many times multiplies its tally, never the
 * work), and the walk stops as soon as a limit is passed, so it is linear in the document.
 * Introspection (`__schema`, `__type`) counts 0: the document's length, token and alias limits
 * bound it, and graphql-js' MaxIntrospectionDepthRule its nesting (Armor's depth limit skips
 * introspection).
 */
export function queryCostRule(options: QueryCostOptions) {
  return (context: ValidationContext): ASTVisitor => {
    const schema = context.getSchema();
    const fragmentTallies = new Map<string, Tally>();
    const inProgress = new Set<string>();
    let why = "";

    /** The arguments of the fields the walk is inside, nearest first, and an id for each (fragment tallies depend on them). */
    const enclosing: FieldArguments[] = [];
    const scopes: number[] = [];
    let nextScope = 1;
    const argumentsOf = (field: FieldNode): FieldArguments => new Map((field.arguments ?? []).map((a) => [a.name.value, a.value]));

    const listSizeOf = (parent: GraphQLCompositeType, field: FieldNode): number => {
      const key = `${parent.name}.${field.name.value}`;
      let size = options.listSizes.get(key);
      if (size === undefined && "getInterfaces" in parent) {
        for (const iface of parent.getInterfaces()) {
          size = options.listSizes.get(`${iface.name}.${field.name.value}`);
          if (size !== undefined) break;
        }
      }
      if (size === undefined) return options.defaultListSize;
      if (typeof size === "number") return size;
      return size(argumentsOf(field), enclosing);
    };

    /** The size of the lists in a field's type, multiplied ([[X]] counts both). */
    const multiplier = (parent: GraphQLCompositeType, field: FieldNode, type: GraphQLOutputType): number => {
      let n = 1;
      for (let t: GraphQLOutputType = type; ; ) {
        if (graphql.isNonNullType(t)) t = t.ofType;
        else if (graphql.isListType(t)) {
          n *= listSizeOf(parent, field);
          t = t.ofType;
        } else return n;
      }
    };

    const check = (tally: Tally): void => {
      if (tally.cost > options.maxCost) why = `its answer could hold more than ${options.maxCost} fields (each list counts its largest size)`;
      else if (tally.fields > options.maxFields) why = `it selects more than ${options.maxFields} fields once fragments are written out`;
      else return;
      throw new LimitExceeded();
    };

    const addName = (tally: Tally, name: string, count: number): void => {
      const total = (tally.names.get(name) ?? 0) + count;
      if (total > options.maxDuplicates) {
        why = `it selects \`${name.slice(0, 50)}\` more than ${options.maxDuplicates} times in one selection set`;
        throw new LimitExceeded();
      }
      tally.names.set(name, total);
    };

    const merge = (into: Tally, from: Tally): void => {
      into.cost += from.cost;
      into.fields += from.fields;
      for (const [name, count] of from.names) addName(into, name, count);
      if (from.exclusive) for (const [key, cost] of from.exclusive) (into.exclusive ??= new Map()).set(key, (into.exclusive.get(key) ?? 0) + cost);
      check(into);
    };

    const exclusiveKeys = new Set([...(options.exclusiveFields ?? [])].flatMap(([type, groups]) => groups.flatMap((group) => group.map((field) => `${type}.${field}`))));
    /** A selection set's cost with each exclusive group counted as its costliest field, the others 1 each. */
    const exclusiveDiscount = (tally: Tally): number => {
      if (!tally.exclusive) return 0;
      let discount = 0;
      for (const [type, groups] of options.exclusiveFields ?? []) {
        for (const group of groups) {
          const costs = group.map((field) => tally.exclusive!.get(`${type}.${field}`) ?? 0).filter((cost) => cost > 0);
          if (costs.length < 2) continue;
          const costliest = Math.max(...costs);
          discount += costs.reduce((sum, cost) => sum + cost, 0) - costliest - (costs.length - 1);
        }
      }
      return discount;
    };

    const fragmentTally = (fragment: FragmentDefinitionNode): Tally | undefined => {
      const name = fragment.name.value;
      // Tallied once per fragment and enclosing arguments (a list inside may be sized by them).
      const key = `${scopes[0] ?? 0}:${name}`;
      const known = fragmentTallies.get(key);
      if (known !== undefined) return known;
      // A cycle is NoFragmentCyclesRule's to report; it adds nothing here.
      if (inProgress.has(name)) return undefined;
      inProgress.add(name);
      const type = schema.getType(fragment.typeCondition.name.value);
      const tally = type && graphql.isCompositeType(type) ? selectionTally(type, fragment.selectionSet) : undefined;
      inProgress.delete(name);
      if (tally) fragmentTallies.set(key, tally);
      return tally;
    };

    function selectionTally(parent: GraphQLCompositeType, selectionSet: SelectionSetNode, into?: Tally): Tally {
      const tally: Tally = into ?? { cost: 0, fields: 0, names: new Map() };
      // The same fragment spread twice at one level adds nothing new to compare or answer.
      let spread: Set<string> | undefined;
      for (const selection of selectionSet.selections) {
        if (selection.kind === graphql.Kind.FIELD) {
          const name = selection.name.value;
          if (name === "__schema" || name === "__type") continue;
          addName(tally, selection.alias?.value ?? name, 1);
          tally.fields += 1;
          if (name === "__typename") {
            tally.cost += 1;
          } else {
            const definition = "getFields" in parent ? parent.getFields()[name] : undefined;
            // An unknown field is FieldsOnCorrectTypeRule's to report.
            if (definition) {
              const inner = graphql.getNamedType(definition.type);
              let children: Tally | undefined;
              if (selection.selectionSet && graphql.isCompositeType(inner)) {
                const args = selection.arguments?.length ? argumentsOf(selection) : undefined;
                if (args) {
                  enclosing.unshift(args);
                  scopes.unshift(nextScope++);
                }
                children = selectionTally(inner, selection.selectionSet);
                children.cost -= exclusiveDiscount(children);
                if (args) {
                  enclosing.shift();
                  scopes.shift();
                }
              }
              const cost = multiplier(parent, selection, definition.type) * (1 + (children?.cost ?? 0));
              tally.cost += cost;
              const key = `${parent.name}.${name}`;
              if (exclusiveKeys.has(key)) (tally.exclusive ??= new Map()).set(key, (tally.exclusive.get(key) ?? 0) + cost);
              tally.fields += children?.fields ?? 0;
            }
          }
          check(tally);
        } else if (selection.kind === graphql.Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          // Its selections are this level's: merged into this tally.
          if (condition && graphql.isCompositeType(condition)) selectionTally(condition, selection.selectionSet, tally);
        } else {
          const name = selection.name.value;
          if (spread?.has(name)) continue;
          (spread ??= new Set()).add(name);
          const fragment = context.getFragment(name);
          const fragmentAt = fragment ? fragmentTally(fragment) : undefined;
          if (fragmentAt) merge(tally, fragmentAt);
        }
      }
      return tally;
    }

    return {
      OperationDefinition: {
        enter(operation) {
          const root = schema.getRootType(operation.operation);
          if (!root) return;
          try {
            selectionTally(root, operation.selectionSet);
          } catch (error) {
            if (!(error instanceof LimitExceeded)) throw error;
            // Thrown, as GraphQL Armor's limits are: validation stops here, before the rules that
            // compare every pair of fields run over the operation.
            throw queryRefused(`${why}. Ask for fewer fields or lists, or split the query.`, { maxCost: options.maxCost, maxFields: options.maxFields, maxDuplicates: options.maxDuplicates });
          }
        },
      },
    };
  };
}

/** The rule as a plugin: added to every validation (GraphQL Armor's plugins are added the same way). */
export function useQueryCost(options: QueryCostOptions): Plugin {
  const rule = queryCostRule(options);
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
