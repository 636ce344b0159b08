// The part of three.js the .glb preview uses (console/src/three-scene.ts). three ships no type
// declarations and @types/three is not a dependency: these name only what is called.
//   https://threejs.org/docs/
declare module "three" {
  export class Vector3 {
    constructor(x?: number, y?: number, z?: number);
    set(x: number, y: number, z: number): this;
    copy(v: Vector3): this;
    add(v: Vector3): this;
    length(): number;
  }
  export class Object3D {
    readonly position: Vector3;
    add(...objects: Object3D[]): this;
  }
  export class Scene extends Object3D {}
  export class AmbientLight extends Object3D {
    constructor(color?: number, intensity?: number);
  }
  export class DirectionalLight extends Object3D {
    constructor(color?: number, intensity?: number);
  }
  export class PerspectiveCamera extends Object3D {
    constructor(fov?: number, aspect?: number, near?: number, far?: number);
    lookAt(target: Vector3): void;
  }
  export class Box3 {
    setFromObject(object: Object3D): this;
    getSize(target: Vector3): Vector3;
    getCenter(target: Vector3): Vector3;
  }
  export class WebGLRenderer {
    constructor(options?: { canvas?: HTMLCanvasElement; antialias?: boolean; alpha?: boolean });
    render(scene: Scene, camera: PerspectiveCamera): void;
    setAnimationLoop(callback: (() => void) | null): void;
    dispose(): void;
  }
}

declare module "three/examples/jsm/controls/OrbitControls.js" {
  import type { PerspectiveCamera, Vector3 } from "three";
  export class OrbitControls {
    constructor(camera: PerspectiveCamera, element: HTMLElement);
    readonly target: Vector3;
    update(): boolean;
    dispose(): void;
  }
}

declare module "three/examples/jsm/loaders/GLTFLoader.js" {
  import type { Scene } from "three";
  export class GLTFLoader {
    loadAsync(url: string): Promise<{ scene: Scene }>;
  }
}
