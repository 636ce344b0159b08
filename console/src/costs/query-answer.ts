// The answer of a cost question that is asked again whenever its inputs change. While a new
// question runs the old answer is not shown as if it answered it; a question that fails (a
// GraphQL error such as an Int out of range, or the network) says why instead of leaving the
// previous answer in place.
import { useEffect, useState } from "preact/hooks";

export interface QueryAnswer<R> {
  /** The answer to the current inputs; null while it is asked, or when it failed. */
  readonly answer: R | null;
  /** Why the current question failed. */
  readonly failure: string | null;
}

/** Runs `ask` when `inputs` change (after `delayMs`, for inputs typed key by key); undefined from `ask`: nothing to ask yet. */
export function useQueryAnswer<R>(ask: () => Promise<R> | undefined, inputs: readonly unknown[], delayMs = 0): QueryAnswer<R> {
  const [state, setState] = useState<QueryAnswer<R>>({ answer: null, failure: null });
  useEffect(() => {
    let live = true;
    setState({ answer: null, failure: null });
    const timer = window.setTimeout(() => {
      ask()?.then(
        (answer) => live && setState({ answer, failure: null }),
        (error: Error) => live && setState({ answer: null, failure: error.message || "The gateway could not be reached" }),
      );
    }, delayMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, inputs);
  return state;
}
