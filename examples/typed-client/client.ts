/**
 * A typed GateAI client: estimate a generation, run it with the model's typed input, and follow
 * `taskUpdated` over graphql-ws until its result. Types come from generated.ts, which
 * GraphQL Code Generator makes from schema.graphql and operations.graphql
 * (`npm run codegen:example`), so `GenerateInput` is "exactly one model" and enums are checked.
 *
 *   GATEAI_URL=http://localhost:4000 GATEAI_KEY=sk-... npx tsx examples/typed-client/client.ts
 *
 * graphql-ws client: https://the-guild.dev/graphql/ws/docs (createClient, connectionParams);
 * TypedDocumentNode: https://the-guild.dev/graphql/codegen/plugins/typescript/typed-document-node
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { EstimateDocument, GenerateDocument, TaskUpdatedDocument, type GenerateInput, type TaskUpdatedSubscription } from "./generated.ts";

/** One query or mutation over HTTP; GraphQL errors (not expected failures, which are data) throw. */
async function request<R, V>(url: string, key: string, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: R; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error (${response.status}): ${body.errors?.map((e) => e.message).join("; ")}`);
  return body.data;
}

type TaskState = Extract<TaskUpdatedSubscription["taskUpdated"], { __typename: "TaskUpdate" }>["task"];

/** Resolves with the task once `taskUpdated` says it is FINISHED or FAILED. */
function followTask(url: string, key: string, id: string, onUpdate: (task: TaskState) => void): Promise<TaskState> {
  const client = createClient({ url: url.replace(/^http/, "ws") + "/graphql", webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${key}` } });
  return new Promise<TaskState>((resolve, reject) => {
    const stop = client.subscribe<TaskUpdatedSubscription>(
      { query: print(TaskUpdatedDocument), variables: { id } },
      {
        next({ data, errors }) {
          if (errors?.length) return reject(new Error(errors.map((e) => e.message).join("; ")));
          const update = data?.taskUpdated;
          if (!update) return;
          if (update.__typename !== "TaskUpdate") return reject(new Error(`${update.code}: ${update.message}`));
          onUpdate(update.task);
          if (update.task.status === "FINISHED" || update.task.status === "FAILED") {
            stop();
            resolve(update.task);
          }
        },
        error: reject,
        complete: () => undefined,
      },
    );
  }).finally(() => client.dispose());
}

/** Estimates, generates and follows one image; returns the final task. */
export async function run(url: string, key: string, log: (line: string) => void = console.log): Promise<TaskState> {
  // Typed: a misspelt field or `quality: "ULTRA"` does not compile, and neither does `{}`.
  const input: GenerateInput = { gptImage2: { prompt: "A lighthouse at dusk", quality: "HIGH" } };

  const { estimate } = await request(url, key, EstimateDocument, { input });
  if (estimate.__typename !== "Estimate") throw new Error(`estimate refused: ${estimate.code}: ${estimate.message}`);
  log(`estimate: $${estimate.cost} (fits today's budget: ${estimate.fitsInBudget})`);

  // `estimate.input` is the typed input that was priced (normalized): it goes back as it is.
  const { generate } = await request(url, key, GenerateDocument, { input: estimate.input as GenerateInput, idempotencyKey: `example-${Date.now()}` });
  if (generate.__typename !== "GenerateSuccess") throw new Error(`generate refused: ${generate.code}: ${generate.message}`);
  log(`accepted task ${generate.task.id} for $${generate.cost}`);

  const task = await followTask(url, key, generate.task.id, (t) => log(`${t.status} ${Math.round(t.progress * 100)}%`));
  log(task.status === "FINISHED" ? `result: ${task.result.join(", ")}` : `failed: ${task.error}`);
  return task;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const key = process.env.GATEAI_KEY;
  if (!key) throw new Error("set GATEAI_KEY (and GATEAI_URL, default http://localhost:4000)");
  await run(process.env.GATEAI_URL ?? "http://localhost:4000", key);
}
