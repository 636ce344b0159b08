import type { Micros } from "../kernel/money.ts";

/** One problem with one parameter: the field and the reason, as a user reads it. */
export interface ParamIssue {
  readonly field: string;
  readonly reason: string;
}

/** The engine's expected failures, each with a stable `code` shared by REST and GraphQL. */
export type EngineError =
  | { readonly code: "MODEL_NOT_FOUND"; readonly message: string; readonly model: string; readonly suggestions: readonly string[] }
  | { readonly code: "PROMPT_TOO_LONG"; readonly message: string; readonly length: number; readonly max: number }
  | { readonly code: "QUANTITY_TOO_HIGH"; readonly message: string; readonly quantity: number; readonly max: number }
  | { readonly code: "INVALID_PARAMS"; readonly message: string; readonly issues: readonly ParamIssue[] }
  | {
      readonly code: "INSUFFICIENT_BUDGET";
      readonly message: string;
      /** Cost of the cheapest downgrade (or of the request itself when nothing can be lowered). */
      readonly cheapestCost: Micros;
      readonly remaining: Micros;
    };


export const invalidParams = (issues: readonly ParamIssue[]): EngineError => ({
  code: "INVALID_PARAMS",
  message: issues.map((i) => `${i.field}: ${i.reason}`).join("; "),
  issues,
});
