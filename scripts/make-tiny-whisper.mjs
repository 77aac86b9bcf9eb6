#!/usr/bin/env node
// Builds a tiny Whisper-shaped ONNX model with random (seeded, deterministic) weights that transformers.js loads as a
// WhisperForConditionalGeneration through the real `automatic-speech-recognition` pipeline, so CI exercises audio
// decoding, log-mel features, the encoder/decoder sessions, generation with a KV cache, timestamps and chunk merging
// without the real weights (which cannot be shipped here, see shared/models/SOURCES.md). It transcribes nothing: its
// output is a few random tokens per 30 s window. Quality is measured by transcription.bench.ts with real weights.
//
//   node scripts/make-tiny-whisper.mjs [outDir] [--source <whisper-base folder>] [--force]
//
// Writes <outDir>/vertelpunt/whisper-tiny-random/ (default outDir: .data/models/). Deterministic and idempotent: when
// the folder already holds this version it exits without writing. Tokenizer, processor and generation config are
// copied from onnx-community/whisper-base ($MODELS_DIR, else ../shared/models, else --source).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bump when the graph, the weights or the copied files change: ensureTinyWhisper() then rebuilds old folders. */
export const TINY_WHISPER_VERSION = '1';
export const TINY_WHISPER_ID = 'vertelpunt/whisper-tiny-random';
const MARKER = 'tiny-whisper.json';
const SEED = 20241123;

// Dimensions. vocab, mel bins and positions match whisper-base so its tokenizer/processor/generation config fit.
const D = 64; // d_model
const H = 2; // attention heads (encoder and decoder)
const HD = D / H; // head dim
const FFN = 128;
const ENC_LAYERS = 1;
const DEC_LAYERS = 2;
const VOCAB = 51865;
const RANK = 16; // token embedding = A[vocab, RANK] x B[RANK, D], tied with the output projection: keeps files small
const MELS = 80;
const SRC_POS = 1500;
const TGT_POS = 448;

// Token ids from whisper-base's tokenizer / generation_config.json.
const EOS = 50257; // <|endoftext|>, also the first special token
const TS_BEGIN = 50364; // <|0.00|> … <|30.00|> = 51864 (the last id)

const { FLOAT, INT64, BOOL } = onnx.TensorProto.DataType;
const AT = onnx.AttributeProto.AttributeType;

// --- deterministic random numbers (mulberry32 + Box-Muller) ---------------------------------------------------------
const rng = (seed) => {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  return { uniform, normal };
};

// --- a small ONNX graph builder on top of onnx-proto (protobufjs) ---------------------------------------------------
const le = (typed) => {
  // ONNX raw_data is little-endian whatever the machine.
  const bytes = new Uint8Array(typed.length * typed.BYTES_PER_ELEMENT);
  const view = new DataView(bytes.buffer);
  typed.forEach((v, i) => {
    if (typed instanceof Float32Array) view.setFloat32(i * 4, v, true);
    else if (typed instanceof BigInt64Array) view.setBigInt64(i * 8, v, true);
    else view.setUint8(i, Number(v));
  });
  return bytes;
};

const valueInfo = (name, elemType, dims) => ({
  name,
  type: {
    tensorType: {
      elemType,
      shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
    },
  },
});

const attr = {
  int: (name, i) => ({ name, type: AT.INT, i }),
  ints: (name, ints) => ({ name, type: AT.INTS, ints }),
  float: (name, f) => ({ name, type: AT.FLOAT, f }),
  graph: (name, g) => ({ name, type: AT.GRAPH, g }),
};

let uid = 0; // names are unique across the main graph and its If subgraphs

