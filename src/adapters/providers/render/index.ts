/**
 * Renders the files of a finished simulated generation: deterministic content from the params
 * (never from the task id, the attempt or the time), named as the spec's CDN names them.
 */
import type { OutputFile, ProviderOutput } from "../../../services/ports/provider.ts";
import { renderImageJpeg, renderImagePng } from "./image.ts";
import { renderModel3d } from "./model3d.ts";
import { promptText, requestedAspect, requestedDuration, requestedQuantity, requestedSize } from "./params.ts";
import { renderVideoGif } from "./video.ts";

export interface RenderedOutputs {
  readonly files: readonly OutputFile[];
  /** File names for `result`, in order. */
  readonly result: readonly string[];
  /** File names for `glb_urls`, in order (3D only). */
  readonly glb: readonly string[];
}

/** Renders the outputs of `model` for `params`. Throws only on a bug (e.g. impossible params). */
export async function renderOutputs(
  model: string,
  output: ProviderOutput,
  params: Readonly<Record<string, unknown>>,
): Promise<RenderedOutputs> {
  const prompt = promptText(params);
  switch (output) {
    case "image": {
      const { width, height } = requestedSize(params);
      const files: OutputFile[] = [];
      for (let index = 0; index < requestedQuantity(params); index++) {
        // output_format (models that offer it): "jpeg" gets a JPEG file, anything else a PNG.
        if (params.output_format === "jpeg") files.push({ name: `${model}_-${index}.jpg`, mediaType: "image/jpeg", data: renderImageJpeg({ width, height, prompt, index }) });
        else files.push({ name: `${model}_-${index}.png`, mediaType: "image/png", data: await renderImagePng({ width, height, prompt, index }) });
      }
      return { files, result: files.map((f) => f.name), glb: [] };
    }
    case "video": {
      const files: OutputFile[] = [];
      for (let index = 0; index < requestedQuantity(params); index++) {
        const data = renderVideoGif({ aspect: requestedAspect(params), prompt, durationSeconds: requestedDuration(params), index });
        files.push({ name: `${model}_-${index}.gif`, mediaType: "image/gif", data });
      }
      return { files, result: files.map((f) => f.name), glb: [] };
    }
    case "3d": {
      const base = `${model}_-0`;
      const { glb, previewJpeg } = renderModel3d(model, params);
      const preview: OutputFile = { name: `${base}.jpg`, mediaType: "image/jpeg", data: previewJpeg };
      const mesh: OutputFile = { name: `${base}.glb`, mediaType: "model/gltf-binary", data: glb };
      return { files: [preview, mesh], result: [preview.name], glb: [mesh.name] };
    }
    default: {
      const unknown: never = output;
      throw new Error(`renderOutputs: unknown output kind ${String(unknown)}`);
    }
  }
}
