// Writes examples/typed-client/generated.ts (`npm run codegen:example`) through GraphQL Code
// Generator's API, the same call the test makes to check the files are fresh: the `graphql-codegen`
// command resolves other plugin versions than the API here (@graphql-codegen/cli bundles its own).
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import config from "./codegen.ts";

await generate({ ...config, cwd: fileURLToPath(new URL("../..", import.meta.url)), silent: true }, true);
console.log("examples/typed-client/generated written");
