// A .glb preview with three.js (bundled; loaded only when a 3D result is shown): the model is
// centred, scaled to the view and turned with the mouse.
//   https://threejs.org/docs/#examples/en/loaders/GLTFLoader
//   https://threejs.org/docs/#examples/en/controls/OrbitControls
import { useEffect, useRef, useState } from "preact/hooks";

export function GlbViewer(props: { url: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let stop = () => undefined as void;
    let cancelled = false;
    void import("../three-scene.ts")
      .then(({ showGlb }) => showGlb(element, props.url))
      .then((dispose) => {
        if (cancelled) dispose();
        else stop = dispose;
      })
      .catch((error: Error) => !cancelled && setProblem(`3D preview unavailable: ${error.message}`));
    return () => {
      cancelled = true;
      stop();
    };
  }, [props.url]);

  return (
    <figure class="glb" data-testid="result-glb">
      <canvas ref={canvas} width={320} height={240} />
      <figcaption>
        {problem ?? (
          <a href={props.url} download>
            .glb
          </a>
        )}
      </figcaption>
    </figure>
  );
}