class Graph {
  constructor(name, random) {
    this.name = name;
    this.random = random;
    this.nodes = [];
    this.initializers = [];
  }
  tmp(hint) {
    uid += 1;
    return `${hint}_${uid}`;
  }
  tensor(hint, dims, data) {
    const name = this.tmp(hint);
    const dataType = data instanceof Float32Array ? FLOAT : data instanceof BigInt64Array ? INT64 : BOOL;
    this.initializers.push({ name, dims, dataType, rawData: le(data) });
    return name;
  }
  randn(hint, dims, std) {
    const size = dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    for (let i = 0; i < size; i += 1) data[i] = this.random.normal() * std;
    return this.tensor(hint, dims, data);
  }
  fill(hint, dims, value) {
    return this.tensor(hint, dims, new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(value));
  }
  ints(hint, values, dims = [values.length]) {
    return this.tensor(hint, dims, BigInt64Array.from(values.map(BigInt)));
  }
  /** Adds one node; returns its output names (one, or `outputs` given as a count or as names). */
  op(opType, inputs, attributes = [], outputs = 1) {
    const names = Array.isArray(outputs) ? outputs : Array.from({ length: outputs }, () => this.tmp(opType));
    this.nodes.push({ opType, input: inputs, output: names, attribute: attributes, name: this.tmp(`n_${opType}`) });
    return names;
  }
  op1(opType, inputs, attributes = [], output) {
    return this.op(opType, inputs, attributes, output ? [output] : 1)[0];
  }
  proto(inputs, outputs) {
    return { name: this.name, node: this.nodes, initializer: this.initializers, input: inputs, output: outputs };
  }
}

// --- layers ---------------------------------------------------------------------------------------------------------
const linear = (g, x, inDim, outDim, hint) => {
  const w = g.randn(`${hint}.weight`, [inDim, outDim], 1 / Math.sqrt(inDim));
  const b = g.randn(`${hint}.bias`, [outDim], 0.02);
  return g.op1('Add', [g.op1('MatMul', [x, w]), b]);
};

const layerNorm = (g, x, hint) =>
  g.op1(
    'LayerNormalization',
    [x, g.fill(`${hint}.weight`, [D], 1), g.fill(`${hint}.bias`, [D], 0)],
    [attr.int('axis', -1), attr.float('epsilon', 1e-5)],
  );

// GELU written with Erf (opset 9), the exact form Whisper uses.
const gelu = (g, x) => {
  const erf = g.op1('Erf', [g.op1('Mul', [x, g.fill('inv_sqrt2', [], Math.SQRT1_2)])]);
  return g.op1('Mul', [g.op1('Mul', [x, g.fill('half', [], 0.5)]), g.op1('Add', [erf, g.fill('one', [], 1)])]);
};

/** [b, T, D] → [b, H, T, HD] */
const heads = (g, x, hint, output) => {
  const projected = linear(g, x, D, D, hint);
  const split = g.op1('Reshape', [projected, g.ints('heads_shape', [0, -1, H, HD])]);
  return g.op1('Transpose', [split], [attr.ints('perm', [0, 2, 1, 3])], output);
};

/** Scaled dot-product attention over [b, H, T, HD] heads, then the output projection; mask is additive [Tq, Tk]. */
const attend = (g, q, k, v, mask, hint) => {
  const kt = g.op1('Transpose', [k], [attr.ints('perm', [0, 1, 3, 2])]);
  let scores = g.op1('Mul', [g.op1('MatMul', [q, kt]), g.fill('scale', [], 1 / Math.sqrt(HD))]);
  if (mask) scores = g.op1('Add', [scores, mask]);
  const ctx = g.op1('MatMul', [g.op1('Softmax', [scores], [attr.int('axis', -1)]), v]);
  const merged = g.op1('Reshape', [
    g.op1('Transpose', [ctx], [attr.ints('perm', [0, 2, 1, 3])]),
    g.ints('merge_shape', [0, -1, D]),
  ]);
  return linear(g, merged, D, D, `${hint}.out_proj`);
};

const feedForward = (g, x, hint) => linear(g, gelu(g, linear(g, x, D, FFN, `${hint}.fc1`)), FFN, D, `${hint}.fc2`);

