import type { Plugin } from "graphql-yoga";
import { queryRefused } from "./query-refusal.ts";

/** The refusal of a document longer than `maxCharacters`: what a client is told, naming the bound. */
export const documentTooLarge = (length: number, maxCharacters: number) =>
  queryRefused(`the document has ${length} characters; at most ${maxCharacters}. Send a shorter document, or split it.`, { maxCharacters });

/**
 * Refuses a document longer than `maxCharacters` before it is parsed, on every transport (an
 * envelop `onParse` hook: Yoga, the JSON POST path and graphql-ws run it). The token limit stops
 * the lexer after 10,000 tokens, but only after it has read them; a length check costs nothing
 * and keeps a megabyte of aliases, whitespace or string literal from reaching the lexer at all.
 * The bound sits above what the token limit lets through in practice (`QUERY_LIMITS`).
 */
export function useDocumentSize(maxCharacters: number): Plugin {
  return {
    onParse({ params }) {
      const source = params.source;
      const length = typeof source === "string" ? source.length : source.body.length;
      if (length > maxCharacters) throw documentTooLarge(length, maxCharacters);
    },
  };
}
