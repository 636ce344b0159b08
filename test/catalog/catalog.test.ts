import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalog, imageModels, threeDModels, videoModels } from "../../src/catalog/index.ts";
import type { ModelKind, ModelSpec, ParamSpec, ParamType } from "../../src/catalog/index.ts";

// ---------------------------------------------------------------------------
// A small, independent reader of the spec's model sections. The catalog is
// checked against what this reads straight from the markdown.
// ---------------------------------------------------------------------------

const SPEC_TEXT = readFileSync(new URL("../../docs/gateai-core-api.md", import.meta.url), "utf8");

const SECTION_KINDS: Readonly<Record<string, ModelKind>> = {
  "Image Generation Models": "image",
  "Video Generation Models": "video",
  "3D Models": "3d",
};

interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

interface SpecModel {
  readonly kind: ModelKind;
  readonly heading: string;
  readonly id: string;
  readonly cost: string;
  readonly tables: readonly Table[];
  readonly block: string;
  readonly example: unknown;
}

function splitCells(line: string): string[] {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((cell) => cell.trim());
}

function readTables(block: string): Table[] {
  const tables: Table[] = [];
  let current: { header: string[]; rows: string[][] } | undefined;
  for (const line of block.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    if (/^\|(\s*-+\s*\|)+$/.test(line.trim())) continue;
    if (current === undefined) {
      current = { header: splitCells(line), rows: [] };
      tables.push(current);
    } else {
      current.rows.push(splitCells(line));
    }
  }
  return tables;
}