// --- encoder: input_features [b, 80, 3000] → last_hidden_state [b, 1500, 64] -----------------------------------------
const buildEncoder = (random) => {
  const g = new Graph('whisper_tiny_random_encoder', random);
  const conv = (x, inCh, stride, hint) =>
    gelu(
      g,
      g.op1(
        'Conv',
        [x, g.randn(`${hint}.weight`, [D, inCh, 3], 1 / Math.sqrt(inCh * 3)), g.randn(`${hint}.bias`, [D], 0.02)],
        [attr.ints('kernel_shape', [3]), attr.ints('pads', [1, 1]), attr.ints('strides', [stride])],
      ),
    );
  const c2 = conv(conv('input_features', MELS, 1, 'conv1'), D, 2, 'conv2'); // [b, 64, 1500]
  let x = g.op1('Add', [
    g.op1('Transpose', [c2], [attr.ints('perm', [0, 2, 1])]),
    g.randn('embed_positions', [SRC_POS, D], 0.2),
  ]);
  for (let l = 0; l < ENC_LAYERS; l += 1) {
    const p = `encoder.layers.${l}`;
    const h = layerNorm(g, x, `${p}.self_attn_layer_norm`);
    x = g.op1('Add', [
      x,
      attend(g, heads(g, h, `${p}.q`), heads(g, h, `${p}.k`), heads(g, h, `${p}.v`), null, `${p}.self_attn`),
    ]);
    x = g.op1('Add', [x, feedForward(g, layerNorm(g, x, `${p}.final_layer_norm`), p)]);
  }
  layerNorm(g, x, 'encoder.layer_norm');
  g.nodes.at(-1).output = ['last_hidden_state'];
  return g.proto(
    [valueInfo('input_features', FLOAT, ['batch_size', MELS, 'encoder_sequence_length'])],
    [valueInfo('last_hidden_state', FLOAT, ['batch_size', 'encoder_sequence_length_out', D])],
  );
};

// Per decoder position: [text scale, <|endoftext|>, timestamp ramp, all timestamps, all special ids]. Row p scores the
// token at p + 1. With timestamps the prompt is <|startoftranscript|><|nl|><|transcribe|> (positions 0–2), so
// the model says <|0.00|>, three text tokens, <|30.00|>, <|endoftext|>: fast, yet it exercises BPE decoding, the
// timestamp logits processor and segment merging. (Without timestamps: four text tokens, <|30.00|>, end.)
const positionBias = () => {
  const table = new Float32Array(TGT_POS * 5);
  for (let p = 0; p < TGT_POS; p += 1) {
    const row = [1, 0, 0, 0, 0];
    if (p === 2) row[2] = -4000; // first timestamp: <|0.00|> (ramp step ≈ 2.7 per 20 ms beats the random logits)
    if (p >= 3 && p <= 5) row[4] = -100; // text only
    if (p === 6) [row[2], row[3]] = [4000, 40]; // closing timestamp: the highest, <|30.00|>
    if (p >= 7) row[1] = 100; // stop
    table.set(row, p * 5);
  }
  return table;
};

const vocabVectors = () => {
  const eos = new Float32Array(VOCAB);
  const ramp = new Float32Array(VOCAB);
  const timestamps = new Float32Array(VOCAB);
  const special = new Float32Array(VOCAB);
  eos[EOS] = 1;
  for (let id = EOS; id < VOCAB; id += 1) special[id] = 1;
  for (let id = TS_BEGIN; id < VOCAB; id += 1) {
    timestamps[id] = 1;
    ramp[id] = (id - TS_BEGIN) / (VOCAB - 1 - TS_BEGIN);
  }
  return { eos, ramp, timestamps, special };
};

