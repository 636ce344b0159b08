import type { Task } from "../live.ts";
import { GlbViewer } from "./glb-viewer.tsx";

const VIDEO_FILE = /\.(?:mp4|webm|mov|m4v|ogv)(?:[?#]|$)/i;
const IMAGE_FILE = /\.(?:gif|png|jpe?g|webp|avif)(?:[?#]|$)/i;

/**
 * How to show one output: by its file's extension, since a video model may deliver an animated
 * image (the simulated upstream writes GIFs) and a 3D task's `result` holds previews; by the
 * task's output kind when the URL does not say.
 */
const isVideo = (url: string, output: Task["output"]): boolean => VIDEO_FILE.test(url) || (!IMAGE_FILE.test(url) && output === "VIDEO");

/** A finished task's outputs: pictures, videos that play and seek, and 3D models in a viewer. */
export function TaskResults(props: { task: Task }) {
  const { task } = props;
  return (
    <div class="results">
      {task.result.map((url) =>
        isVideo(url, task.output) ? (
          <video key={url} src={url} controls preload="metadata" data-testid="result-video" />
        ) : (
          <a key={url} href={url} target="_blank" rel="noopener">
            <img src={url} alt={`${task.model} result`} data-testid="result-image" />
          </a>
        ),
      )}
      {task.glbUrls.map((url) => (
        <GlbViewer key={url} url={url} />
      ))}
    </div>
  );
}