function readSpecModels(text: string): SpecModel[] {
  const models: SpecModel[] = [];
  for (const section of text.split(/^## /m)) {
    const title = section.slice(0, section.indexOf("\n")).trim();
    const kind = SECTION_KINDS[title];
    if (kind === undefined) continue;
    for (const block of section.split(/^### /m).slice(1)) {
      const heading = block.slice(0, block.indexOf("\n")).trim();
      const idLine = /^Model id: `model: (.+?)` — Cost: (.+)$/m.exec(block);
      const exampleJson = /\*\*Example:\*\*\s*```json\n([\s\S]*?)\n```/.exec(block);
      if (!idLine || !exampleJson) throw new Error(`spec block "${heading}" lacks an id line or an example`);
      models.push({
        kind,
        heading,
        id: idLine[1]!,
        cost: idLine[2]!,
        tables: readTables(block),
        block,
        example: JSON.parse(exampleJson[1]!),
      });
    }
  }
  return models;
}

/** The Default column as the transcription rules read it. */
function readDefault(cell: string, specType: string): unknown {
  if (cell === "-") return undefined;
  if (cell === '""') return "";
  if (cell === "true" || cell === "false") return cell === "true";
  if (specType === "array") return [cell];
  if (specType !== "string" && /^-?\d+(\.\d+)?$/.test(cell)) return Number(cell);
  return cell;
}

const CONSTRAINT_KEYS: Readonly<Record<string, keyof ParamSpec>> = {
  min: "min",
  max: "max",
  step: "step",
  minLen: "minLength",
  maxLen: "maxLength",
};

function readConstraints(cell: string): Record<string, number> {
  if (cell === "-") return {};
  const out: Record<string, number> = {};
  for (const part of cell.split(",")) {
    const [key, value] = part.split(":").map((s) => s.trim());
    const mapped = CONSTRAINT_KEYS[key!];
    if (mapped === undefined) throw new Error(`unknown constraint ${part}`);
    out[mapped] = Number(value);
  }
  return out;
}

function paramTable(model: SpecModel): Table | undefined {
  return model.tables.find((t) => t.header[0] === "Parameter");
}

function resolutionCells(model: SpecModel): { label: string; width: number; height: number; tier?: string }[] {
  const out: { label: string; width: number; height: number; tier?: string }[] = [];
  for (const table of model.tables) {
    if (table.header[0] === "Label") {
      for (const [label, size] of table.rows) {
        const [width, height] = size!.split("×").map(Number);
        out.push({ label: label!, width: width!, height: height! });
      }
    } else if (table.header[0] === "Aspect Ratio") {
      for (const row of table.rows) {
        table.header.slice(1).forEach((tier, i) => {
          const [width, height] = row[i + 1]!.split("×").map(Number);
          out.push({ label: row[0]!, width: width!, height: height!, tier });
        });
      }
    }
  }
  return out;
}

const specModels = readSpecModels(SPEC_TEXT);
const byId = new Map(catalog.map((model) => [model.id, model]));

function catalogModel(id: string): ModelSpec {
  const model = byId.get(id);
  if (model === undefined) throw new Error(`catalog lacks ${id}`);
  return model;
}

// ---------------------------------------------------------------------------

describe("catalog shape", () => {
  it("holds 53 models: 19 image, 33 video, 1 3d, in the spec's section order", () => {
    expect(catalog).toHaveLength(53);
    expect(imageModels).toHaveLength(19);
    expect(videoModels).toHaveLength(33);
    expect(threeDModels).toHaveLength(1);
    expect(catalog.map((m) => m.kind)).toEqual([
      ...Array<ModelKind>(19).fill("image"),
      ...Array<ModelKind>(33).fill("video"),
      ...Array<ModelKind>(1).fill("3d"),
    ]);
    expect(imageModels.every((m) => m.kind === "image")).toBe(true);
    expect(videoModels.every((m) => m.kind === "video")).toBe(true);
    expect(threeDModels.map((m) => m.id)).toEqual(["rodin-v2"]);
  });

  it("has unique model ids", () => {
    const ids = catalog.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has unique parameter names within each model", () => {
    for (const model of catalog) {
      const names = model.params.map((p) => p.name);
      expect(new Set(names).size, model.id).toBe(names.length);
    }
  });

  it("outputs images only for the image-priced models listed under video, otherwise its kind", () => {
    const differing = catalog.filter((m) => m.output !== m.kind).map((m) => [m.id, m.output]);
    expect(differing).toEqual([
      ["lucid-origin", "image"],
      ["lucid-realism", "image"],
      ["cortex-v0.9", "image"],
      ["cortex-v1.0", "image"],
    ]);
    for (const model of catalog.filter((m) => m.kind === "video")) {
      expect(model.output === "image", model.id).toBe(model.costSummary.includes("per 1024×1024 image"));
    }
  });
});

describe("catalog agrees with the spec text", () => {
  it("reads 53 models from the spec", () => {
    expect(specModels).toHaveLength(53);
  });

  it("lists the same models, in the same order, with the same kind, name, id and cost text", () => {
    expect(catalog.map((m) => [m.kind, m.name, m.id, m.costSummary])).toEqual(
      specModels.map((s) => [s.kind, s.heading, s.id, s.cost]),
    );
  });

  it.each(specModels.map((s) => [s.id, s] as const))("%s: params match the parameter table row for row", (id, spec) => {
    const table = paramTable(spec);
    const expected = (table?.rows ?? []).map(([name, specType, required, def, constraints, description]) => ({
      name,
      specType,
      required: required === "YES",
      default: readDefault(def!, specType!),
      ...readConstraints(constraints!),
      description: description === "-" ? undefined : description,
    }));
    const actual = catalogModel(id).params.map((p) => ({
      name: p.name,
      specType: p.specType,
      required: p.required,
      default: p.default,
      ...(p.min !== undefined && { min: p.min }),
      ...(p.max !== undefined && { max: p.max }),
      ...(p.step !== undefined && { step: p.step }),
      ...(p.minLength !== undefined && { minLength: p.minLength }),
      ...(p.maxLength !== undefined && { maxLength: p.maxLength }),
      description: p.description,
    }));
    expect(actual).toStrictEqual(expected);
  });

  it.each(specModels.map((s) => [s.id, s] as const))("%s: resolutions match the Supported Resolutions table", (id, spec) => {
    const model = catalogModel(id);
    const cells = resolutionCells(spec);
    if (cells.length === 0) expect(model.resolutions).toBeUndefined();
    else expect(model.resolutions).toStrictEqual(cells);
  });

  it.each(specModels.map((s) => [s.id, s] as const))("%s: dimension range and valid sizes match the spec", (id, spec) => {
    const model = catalogModel(id);
    const width = /^- Width: (\d+)–(\d+) \(step: (\d+)\)$/m.exec(spec.block);
    const height = /^- Height: (\d+)–(\d+) \(step: (\d+)\)$/m.exec(spec.block);
    const bounds = (m: RegExpExecArray) => ({ min: Number(m[1]), max: Number(m[2]), step: Number(m[3]) });
    expect(model.dimensionRange).toStrictEqual(width && height ? { width: bounds(width), height: bounds(height) } : undefined);
    const list = (label: string) => {
      const m = new RegExp(`\\*\\*Valid ${label}:\\*\\* (.+)$`, "m").exec(spec.block);
      return m ? m[1]!.split(",").map((s) => Number(s.trim())) : undefined;
    };
    expect(model.validWidths).toStrictEqual(list("Widths"));
    expect(model.validHeights).toStrictEqual(list("Heights"));
  });

  it.each(specModels.map((s) => [s.id, s] as const))("%s: example request is the spec's example verbatim", (id, spec) => {
    expect(catalogModel(id).example).toStrictEqual(spec.example);
  });
});

describe("parameter typing follows the transcription rules", () => {
  const REFERENCE_FIELDS = new Set([
    "start_frame", "end_frame", "image", "input_image", "first_frame", "last_frame", "start_image_url",
    "end_image_url", "image_url", "video_url", "reference_video_url", "audio_url", "reference_audio_url",
  ]);

  function expectedType(p: ParamSpec): ParamType {
    if (p.specType.includes(" / ")) return "enum";
    if (p.specType !== "?") return p.specType as ParamType;
    if (["prompt", "negative_prompt", "style"].includes(p.name)) return "string";
    if (REFERENCE_FIELDS.has(p.name)) return "reference";
    if (p.name === "image_urls") return "array";
    if (["prompt_enhance", "motion_has_audio"].includes(p.name)) return "boolean";
    if (p.name === "width" || p.name === "height") return "integer";
    return "any";
  }

  it("maps every Type column to the rule's ParamType", () => {
    for (const model of catalog) {
      for (const p of model.params) expect(p.type, `${model.id}.${p.name}`).toBe(expectedType(p));
    }
  });

  it("lists enum values in the spec's order, numbers as numbers", () => {
    for (const model of catalog) {
      for (const p of model.params) {
        if (p.type !== "enum") {
          expect(p.values, `${model.id}.${p.name}`).toBeUndefined();
          continue;
        }
        const printed = p.specType.split(" / ");
        const numeric = printed.every((v) => /^-?\d+(\.\d+)?$/.test(v));
        expect(p.values, `${model.id}.${p.name}`).toStrictEqual(numeric ? printed.map(Number) : printed);
      }
    }
  });

  it("gives every enum default a value from its enum", () => {
    for (const model of catalog) {
      for (const p of model.params) {
        if (p.type === "enum" && p.default !== undefined) expect(p.values, `${model.id}.${p.name}`).toContain(p.default);
      }
    }
  });

  it("uses only table params in every example (no exceptions in the model sections)", () => {
    for (const model of catalog) {
      const names = new Set(model.params.map((p) => p.name));
      for (const key of Object.keys(model.example.params)) expect(names.has(key), `${model.id} example uses ${key}`).toBe(true);
      expect(model.example.model).toBe(model.id);
    }
  });

  it("gives kino-xl no params and keeps the spec's empty examples", () => {
    expect(catalogModel("kino-xl").params).toEqual([]);
    expect(catalogModel("kino-xl").example.params).toEqual({});
    expect(catalogModel("cortex_1.0").example.params).toEqual({});
  });
});

describe("catalog ids", () => {
  it("index every catalog model under its own id", () => {
    expect(byId.size).toBe(catalog.length);
    for (const model of catalog) expect(byId.get(model.id)).toBe(model);
    expect(byId.get("no-such-model")).toBeUndefined();
  });
});