// --- merged decoder (transformers.js "decoder_model_merged": one session, use_cache_branch picks the cross-attention
// K/V source) -----------------------------------------------------------------------------------------------------
const buildDecoder = (random) => {
  const g = new Graph('whisper_tiny_random_decoder_merged', random);
  const pkv = (l, side, kind) => `past_key_values.${l}.${side}.${kind}`;
  const present = (l, side, kind) => `present.${l}.${side}.${kind}`;

  // Rows of A share one norm, so the tied output projection picks tokens by direction: varied tokens per position
  // instead of the same few long rows winning every argmax.
  const a = new Float32Array(VOCAB * RANK);
  for (let row = 0; row < VOCAB; row += 1) {
    const v = Array.from({ length: RANK }, () => random.normal());
    const norm = Math.hypot(...v);
    v.forEach((x, i) => (a[row * RANK + i] = (2 * x) / norm));
  }
  const tokensA = g.tensor('embed_tokens.a', [VOCAB, RANK], a);
  const tokensB = g.randn('embed_tokens.b', [RANK, D], 1 / Math.sqrt(RANK));
  const embedded = g.op1('MatMul', [g.op1('Gather', [tokensA, 'input_ids'], [attr.int('axis', 0)]), tokensB]);

  // Absolute positions of the new tokens: past length … past length + sequence length.
  const zero = g.ints('zero', [0], []);
  const one = g.ints('one', [1], []);
  const pastLen = g.op1('Gather', [g.op1('Shape', [pkv(0, 'decoder', 'key')]), g.ints('idx2', [2], [])]);
  const seqLen = g.op1('Gather', [g.op1('Shape', ['input_ids']), g.ints('idx1', [1], [])]);
  const total = g.op1('Add', [pastLen, seqLen]);
  const positions = g.op1('Range', [pastLen, total, one]);
  const keyPositions = g.op1('Range', [zero, total, one]);
  const future = g.op1('Greater', [
    g.op1('Unsqueeze', [keyPositions, g.ints('ax0', [0])]),
    g.op1('Unsqueeze', [positions, g.ints('ax1', [1])]),
  ]);
  const causalMask = g.op1('Where', [future, g.fill('neg', [], -1e9), g.fill('zero_f', [], 0)]); // [Tq, Tk]

  let x = g.op1('Add', [
    embedded,
    g.op1('Gather', [g.randn('embed_positions', [TGT_POS, D], 1), positions], [attr.int('axis', 0)]),
  ]);

  for (let l = 0; l < DEC_LAYERS; l += 1) {
    const p = `decoder.layers.${l}`;
    // Self-attention with the KV cache.
    let h = layerNorm(g, x, `${p}.self_attn_layer_norm`);
    const k = g.op1(
      'Concat',
      [pkv(l, 'decoder', 'key'), heads(g, h, `${p}.self_attn.k`)],
      [attr.int('axis', 2)],
      present(l, 'decoder', 'key'),
    );
    const v = g.op1(
      'Concat',
      [pkv(l, 'decoder', 'value'), heads(g, h, `${p}.self_attn.v`)],
      [attr.int('axis', 2)],
      present(l, 'decoder', 'value'),
    );
    x = g.op1('Add', [x, attend(g, heads(g, h, `${p}.self_attn.q`), k, v, causalMask, `${p}.self_attn`)]);

    // Cross-attention: K/V from the cache (use_cache_branch) or computed from encoder_hidden_states (first step).
    const withPast = new Graph(`${p}.with_past`, random);
    withPast.op1('Identity', [pkv(l, 'encoder', 'key')], [], withPast.tmp('cached_key'));
    withPast.op1('Identity', [pkv(l, 'encoder', 'value')], [], withPast.tmp('cached_value'));
    const withoutPast = new Graph(`${p}.without_past`, random);
    heads(withoutPast, 'encoder_hidden_states', `${p}.encoder_attn.k`);
    heads(withoutPast, 'encoder_hidden_states', `${p}.encoder_attn.v`);
    const branchOutputs = (sub) =>
      sub.nodes
        .filter((n) => n.opType === 'Identity' || n.opType === 'Transpose')
        .map((n) => valueInfo(n.output[0], FLOAT, ['batch_size', H, 'encoder_sequence_length_out', HD]));
    const [crossK, crossV] = g.op(
      'If',
      ['use_cache_branch'],
      [
        attr.graph('then_branch', withPast.proto([], branchOutputs(withPast))),
        attr.graph('else_branch', withoutPast.proto([], branchOutputs(withoutPast))),
      ],
      [present(l, 'encoder', 'key'), present(l, 'encoder', 'value')],
    );
    h = layerNorm(g, x, `${p}.encoder_attn_layer_norm`);
    x = g.op1('Add', [x, attend(g, heads(g, h, `${p}.encoder_attn.q`), crossK, crossV, null, `${p}.encoder_attn`)]);

    x = g.op1('Add', [x, feedForward(g, layerNorm(g, x, `${p}.final_layer_norm`), p)]);
  }
  const final = layerNorm(g, x, 'decoder.layer_norm');

  // Output projection tied to the token embedding: logits = final · Bᵀ · Aᵀ (ORT folds the transposes at load time).
  const textLogits = g.op1('MatMul', [
    g.op1('MatMul', [final, g.op1('Transpose', [tokensB], [attr.ints('perm', [1, 0])])]),
    g.op1('Transpose', [tokensA], [attr.ints('perm', [1, 0])]),
  ]);
  const bias = g.op1(
    'Gather',
    [g.tensor('position_bias', [TGT_POS, 5], positionBias()), positions],
    [attr.int('axis', 0)],
  );
  const [cText, cEos, cRamp, cTimestamps, cSpecial] = g.op('Split', [bias], [attr.int('axis', 1)], 5);
  const vectors = vocabVectors();
  const scaled = (vector, coefficient, hint) => g.op1('Mul', [g.tensor(hint, [VOCAB], vector), coefficient]);
  let logits = g.op1('Mul', [textLogits, cText]);
  logits = g.op1('Add', [logits, scaled(vectors.eos, cEos, 'eos_vector')]);
  logits = g.op1('Add', [logits, scaled(vectors.ramp, cRamp, 'timestamp_ramp')]);
  logits = g.op1('Add', [logits, scaled(vectors.timestamps, cTimestamps, 'timestamp_vector')]);
  g.op1('Add', [logits, scaled(vectors.special, cSpecial, 'special_vector')], [], 'logits');

  const inputs = [
    valueInfo('input_ids', INT64, ['batch_size', 'decoder_sequence_length']),
    valueInfo('encoder_hidden_states', FLOAT, ['batch_size', 'encoder_sequence_length_out', D]),
  ];
  const outputs = [valueInfo('logits', FLOAT, ['batch_size', 'decoder_sequence_length', VOCAB])];
  for (let l = 0; l < DEC_LAYERS; l += 1) {
    for (const kind of ['key', 'value']) {
      inputs.push(valueInfo(pkv(l, 'decoder', kind), FLOAT, ['batch_size', H, 'past_decoder_sequence_length', HD]));
      outputs.push(
        valueInfo(present(l, 'decoder', kind), FLOAT, ['batch_size', H, 'past_decoder_sequence_length + 1', HD]),
      );
    }
    for (const kind of ['key', 'value']) {
      inputs.push(valueInfo(pkv(l, 'encoder', kind), FLOAT, ['batch_size', H, 'encoder_sequence_length_out', HD]));
      outputs.push(valueInfo(present(l, 'encoder', kind), FLOAT, ['batch_size', H, 'encoder_sequence_length_out', HD]));
    }
  }
  inputs.push(valueInfo('use_cache_branch', BOOL, [1]));
  return g.proto(inputs, outputs);
};

