// The three.js scene of the .glb preview, in its own module so that three is a separate chunk
// fetched only when a 3D result is on screen.
//   https://threejs.org/docs/#manual/en/introduction/Loading-3D-models
import { AmbientLight, Box3, DirectionalLight, PerspectiveCamera, Scene, Vector3, WebGLRenderer } from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";

/** Renders the model at `url` on `canvas` until the returned function is called. */
export async function showGlb(canvas: HTMLCanvasElement, url: string): Promise<() => void> {
  const renderer = new WebGLRenderer({ canvas, antialias: true, alpha: true });
  const scene = new Scene();
  scene.add(new AmbientLight(0xffffff, 1.2));
  const sun = new DirectionalLight(0xffffff, 2);
  sun.position.set(2, 3, 4);
  scene.add(sun);
  const camera = new PerspectiveCamera(45, canvas.width / canvas.height, 0.01, 1000);
  const controls = new OrbitControls(camera, canvas);

  let gltf: Awaited<ReturnType<GLTFLoader["loadAsync"]>>;
  try {
    gltf = await new GLTFLoader().loadAsync(url);
  } catch (error) {
    controls.dispose();
    renderer.dispose();
    throw error;
  }
  scene.add(gltf.scene);
  const box = new Box3().setFromObject(gltf.scene);
  const size = box.getSize(new Vector3()).length() || 1;
  const centre = box.getCenter(new Vector3());
  camera.position.copy(centre).add(new Vector3(size * 0.6, size * 0.4, size * 0.9));
  camera.lookAt(centre);
  controls.target.copy(centre);

  renderer.setAnimationLoop(() => {
    controls.update();
    renderer.render(scene, camera);
  });
  return () => {
    renderer.setAnimationLoop(null);
    controls.dispose();
    renderer.dispose();
  };
}
