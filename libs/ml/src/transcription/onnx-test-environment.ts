// Jest's node environment runs tests in a separate V8 context with its own Float32Array, BigInt64Array, …, while
// onnxruntime-node returns output tensors built in Node's main context, so onnxruntime-common's `instanceof` checks
// fail ("A float32 tensor's data must be type of function Float32Array()"). Specs that run ONNX models opt in with
//   /** @jest-environment ./libs/ml/src/transcription/onnx-test-environment.ts */
// to share the typed-array constructors with the main context. Plain Node (workers, bench) never needs this.
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';

const SHARED = [
  'ArrayBuffer',
  'Float32Array',
  'Float64Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Uint16Array',
  'Uint32Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;

class OnnxTestEnvironment extends TestEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const sandbox = this.global as unknown as Record<string, unknown>;
    const main = globalThis as unknown as Record<string, unknown>;
    for (const name of SHARED) sandbox[name] = main[name];
  }
}

// Jest loads an environment from module.exports (or a default export), so this file is the one exception to named
// exports, like global-setup.ts.
export = OnnxTestEnvironment;