const encodeModel = (graph) =>
  onnx.ModelProto.encode({
    irVersion: 8,
    producerName: 'vertelpunt/make-tiny-whisper',
    producerVersion: TINY_WHISPER_VERSION,
    opsetImport: [{ domain: '', version: 17 }],
    graph,
  }).finish();

const tinyConfig = (base) => ({
  ...base,
  _name_or_path: TINY_WHISPER_ID,
  d_model: D,
  encoder_layers: ENC_LAYERS,
  decoder_layers: DEC_LAYERS,
  num_hidden_layers: ENC_LAYERS,
  encoder_attention_heads: H,
  decoder_attention_heads: H,
  encoder_ffn_dim: FFN,
  decoder_ffn_dim: FFN,
  vocab_size: VOCAB,
  num_mel_bins: MELS,
  max_source_positions: SRC_POS,
  max_target_positions: TGT_POS,
});

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

const defaultSource = () =>
  [process.env.MODELS_DIR, path.join(root, '..', 'shared', 'models')]
    .filter(Boolean)
    .map((dir) => path.resolve(dir, 'onnx-community', 'whisper-base'))
    .find((dir) => existsSync(path.join(dir, 'tokenizer.json')));

const COPIED = ['tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json', 'generation_config.json'];

/** Writes the tiny model under <outDir>/vertelpunt/whisper-tiny-random unless that version is already there. */
export const makeTinyWhisper = ({
  outDir = path.join(root, '.data', 'models'),
  source = defaultSource(),
  force = false,
} = {}) => {
  const target = path.resolve(outDir, ...TINY_WHISPER_ID.split('/'));
  const markerFile = path.join(target, MARKER);
  if (!force && existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
    if (marker.version === TINY_WHISPER_VERSION) return { dir: target, created: false, files: marker.files };
  }
  if (!source || !existsSync(path.join(source, 'tokenizer.json'))) {
    throw new Error(
      'make-tiny-whisper: onnx-community/whisper-base (tokenizer + processor files) not found; pass --source <folder> or set MODELS_DIR',
    );
  }
  const started = Date.now();
  uid = 0;
  const random = rng(SEED);
  // Build in a private folder and rename it into place, so parallel test workers never see half a model.
  const staging = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  mkdirSync(path.join(staging, 'onnx'), { recursive: true });
  // Read + write rather than copy: the shared originals are read-only and the copies should not be.
  for (const file of COPIED.slice(0, 3)) writeFileSync(path.join(staging, file), readFileSync(path.join(source, file)));
  const generation = JSON.parse(readFileSync(path.join(source, 'generation_config.json'), 'utf8'));
  // whisper-base's alignment heads point at layers 3–5; ours has DEC_LAYERS, so point them at the last layer.
  generation.alignment_heads = Array.from({ length: H }, (_, h) => [DEC_LAYERS - 1, h]);
  writeFileSync(path.join(staging, 'generation_config.json'), `${JSON.stringify(generation, null, 2)}\n`);
  const base = JSON.parse(readFileSync(path.join(source, 'config.json'), 'utf8'));
  writeFileSync(path.join(staging, 'config.json'), `${JSON.stringify(tinyConfig(base), null, 2)}\n`);
  writeFileSync(path.join(staging, 'onnx', 'encoder_model.onnx'), encodeModel(buildEncoder(random)));
  writeFileSync(path.join(staging, 'onnx', 'decoder_model_merged.onnx'), encodeModel(buildDecoder(random)));
  writeFileSync(
    path.join(staging, 'README.md'),
    '# vertelpunt/whisper-tiny-random\n\nRandom weights, generated by `scripts/make-tiny-whisper.mjs` for tests. ' +
      'It does not transcribe anything. Never use it in production.\n',
  );
  const files = Object.fromEntries(
    ['config.json', 'generation_config.json', 'onnx/encoder_model.onnx', 'onnx/decoder_model_merged.onnx'].map((f) => [
      f,
      sha256(path.join(staging, f)),
    ]),
  );
  writeFileSync(
    path.join(staging, MARKER),
    `${JSON.stringify({ id: TINY_WHISPER_ID, version: TINY_WHISPER_VERSION, seed: SEED, files }, null, 2)}\n`,
  );
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another process won the race and renamed its identical copy into place first.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(markerFile)) throw error;
  }
  return { dir: target, created: true, files, ms: Date.now() - started };
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    return i === -1 ? undefined : args.splice(i, 2)[1];
  };
  const force = args.includes('--force');
  const source = flag('--source');
  const positional = args.filter((a) => !a.startsWith('--'));
  const result = makeTinyWhisper({
    outDir: positional[0] ? path.resolve(positional[0]) : undefined,
    source: source ? path.resolve(source) : undefined,
    force,
  });
  console.log(
    result.created
      ? `tiny Whisper written to ${path.relative(process.cwd(), result.dir) || '.'} in ${result.ms} ms`
      : `tiny Whisper already up to date in ${path.relative(process.cwd(), result.dir) || '.'}`,
  );
}
