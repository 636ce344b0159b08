export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant, as an ISO-8601 string in UTC. */
  DateTime: { input: string; output: string; }
  /** Any JSON value (model params, examples). */
  JSON: { input: unknown; output: unknown; }
};

export type ActiveSlot = {
  __typename?: 'ActiveSlot';
  /** Seconds since the slot was taken. */
  elapsed: Scalars['Int']['output'];
  model?: Maybe<Scalars['String']['output']>;
  takenAt: Scalars['DateTime']['output'];
  taskId: Scalars['ID']['output'];
};

/** One parameter the gateway changed, from what to what, and why. */
export type Adjustment = {
  __typename?: 'Adjustment';
  from?: Maybe<Scalars['JSON']['output']>;
  param: Scalars['String']['output'];
  reason: AdjustmentReason;
  to?: Maybe<Scalars['JSON']['output']>;
};

export type AdjustmentReason =
  | 'BUDGET_DOWNGRADE'
  | 'CANONICAL_SPELLING'
  | 'NEAREST_ALLOWED_VALUE'
  | 'PARAM_RULE'
  | 'SNAPPED_TO_VALID_SIZE';

/** What every model has: its parameters, sizes, cost summary and example. */
export type AiModel = {
  /** The spec's cost line, e.g. "~$0.02 per generation". */
  costSummary: Scalars['String']['output'];
  /** USD for the model's example request, as the engine prices it. */
  defaultCost: Scalars['Float']['output'];
  /** Width/height bounds, for models whose size is a range. */
  dimensionRange?: Maybe<DimensionRange>;
  /** The spec's example request body. */
  example: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  kind: ModelKind;
  maxQuantity: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  output: OutputKind;
  params: Array<ParamSpec>;
  requiredParams: Array<Scalars['String']['output']>;
  /** The parameter that picks the resolution tier (mode, resolution). */
  resolutionParam?: Maybe<Scalars['String']['output']>;
  /** Its values, lowest first. */
  resolutionTiers: Array<Scalars['String']['output']>;
  /** Valid sizes (every tier), when the model has a table. */
  resolutions: Array<Resolution>;
};

/** The spec leaves the type open; any JSON value. */
export type AnyParam = ParamSpec & {
  __typename?: 'AnyParam';
  default?: Maybe<Scalars['JSON']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** An API key; the key itself is shown only once, when created. */
export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  /** USD per UTC day in force. */
  dailyLimit: Scalars['Float']['output'];
  hasOwnLimit: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  label?: Maybe<Scalars['String']['output']>;
  /** The key's first characters, to tell keys apart. */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type ApiKeyResult = ApiKey | Forbidden | InvalidParams | KeyNotFound;

/** A list. */
export type ArrayParam = ParamSpec & {
  __typename?: 'ArrayParam';
  default?: Maybe<Scalars['JSON']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** Typed parameters of Auto Image (auto-image). ~$0.02 per generation. */
export type AutoImageParams = {
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Auto Video (auto-video). ~$0.13 per generation. */
export type AutoVideoParams = {
  /** One of 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** A flag. */
export type BooleanParam = ParamSpec & {
  __typename?: 'BooleanParam';
  default?: Maybe<Scalars['Boolean']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** Today's (UTC) budget of the caller's key, in USD. Resets at midnight UTC. */
export type Budget = {
  __typename?: 'Budget';
  dailyLimit: Scalars['Float']['output'];
  remaining: Scalars['Float']['output'];
  resetsAt: Scalars['DateTime']['output'];
  used: Scalars['Float']['output'];
};

/** Requests run in order against a budget, each downgraded as generate would. */
export type BudgetPlan = {
  __typename?: 'BudgetPlan';
  remaining: Scalars['Float']['output'];
  startingBudget: Scalars['Float']['output'];
  steps: Array<PlanStep>;
  totalCost: Scalars['Float']['output'];
};

export type CheapestModelsResult = InvalidParams | ModelOptions;

/** Concurrency slots: at most 5 generations in flight per key; a slot frees itself after 10 minutes. */
export type Concurrency = {
  __typename?: 'Concurrency';
  activeSlots: Array<ActiveSlot>;
  available: Scalars['Int']['output'];
  max: Scalars['Int']['output'];
  used: Scalars['Int']['output'];
};

/** Typed parameters of Cortex 1.0 (cortex_1.0). ~$0.01 per generation. */
export type Cortex10Params = {
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  motionStrength?: InputMaybe<Scalars['JSON']['input']>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type Cortex20FastMode =
  | 'RESOLUTION_480'
  | 'RESOLUTION_720';

/** Typed parameters of Cortex 2.0 Fast (cortex_2.0-fast). ~$0.03 per generation. */
export type Cortex20FastParams = {
  controls?: InputMaybe<Scalars['JSON']['input']>;
  elements?: InputMaybe<Scalars['JSON']['input']>;
  frameInterpolation?: InputMaybe<Scalars['JSON']['input']>;
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "RESOLUTION_480". */
  mode?: InputMaybe<Cortex20FastMode>;
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  seed?: InputMaybe<Scalars['Float']['input']>;
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Cortex20Mode =
  | 'RESOLUTION_480'
  | 'RESOLUTION_720';

/** Typed parameters of Cortex 2.0 (cortex_2.0). ~$0.08 per generation. */
export type Cortex20Params = {
  controls?: InputMaybe<Scalars['JSON']['input']>;
  elements?: InputMaybe<Scalars['JSON']['input']>;
  frameInterpolation?: InputMaybe<Scalars['JSON']['input']>;
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "RESOLUTION_480". */
  mode?: InputMaybe<Cortex20Mode>;
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type CortexV09Mode =
  | 'FAST'
  | 'QUALITY'
  | 'ULTRA';

/** Typed parameters of Cortex v0.9 (cortex-v0.9). ~$0.00 per 1024×1024 image (min $0.00). */
export type CortexV09Params = {
  contrast?: InputMaybe<Scalars['JSON']['input']>;
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "FAST". */
  mode?: InputMaybe<CortexV09Mode>;
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  tiling?: InputMaybe<Scalars['JSON']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type CortexV10Mode =
  | 'FAST'
  | 'QUALITY'
  | 'ULTRA';

/** Typed parameters of Cortex v1.0 (cortex-v1.0). ~$0.00 per 1024×1024 image (min $0.00). */
export type CortexV10Params = {
  contrast?: InputMaybe<Scalars['JSON']['input']>;
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "FAST". */
  mode?: InputMaybe<CortexV10Mode>;
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  tiling?: InputMaybe<Scalars['JSON']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateApiKeyResult = CreatedApiKey | Forbidden | InvalidParams;

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** The secret key. Shown this once; store it now. */
  key: Scalars['String']['output'];
};

export type Credits = {
  __typename?: 'Credits';
  pool: Pool;
  yourBudget: Budget;
};

export type CreditsResult = Credits | Unauthorized;

/** The caller's account at a glance (the REST /api/me). */
export type Dashboard = {
  __typename?: 'Dashboard';
  /** QUEUED or PROCESSING. */
  activeTasks: Array<Task>;
  budget: Budget;
  concurrency: Concurrency;
  /** The last 20 FINISHED or FAILED. */
  recentTasks: Array<Task>;
  todaySpending: Array<ModelSpending>;
};

export type DimensionBounds = {
  __typename?: 'DimensionBounds';
  max: Scalars['Int']['output'];
  min: Scalars['Int']['output'];
  step: Scalars['Int']['output'];
};

export type DimensionRange = {
  __typename?: 'DimensionRange';
  height: DimensionBounds;
  width: DimensionBounds;
};

/** One of a list of names. */
export type EnumParam = ParamSpec & {
  __typename?: 'EnumParam';
  default?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
  values: Array<Scalars['String']['output']>;
};

/** An expected failure: a stable code and a message for people. */
export type Error = {
  code: ErrorCode;
  message: Scalars['String']['output'];
};

/** Stable codes, the same as the REST API's `code`. */
export type ErrorCode =
  | 'FORBIDDEN'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INSUFFICIENT_BUDGET'
  | 'INVALID_PARAMS'
  | 'KEY_NOT_FOUND'
  | 'MODEL_NOT_FOUND'
  | 'PROMPT_TOO_LONG'
  | 'QUANTITY_TOO_HIGH'
  | 'RATE_LIMITED'
  | 'TASK_NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'UPLOAD_REJECTED';

/** The price of a request; nothing is charged. */
export type Estimate = {
  __typename?: 'Estimate';
  adjustments: Array<Adjustment>;
  /** When nothing fits: the cheapest downgrade's cost (USD). */
  cheapestCost?: Maybe<Scalars['Float']['output']>;
  /** USD for the request as asked (normalized). */
  cost: Scalars['Float']['output'];
  dailyRemaining: Scalars['Float']['output'];
  fitsInBudget: Scalars['Boolean']['output'];
  model: Scalars['String']['output'];
  /** The normalized parameters. */
  params: Scalars['JSON']['output'];
  /** When over budget: the downgrade generate would apply (null if nothing fits). */
  suggestion?: Maybe<SuggestedRequest>;
};

export type EstimateResult = Estimate | InvalidParams | ModelNotFound | PromptTooLong | QuantityTooHigh | Unauthorized;

export type FluxDevMode =
  | 'FAST'
  | 'ULTRA';

/** Typed parameters of Flux Dev (flux-dev). ~$0.00 per 1024×1024 image. */
export type FluxDevParams = {
  /** How closely the model follows the prompt Default: 3.5. */
  guidanceScale?: InputMaybe<Scalars['Float']['input']>;
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Image guidance configurations for StyleTransfer and LoraDepthMidas */
  imageGuidances?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** LoRA models to apply during generation */
  loras?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Default: "FAST". */
  mode?: InputMaybe<FluxDevMode>;
  /** Number of denoising steps Default: 28. */
  numInferenceSteps?: InputMaybe<Scalars['Int']['input']>;
  /** The prompt to use for the generation */
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Flux Kontext Max (flux-kontext-max). ~$0.04 per generation. */
export type FluxKontextMaxParams = {
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Flux Kontext Pro (flux-kontext-pro). ~$0.02 per generation. */
export type FluxKontextProParams = {
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Flux Pro 2.0 (flux-pro-2.0). ~$0.01 per 1024×1024 image. */
export type FluxPro20Params = {
  /** Default: 1440. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1440. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Flux Schnell (1) (flux-schnell). ~$0.00 per 1024×1024 image. */
export type FluxSchnellParams = {
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Needs the admin token. */
export type Forbidden = Error & {
  __typename?: 'Forbidden';
  code: ErrorCode;
  message: Scalars['String']['output'];
};

/** Typed parameters of Gemini 2.5 Flash (Nano Banana) Image (gemini-2.5-flash-image). ~$0.02 per generation. */
export type Gemini25FlashImageParams = {
  /** One of 0, 672, 768, 832, 864, 896, 1024, 1152, 1184, 1248, 1344; other values snap to the nearest. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of 0, 768, 832, 864, 896, 1024, 1152, 1184, 1248, 1344, 1536; other values snap to the nearest. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type GeminiImage2OutputFormat =
  | 'JPEG'
  | 'PNG';

/** Typed parameters of Gemini Image 2 (gemini-image-2). ~$0.06 per generation. */
export type GeminiImage2Params = {
  /** Height of the generated image One of 672, 768, 848, 896, 928, 1024, 1152, 1200, 1264, 1344, 1376, 1536, 1696, 1792, 1856, 2048, 2304, 2400, 2528, 2688, 2752, 3072, 3392, 3584, 3712, 4096, 4608, 4800, 5056, 5504; other values snap to the nearest. */
  height?: InputMaybe<Scalars['Int']['input']>;
  imageUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Output image format Default: "png". */
  outputFormat?: InputMaybe<GeminiImage2OutputFormat>;
  /** Text prompt for image generation */
  prompt: Scalars['String']['input'];
  /** Number of images to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** What types of content to generate Default: ["IMAGE"]. */
  responseModalities?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Seed for reproducible image generation */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Controls randomness in generation (0.0=deterministic, 2.0=very creative) */
  temperature?: InputMaybe<Scalars['Float']['input']>;
  /** Nucleus sampling parameter (lower=more focused, higher=more diverse) */
  topP?: InputMaybe<Scalars['Float']['input']>;
  /** Internal flag indicating dimensions should not be sent to provider */
  useAutoDimensions?: InputMaybe<Scalars['Boolean']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Width of the generated image One of 768, 848, 896, 928, 1024, 1152, 1200, 1264, 1376, 1536, 1584, 1696, 1792, 1856, 2048, 2304, 2400, 2528, 2752, 3072, 3168, 3392, 3584, 3712, 4096, 4608, 4800, 5056, 5504, 6336; other values snap to the nearest. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Exactly one of: `raw` ({ model, params } as REST takes it) or one model's typed parameters. */
export type GenerateInput =
  /** Auto Image */
  { autoImage: AutoImageParams; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Auto Video */
  { autoImage?: never; autoVideo: AutoVideoParams; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Cortex 1.0 */
  { autoImage?: never; autoVideo?: never; cortex10: Cortex10Params; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Cortex 2.0 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20: Cortex20Params; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Cortex 2.0 Fast */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast: Cortex20FastParams; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Cortex v0.9 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09: CortexV09Params; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Cortex v1.0 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10: CortexV10Params; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Flux Dev */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev: FluxDevParams; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Flux Kontext Max */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax: FluxKontextMaxParams; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Flux Kontext Pro */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro: FluxKontextProParams; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Flux Pro 2.0 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20: FluxPro20Params; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Flux Schnell (1) */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell: FluxSchnellParams; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Gemini 2.5 Flash (Nano Banana) Image */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage: Gemini25FlashImageParams; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Gemini Image 2 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2: GeminiImage2Params; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** GPT Image 1 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1: GptImage1Params; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** GPT Image 2 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2: GptImage2Params; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** GPT Image 1.5 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15: GptImage15Params; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Hailuo-2.3 Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23: Hailuo23Params; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Hailuo-2.3-fast Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast: Hailuo23FastParams; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Happy Horse Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse: HappyHorseParams; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Ideogram V3 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30: IdeogramV30Params; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** 'Cinematic Kino' (Kino XL) */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl: KinoXlParams; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Kling 2.1 Pro */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro: Kling21ProParams; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Kling 2.5 Turbo */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25: Kling25Params; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Kling 2.5 Turbo Standard Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard: Kling25TurboStandardParams; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Kling 2.6 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26: Kling26Params; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Kling 3.0 Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30: Kling30Params; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Kling Video O 1 Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1: KlingVideoO1Params; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Kling Video O 3 Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3: KlingVideoO3Params; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** LTXV 2 Fast Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast: Ltxv20FastParams; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** LTXV 2 Pro Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro: Ltxv20ProParams; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** LTX 2.0 Ultra */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra: Ltxv20UltraParams; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** LTXV 2.3 Fast Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast: Ltxv23FastParams; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** LTXV 2.3 Pro Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro: Ltxv23ProParams; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Cortex 1.5 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin: LucidOriginParams; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Lucid Realism */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism: LucidRealismParams; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Nano Banana 2 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2: NanoBanana2Params; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw: RawGenerationInput; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Recraft V4 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4: RecraftV4Params; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Recraft V4 Pro */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro: RecraftV4ProParams; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Rodin V2 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2: RodinV2Params; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Seedance 1.0 Pro Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro: Seedance10ProParams; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Seedance 1.0 Pro Fast Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast: Seedance10ProFastParams; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Seedance 2.0 Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20: Seedance20Params; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Seedance 2.0 Fast Video Gen */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast: Seedance20FastParams; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Seedream 4.0 Image */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40: Seedream40Params; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Seedream 4.5 Image */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45: Seedream45Params; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Sora 2 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2: Sora2Params; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Sora 2 Pro */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro: Sora2ProParams; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Veo 3 Fast */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001: Veo30FastGenerate001Params; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Veo 3 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001: Veo30Generate001Params; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Veo 3.1 Fast */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001: Veo31FastGenerate001Params; veo31Generate001?: never; veo31Lite?: never; }
  |  /** Veo 3.1 */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001: Veo31Generate001Params; veo31Lite?: never; }
  |  /** Veo 3.1 Lite */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite: Veo31LiteParams; };

export type GenerateResult = GenerateSuccess | IdempotencyInProgress | IdempotencyKeyReused | InsufficientBudget | InvalidParams | ModelNotFound | PromptTooLong | QuantityTooHigh | RateLimited | Unauthorized;

/** The generation was accepted and charged. */
export type GenerateSuccess = {
  __typename?: 'GenerateSuccess';
  /** What was changed (snapping, budget downgrade). */
  adjustments: Array<Adjustment>;
  /** USD charged. */
  cost: Scalars['Float']['output'];
  /** USD left today after this charge. */
  remaining: Scalars['Float']['output'];
  /** True when this repeats an earlier answer for the same idempotency key. */
  replayed: Scalars['Boolean']['output'];
  task: Task;
};

export type GptImage1OutputFormat =
  | 'JPEG'
  | 'PNG'
  | 'WEBP';

/** Typed parameters of GPT Image 1 (gpt-image-1). ~$0.01 per 1024×1024 image. */
export type GptImage1Params = {
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  imageGuidances?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The format in which the generated images are returned. Default: "jpeg". */
  outputFormat?: InputMaybe<GptImage1OutputFormat>;
  prompt: Scalars['String']['input'];
  /** The quality of the generated images. Default: "medium". */
  quality?: InputMaybe<GptImage1Quality>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  transparency?: InputMaybe<Scalars['Boolean']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type GptImage1Quality =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type GptImage2OutputFormat =
  | 'JPEG'
  | 'PNG';

/** Typed parameters of GPT Image 2 (gpt-image-2). ~$0.00 per 1024×1024 image. */
export type GptImage2Params = {
  /** Image height in pixels. Must be a multiple of 16. Each edge must be between 256 and 3840 px inclusive. Total pixels (wid Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  imageGuidances?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The format in which the generated images are returned. Default: "jpeg". */
  outputFormat?: InputMaybe<GptImage2OutputFormat>;
  prompt: Scalars['String']['input'];
  /** The quality of the generated images. Default: "low". */
  quality?: InputMaybe<GptImage2Quality>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Image width in pixels. Must be a multiple of 16. Each edge must be between 256 and 3840 px inclusive. Total pixels (widt Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type GptImage2Quality =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type GptImage15OutputFormat =
  | 'JPEG'
  | 'PNG'
  | 'WEBP';

/** Typed parameters of GPT Image 1.5 (gpt-image-1.5). ~$0.01 per 1024×1024 image. */
export type GptImage15Params = {
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  imageGuidances?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The format in which the generated images are returned. Default: "jpeg". */
  outputFormat?: InputMaybe<GptImage15OutputFormat>;
  prompt: Scalars['String']['input'];
  /** The quality of the generated images. Default: "medium". */
  quality?: InputMaybe<GptImage15Quality>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type GptImage15Quality =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** Typed parameters of Hailuo-2.3-fast Video Gen (hailuo-2_3-fast). ~$0.03 per generation. */
export type Hailuo23FastParams = {
  /** Video duration in seconds. 1080P supports only 6 seconds One of 6, 10; other values snap to the nearest. Default: 6. */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Reduce processing time during prompt optimization Default: false. */
  fastPretreatment?: InputMaybe<Scalars['Boolean']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Auto-optimize prompt for better video quality Default: true. */
  promptOptimizer?: InputMaybe<Scalars['Boolean']['input']>;
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Video resolution Default: "1080p". */
  resolution?: InputMaybe<Hailuo23FastResolution>;
  /** First frame image for image-to-video generation (required for fast variant) */
  startFrame: Scalars['String']['input'];
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type Hailuo23FastResolution =
  | 'P768'
  | 'P1080';

/** Typed parameters of Hailuo-2.3 Video Gen (hailuo-2_3). ~$0.04 per generation. */
export type Hailuo23Params = {
  /** Video duration in seconds. 1080P supports only 6 seconds One of 6, 10; other values snap to the nearest. Default: 6. */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Reduce processing time during prompt optimization Default: false. */
  fastPretreatment?: InputMaybe<Scalars['Boolean']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Auto-optimize prompt for better video quality Default: true. */
  promptOptimizer?: InputMaybe<Scalars['Boolean']['input']>;
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Video resolution Default: "1080p". */
  resolution?: InputMaybe<Hailuo23Resolution>;
  /** First frame image for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type Hailuo23Resolution =
  | 'P768'
  | 'P1080';

export type HappyHorseAudioSetting =
  | 'AUTO'
  | 'ORIGIN';

/** Typed parameters of Happy Horse Video Gen (happy-horse). ~$0.06 per generation. */
export type HappyHorseParams = {
  /** Audio handling for video-edit: auto (model decides) or origin (preserve input audio). Default: "auto". */
  audioSetting?: InputMaybe<HappyHorseAudioSetting>;
  /** Output video duration in seconds. Not applicable for video-edit (inherits from source video). One of 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; other values snap to the nearest. Default: 5. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** Enable content moderation for input and output Default: false. */
  enableSafetyChecker?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video height in pixels Default: 1080. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Reference images for reference-to-video (1-9, referenced as character1-character9) or video-edit (0-5, referenced as @Im */
  imageGuidance?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text prompt describing the desired video */
  prompt?: InputMaybe<Scalars['String']['input']>;
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Random seed for reproducibility */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Image to use as first frame for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Source video for video-edit mode. Maximum 1 item. */
  videoGuidance?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels Default: 1920. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The first request with this idempotency key is still being accepted. */
export type IdempotencyInProgress = Error & {
  __typename?: 'IdempotencyInProgress';
  code: ErrorCode;
  message: Scalars['String']['output'];
};

/** The idempotency key was used with another request. */
export type IdempotencyKeyReused = Error & {
  __typename?: 'IdempotencyKeyReused';
  code: ErrorCode;
  message: Scalars['String']['output'];
};

export type IdeogramV30Mode =
  | 'BALANCED'
  | 'QUALITY'
  | 'TURBO';

/** Typed parameters of Ideogram V3 (ideogram-v3.0). ~$0.01 per generation. */
export type IdeogramV30Params = {
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  imageUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "BALANCED". */
  mode?: InputMaybe<IdeogramV30Mode>;
  /** Default: "". */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  prompt: Scalars['String']['input'];
  /** Default: false. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  style?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** A model of the spec's image section. */
export type ImageModel = AiModel & {
  __typename?: 'ImageModel';
  /** The spec's cost line, e.g. "~$0.02 per generation". */
  costSummary: Scalars['String']['output'];
  /** USD for the model's example request, as the engine prices it. */
  defaultCost: Scalars['Float']['output'];
  /** Width/height bounds, for models whose size is a range. */
  dimensionRange?: Maybe<DimensionRange>;
  /** The spec's example request body. */
  example: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  kind: ModelKind;
  maxQuantity: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  output: OutputKind;
  params: Array<ParamSpec>;
  requiredParams: Array<Scalars['String']['output']>;
  /** The parameter that picks the resolution tier (mode, resolution). */
  resolutionParam?: Maybe<Scalars['String']['output']>;
  /** Its values, lowest first. */
  resolutionTiers: Array<Scalars['String']['output']>;
  /** Valid sizes (every tier), when the model has a table. */
  resolutions: Array<Resolution>;
};

/** Even the cheapest downgrade costs more than today's remaining budget. */
export type InsufficientBudget = Error & {
  __typename?: 'InsufficientBudget';
  /** USD. */
  cheapestCost: Scalars['Float']['output'];
  code: ErrorCode;
  message: Scalars['String']['output'];
  /** USD. */
  remaining: Scalars['Float']['output'];
};

/** An integer (Float where the range exceeds 32 bits, e.g. seeds). */
export type IntegerParam = ParamSpec & {
  __typename?: 'IntegerParam';
  default?: Maybe<Scalars['Float']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  max?: Maybe<Scalars['Float']['output']>;
  min?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
  step?: Maybe<Scalars['Float']['output']>;
};

/** Parameters the model cannot take, each with its reason. */
export type InvalidParams = Error & {
  __typename?: 'InvalidParams';
  code: ErrorCode;
  issues: Array<ParamIssue>;
  message: Scalars['String']['output'];
};

/** No API key with that id. */
export type KeyNotFound = Error & {
  __typename?: 'KeyNotFound';
  code: ErrorCode;
  message: Scalars['String']['output'];
};

/** Typed parameters of 'Cinematic Kino' (Kino XL) (kino-xl). ~$0.00 per 1024×1024 image. */
export type KinoXlParams = {
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Typed parameters of Kling 2.1 Pro (kling-2.1-pro). ~$0.04 per generation. */
export type Kling21ProParams = {
  /** One of 5, 10; other values snap to the nearest. Default: 5. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** Default: 1080. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1920. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Kling25Mode =
  | 'RESOLUTION_720'
  | 'RESOLUTION_1080';

/** Typed parameters of Kling 2.5 Turbo (kling-2.5). ~$0.03 per generation. */
export type Kling25Params = {
  /** One of 5, 10; other values snap to the nearest. Default: 5. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** Default: 1080. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "RESOLUTION_1080". */
  mode?: InputMaybe<Kling25Mode>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1920. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Kling 2.5 Turbo Standard Video Gen (kling-2.5-turbo-standard). ~$0.02 per generation. */
export type Kling25TurboStandardParams = {
  /** Guidance scale for generation strength Default: 0.5. */
  cfgScale?: InputMaybe<Scalars['Float']['input']>;
  /** Video duration in seconds One of 5, 10; other values snap to the nearest. Default: 5. */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Video height in pixels One of 720, 1280, 960; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Elements to exclude from generation Default: "blur, distort, and low quality". */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Start frame image for video generation */
  startFrame: Scalars['String']['input'];
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels One of 1280, 720, 960; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Kling 2.6 (kling-2.6). ~$0.06 per generation. */
export type Kling26Params = {
  audio?: InputMaybe<Scalars['JSON']['input']>;
  /** One of 5, 10; other values snap to the nearest. Default: 5. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** One of 1080, 1920, 1440, 0; other values snap to the nearest. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: true. */
  motionHasAudio?: InputMaybe<Scalars['Boolean']['input']>;
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of 1920, 1080, 1440, 0; other values snap to the nearest. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Kling30Mode =
  | 'RESOLUTION_720'
  | 'RESOLUTION_1080'
  | 'RESOLUTION_2160';

/** Typed parameters of Kling 3.0 Video Gen (kling-3.0). ~$0.03 per generation. */
export type Kling30Params = {
  /** Video duration in seconds (3-15s) One of 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; other values snap to the nearest. Default: 5. */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Elements (characters/objects) to include. Reference in prompt as @Element1, @Element2. Supports element consistency for */
  elements?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** End frame image for frame interpolation. Cannot be used when more than 2 images are used (start_frame + reference images */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** Whether to generate native audio for the video. Supports multiple audio types: speech, dialogue, singing/rap, ambient, s Default: true. */
  generateAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video height in pixels One of 1080, 1920, 1440, 720, 1280, 960, 0, 2160, 3840, 2880; other values snap to the nearest. Default: 1080. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Reference images for style/appearance. Reference in prompt as @Image1, @Image2, etc. Maximum 7 total (elements + referen */
  imageUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video resolution mode. RESOLUTION_1080 uses pro endpoints (1080p), RESOLUTION_720 uses standard endpoints (720p), RESOLU Default: "RESOLUTION_1080". */
  mode?: InputMaybe<Kling30Mode>;
  /** Text description for video generation. Can include dialogue, narration, sound effects, and ambient audio descriptions. */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Start frame image for image-to-video mode. Accepted formats: jpg, jpeg, png, webp, gif, avif. Max size: 10MB. Min dimens */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Voice IDs for voice control. Reference in prompt using <<>>, <<>> */
  voiceIds?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Video width in pixels One of 1920, 1080, 1440, 1280, 720, 960, 0, 3840, 2160, 2880; other values snap to the nearest. Default: 1920. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Kling Video O 1 Gen (kling-video-o-1). ~$0.04 per generation. */
export type KlingVideoO1Params = {
  /** Guidance scale for generation strength Default: 0.5. */
  cfgScale?: InputMaybe<Scalars['Float']['input']>;
  /** Video duration in seconds One of 3, 4, 5, 6, 7, 8, 9, 10; other values snap to the nearest. Default: 5. */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** Video height in pixels (0 for auto) */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Additional reference images for guidance. Up to 6 guidance images allowed (7 max allowed without videos, but start frame */
  imageGuidance?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Whether to keep the original audio from the video. Defaults to false (matches Fal API default). Can be set to true to pr Default: false. */
  keepAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Video guidance for video-to-video editing. Maximum 1 video allowed. When using BASE type, routes to video-to-video edit */
  videoGuidance?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels (0 for auto) */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type KlingVideoO3Mode =
  | 'RESOLUTION_720'
  | 'RESOLUTION_1080'
  | 'RESOLUTION_2160';

/** Typed parameters of Kling Video O 3 Gen (kling-video-o-3). ~$0.07 per generation. */
export type KlingVideoO3Params = {
  /** Video duration in seconds (3-15s) One of 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; other values snap to the nearest. Default: 5. */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** End frame image for image-to-video generation */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** Whether to generate native audio for the video Default: false. */
  generateAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video height in pixels (0 for auto) */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Reference images for style/appearance. Reference in prompt as @Image1, @Image2, etc. */
  imageGuidance?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Whether to preserve audio from the reference video (video-to-video only) Default: false. */
  keepAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video resolution mode. RESOLUTION_1080 uses pro endpoints (1080p), RESOLUTION_720 uses standard endpoints (720p), RESOLU Default: "RESOLUTION_1080". */
  mode?: InputMaybe<KlingVideoO3Mode>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Start frame image for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Video guidance for video-to-video transformations. BASE type routes to edit endpoint, FEATURE type routes to reference e */
  videoGuidance?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels (0 for auto) */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type LimitReason =
  /** Too many failed authentications from the client's address (GATEAI_AUTH_FAILURES_PER_MINUTE). */
  | 'AUTH_FAILURES'
  /** 5 generations of the key in flight. */
  | 'CONCURRENCY'
  /** 5 generation requests of the key in the last 30 s. */
  | 'WINDOW';

export type Ltxv20FastAspectRatio =
  | 'RATIO_9_16'
  | 'RATIO_16_9';

/** Typed parameters of LTXV 2 Fast Video Gen (ltxv-2.0-fast). ~$0.02 per generation. */
export type Ltxv20FastParams = {
  /** Video aspect ratio Default: "16:9". */
  aspectRatio?: InputMaybe<Ltxv20FastAspectRatio>;
  /** Video duration in seconds One of 6, 8; other values snap to the nearest. Default: 6. */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Enable automatic prompt expansion Default: true. */
  enablePromptExpansion?: InputMaybe<Scalars['Boolean']['input']>;
  /** Frames per second One of 25, 50; other values snap to the nearest. Default: 50. */
  fps?: InputMaybe<Scalars['Int']['input']>;
  /** Video height in pixels */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Video resolution Default: "1080p". */
  resolution?: InputMaybe<Ltxv20FastResolution>;
  /** Start frame image for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Ltxv20FastResolution =
  | 'P1080'
  | 'P1440'
  | 'P2160';

export type Ltxv20ProAspectRatio =
  | 'RATIO_9_16'
  | 'RATIO_16_9';

/** Typed parameters of LTXV 2 Pro Video Gen (ltxv-2.0-pro). ~$0.02 per generation. */
export type Ltxv20ProParams = {
  /** Video aspect ratio Default: "16:9". */
  aspectRatio?: InputMaybe<Ltxv20ProAspectRatio>;
  /** Video duration in seconds One of 6, 8; other values snap to the nearest. Default: 6. */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Enable automatic prompt expansion Default: true. */
  enablePromptExpansion?: InputMaybe<Scalars['Boolean']['input']>;
  /** Frames per second One of 24, 30, 50; other values snap to the nearest. Default: 50. */
  fps?: InputMaybe<Scalars['Int']['input']>;
  /** Video height in pixels */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Video resolution Default: "1080p". */
  resolution?: InputMaybe<Ltxv20ProResolution>;
  /** Start frame image for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Ltxv20ProResolution =
  | 'P1080'
  | 'P1440'
  | 'P2160';

export type Ltxv20UltraMode =
  | 'RESOLUTION_1080'
  | 'RESOLUTION_1440'
  | 'RESOLUTION_2160';

/** Typed parameters of LTX 2.0 Ultra (ltxv-2.0-ultra). ~$0.02 per generation. */
export type Ltxv20UltraParams = {
  /** One of 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** Default: 1080. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "RESOLUTION_1080". */
  mode?: InputMaybe<Ltxv20UltraMode>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1920. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Ltxv23FastAspectRatio =
  | 'RATIO_9_16'
  | 'RATIO_16_9';

/** Typed parameters of LTXV 2.3 Fast Video Gen (ltxv-2.3-fast). ~$0.02 per generation. */
export type Ltxv23FastParams = {
  /** Video aspect ratio. Defaults to 16:9 for T2V, or auto-detected from start_frame for I2V. */
  aspectRatio?: InputMaybe<Ltxv23FastAspectRatio>;
  /** Video duration in seconds. Durations over 10s require 25fps and 1080p resolution. One of 6, 8, 10, 12, 14, 16, 18, 20; other values snap to the nearest. Default: 6. */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** End frame image for transition video generation. Requires start_frame. */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** Frames per second One of 24, 25, 48, 50; other values snap to the nearest. Default: 25. */
  fps?: InputMaybe<Scalars['Int']['input']>;
  /** Whether to generate audio for the video Default: true. */
  generateAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video height in pixels */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Video resolution Default: "1080p". */
  resolution?: InputMaybe<Ltxv23FastResolution>;
  /** Start frame image for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Ltxv23FastResolution =
  | 'P1080'
  | 'P1440'
  | 'P2160';

export type Ltxv23ProAspectRatio =
  | 'RATIO_9_16'
  | 'RATIO_16_9';

/** Typed parameters of LTXV 2.3 Pro Video Gen (ltxv-2.3-pro). ~$0.02 per generation. */
export type Ltxv23ProParams = {
  /** Video aspect ratio. Defaults to 16:9 for T2V, or auto-detected from start_frame for I2V. */
  aspectRatio?: InputMaybe<Ltxv23ProAspectRatio>;
  /** Video duration in seconds One of 6, 8, 10; other values snap to the nearest. Default: 6. */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** End frame image for transition video generation. Requires start_frame. */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** Frames per second One of 24, 25, 48, 50; other values snap to the nearest. Default: 25. */
  fps?: InputMaybe<Scalars['Int']['input']>;
  /** Whether to generate audio for the video Default: true. */
  generateAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video height in pixels */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Video resolution Default: "1080p". */
  resolution?: InputMaybe<Ltxv23ProResolution>;
  /** Start frame image for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Ltxv23ProResolution =
  | 'P1080'
  | 'P1440'
  | 'P2160';

export type LucidOriginMode =
  | 'FAST'
  | 'ULTRA';

/** Typed parameters of Cortex 1.5 (lucid-origin). ~$0.00 per 1024×1024 image. */
export type LucidOriginParams = {
  /** How closely the model follows the prompt Default: 0. */
  guidanceScale?: InputMaybe<Scalars['Float']['input']>;
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Image guidance configurations for StyleTransfer and LoraDepthMidas */
  imageGuidances?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "FAST". */
  mode?: InputMaybe<LucidOriginMode>;
  /** Number of denoising steps Default: 15. */
  numInferenceSteps?: InputMaybe<Scalars['Int']['input']>;
  /** The prompt to use for the generation */
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type LucidRealismMode =
  | 'FAST'
  | 'ULTRA';

/** Typed parameters of Lucid Realism (lucid-realism). ~$0.00 per 1024×1024 image. */
export type LucidRealismParams = {
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "FAST". */
  mode?: InputMaybe<LucidRealismMode>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type MeResult = Dashboard | Unauthorized;

export type Model = ImageModel | ThreeDModel | VideoModel;

/** The section of the spec a model is listed under (REST `type`). */
export type ModelKind =
  | 'IMAGE'
  | 'THREE_D'
  | 'VIDEO';

/** No model with that id. */
export type ModelNotFound = Error & {
  __typename?: 'ModelNotFound';
  code: ErrorCode;
  message: Scalars['String']['output'];
  model: Scalars['String']['output'];
  /** Close model ids, nearest first. */
  suggestions: Array<Scalars['String']['output']>;
};

export type ModelOption = {
  __typename?: 'ModelOption';
  cost: Scalars['Float']['output'];
  model: AiModel;
  needsStartFrame: Scalars['Boolean']['output'];
  /** The cheapest parameters that meet the need. */
  params: Scalars['JSON']['output'];
};

export type ModelOptions = {
  __typename?: 'ModelOptions';
  options: Array<ModelOption>;
};

export type ModelResult = ImageModel | InvalidParams | ModelNotFound | ThreeDModel | VideoModel;

export type ModelSpending = {
  __typename?: 'ModelSpending';
  /** USD, refunds deducted. */
  cost: Scalars['Float']['output'];
  model: Scalars['String']['output'];
  requests: Scalars['Int']['output'];
};

/** Generations and key administration. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Admin: a new key (shown once), optionally with its own daily limit. */
  createApiKey: CreateApiKeyResult;
  /** Start a generation. Charged at once; downgraded (see adjustments) when today's budget is short. */
  generate: GenerateResult;
  /** Admin: revoke a key at once (in every process). */
  revokeApiKey: ApiKeyResult;
  /** Admin: a key's own daily limit in USD, $0.000001 to $1,000,000,000 with at most 6 decimals (null: back to GATEAI_DAILY_LIMIT); anything else is InvalidParams. */
  setDailyLimit: ApiKeyResult;
};


/** Generations and key administration. */
export type MutationCreateApiKeyArgs = {
  dailyLimit?: InputMaybe<Scalars['Float']['input']>;
  label?: InputMaybe<Scalars['String']['input']>;
};


/** Generations and key administration. */
export type MutationGenerateArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: GenerateInput;
};


/** Generations and key administration. */
export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


/** Generations and key administration. */
export type MutationSetDailyLimitArgs = {
  dailyLimit?: InputMaybe<Scalars['Float']['input']>;
  id: Scalars['ID']['input'];
};

export type NanoBanana2OutputFormat =
  | 'JPEG'
  | 'PNG';

/** Typed parameters of Nano Banana 2 (nano-banana-2). ~$0.03 per generation. */
export type NanoBanana2Params = {
  /** Height of the generated image One of 672, 768, 848, 896, 928, 1024, 1152, 1200, 1264, 1344, 1376, 1536, 1696, 1792, 1856, 2048, 2304, 2400, 2528, 2688, 2752, 3072, 3392, 3584, 3712, 4096, 4608, 4800, 5056, 5504; other values snap to the nearest. */
  height?: InputMaybe<Scalars['Int']['input']>;
  imageUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Output image format Default: "png". */
  outputFormat?: InputMaybe<NanoBanana2OutputFormat>;
  /** Text prompt for image generation */
  prompt: Scalars['String']['input'];
  /** Number of images to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** What types of content to generate Default: ["IMAGE"]. */
  responseModalities?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Seed for reproducible image generation */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Controls randomness in generation (0.0=deterministic, 2.0=very creative) */
  temperature?: InputMaybe<Scalars['Float']['input']>;
  /** Nucleus sampling parameter (lower=more focused, higher=more diverse) */
  topP?: InputMaybe<Scalars['Float']['input']>;
  /** Internal flag indicating dimensions should not be sent to provider */
  useAutoDimensions?: InputMaybe<Scalars['Boolean']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Width of the generated image One of 768, 848, 896, 928, 1024, 1152, 1200, 1264, 1376, 1536, 1584, 1696, 1792, 1856, 2048, 2304, 2400, 2528, 2752, 3072, 3168, 3392, 3584, 3712, 4096, 4608, 4800, 5056, 5504, 6336; other values snap to the nearest. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** What the output must be. Sizes and durations are minimums. */
export type NeedInput = {
  /** e.g. "16:9" (within 2%). */
  aspectRatio?: InputMaybe<Scalars['String']['input']>;
  /** Seconds. */
  minDuration?: InputMaybe<Scalars['Int']['input']>;
  /** Pixels, e.g. 720 for 720p. */
  minShortSide?: InputMaybe<Scalars['Int']['input']>;
  output: OutputKind;
  quantity?: InputMaybe<Scalars['Int']['input']>;
};

/** A number. */
export type NumberParam = ParamSpec & {
  __typename?: 'NumberParam';
  default?: Maybe<Scalars['Float']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  max?: Maybe<Scalars['Float']['output']>;
  min?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** One of a list of numbers (durations, sizes); other numbers snap to the nearest. */
export type NumericEnumParam = ParamSpec & {
  __typename?: 'NumericEnumParam';
  default?: Maybe<Scalars['Float']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
  values: Array<Scalars['Float']['output']>;
};

/** What a generation produces (a few video-section models produce images). */
export type OutputKind =
  | 'IMAGE'
  | 'THREE_D'
  | 'VIDEO';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type ParamIssue = {
  __typename?: 'ParamIssue';
  field: Scalars['String']['output'];
  reason: Scalars['String']['output'];
};

/** One parameter of a model, as the spec documents it. */
export type ParamSpec = {
  description?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

export type PlanResult = BudgetPlan | InvalidParams | Unauthorized;

export type PlanStep = {
  __typename?: 'PlanStep';
  adjustments: Array<Adjustment>;
  /** USD charged by this step (after any downgrade). */
  cost?: Maybe<Scalars['Float']['output']>;
  error?: Maybe<Error>;
  index: Scalars['Int']['output'];
  model: Scalars['String']['output'];
  params?: Maybe<Scalars['JSON']['output']>;
  remainingAfter: Scalars['Float']['output'];
  requestedCost?: Maybe<Scalars['Float']['output']>;
};

/** Health of the upstream account pool. */
export type Pool = {
  __typename?: 'Pool';
  locked: Scalars['Int']['output'];
  totalAccounts: Scalars['Int']['output'];
};

export type PriceAcrossResult = InvalidParams | ModelNotFound | PriceTable;

export type PricePoint = {
  __typename?: 'PricePoint';
  adjustments: Array<Adjustment>;
  /** USD; null when this value is invalid (see error). */
  cost?: Maybe<Scalars['Float']['output']>;
  error?: Maybe<Error>;
  params?: Maybe<Scalars['JSON']['output']>;
  value: Scalars['JSON']['output'];
};

export type PriceSeries = {
  __typename?: 'PriceSeries';
  /** The value of the `by` parameter held fixed. */
  by?: Maybe<Scalars['JSON']['output']>;
  points: Array<PricePoint>;
};

/** Prices of one request across the values of a parameter, optionally once per value of another. */
export type PriceTable = {
  __typename?: 'PriceTable';
  across: Scalars['String']['output'];
  by?: Maybe<Scalars['String']['output']>;
  series: Array<PriceSeries>;
};

/** The prompt is over 1,500 characters. */
export type PromptTooLong = Error & {
  __typename?: 'PromptTooLong';
  code: ErrorCode;
  length: Scalars['Int']['output'];
  max: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

/** More outputs than 8 or than the model allows. */
export type QuantityTooHigh = Error & {
  __typename?: 'QuantityTooHigh';
  code: ErrorCode;
  max: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  quantity: Scalars['Float']['output'];
};

/** Models, prices, budgets, tasks and what-if questions. */
export type Query = {
  __typename?: 'Query';
  /** Models that can serve a need (aspect ratio, resolution, duration), cheapest first; `first` is clamped to 1..100. */
  cheapestModels: CheapestModelsResult;
  /** Today's budget and the upstream pool's health (the REST /credits). */
  credits: CreditsResult;
  /** What a request would cost now, and what would run if the budget is short. Charges nothing. */
  estimate: EstimateResult;
  /** Budget, concurrency slots, active and recent tasks, and today's spending by model. */
  me: MeResult;
  /** One model by id; an id over 100 characters (or not text) is InvalidParams, before any lookup. */
  model: ModelResult;
  /** Every model, in the spec's order; optionally only one kind. */
  models: Array<Model>;
  /** Several requests (at most 200) run in order against `budget` (USD; default: the caller's remaining budget today). */
  planBudget: PlanResult;
  /** The price of one request across every value of `across` (e.g. "duration"), once per value of `by` (e.g. "mode") if given. */
  priceAcross: PriceAcrossResult;
  /** One of the caller's tasks. */
  task: TaskResult;
  /** The caller's tasks, newest first, by cursor (`after` = a previous page's endCursor). */
  tasks: TasksResult;
};


/** Models, prices, budgets, tasks and what-if questions. */
export type QueryCheapestModelsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  need: NeedInput;
};


/** Models, prices, budgets, tasks and what-if questions. */
export type QueryEstimateArgs = {
  input: GenerateInput;
};


/** Models, prices, budgets, tasks and what-if questions. */
export type QueryModelArgs = {
  id: Scalars['ID']['input'];
};


/** Models, prices, budgets, tasks and what-if questions. */
export type QueryModelsArgs = {
  kind?: InputMaybe<ModelKind>;
};


/** Models, prices, budgets, tasks and what-if questions. */
export type QueryPlanBudgetArgs = {
  budget?: InputMaybe<Scalars['Float']['input']>;
  requests: Array<GenerateInput>;
};


/** Models, prices, budgets, tasks and what-if questions. */
export type QueryPriceAcrossArgs = {
  across: Scalars['String']['input'];
  by?: InputMaybe<Scalars['String']['input']>;
  byValues?: InputMaybe<Array<Scalars['JSON']['input']>>;
  input: GenerateInput;
  values?: InputMaybe<Array<Scalars['JSON']['input']>>;
};


/** Models, prices, budgets, tasks and what-if questions. */
export type QueryTaskArgs = {
  id: Scalars['ID']['input'];
};


/** Models, prices, budgets, tasks and what-if questions. */
export type QueryTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  model?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Array<TaskStatus>>;
};

/** 5 generations in flight, or 5 requests in the last 30 s. */
export type RateLimited = Error & {
  __typename?: 'RateLimited';
  code: ErrorCode;
  message: Scalars['String']['output'];
  reason: LimitReason;
  retryAfterSeconds: Scalars['Int']['output'];
};

/** A request exactly as REST takes it. */
export type RawGenerationInput = {
  /** A model id; empty is InvalidParams (REST: 400). */
  model: Scalars['String']['input'];
  params?: InputMaybe<Scalars['JSON']['input']>;
};

/** Typed parameters of Recraft V4 (recraft-v4). ~$0.02 per generation. */
export type RecraftV4Params = {
  /** One of 768, 832, 896, 1024, 1152, 1216, 1280, 1344, 1536; other values snap to the nearest. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of 768, 832, 896, 1024, 1152, 1216, 1280, 1344, 1536; other values snap to the nearest. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Recraft V4 Pro (recraft-v4-pro). ~$0.10 per generation. */
export type RecraftV4ProParams = {
  /** One of 1536, 1664, 1792, 2048, 2304, 2432, 2560, 2688, 3072; other values snap to the nearest. Default: 2048. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of 1536, 1664, 1792, 2048, 2304, 2432, 2560, 2688, 3072; other values snap to the nearest. Default: 2048. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** A media reference: an https URL, a data: URI or an upload id. */
export type ReferenceParam = ParamSpec & {
  __typename?: 'ReferenceParam';
  description?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

export type Resolution = {
  __typename?: 'Resolution';
  height: Scalars['Int']['output'];
  label: Scalars['String']['output'];
  tier?: Maybe<SizeTier>;
  width: Scalars['Int']['output'];
};

export type RodinV2Material =
  | 'ALL'
  | 'PBR'
  | 'SHADED';

export type RodinV2MeshMode =
  | 'QUAD'
  | 'TRIANGLE';

/** Typed parameters of Rodin V2 (rodin-v2). ~$0.16 per generation. */
export type RodinV2Params = {
  /** Bounding box dimensions as [width, height, length] integers to constrain the generated model size */
  boundingBox?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Material mode for the generated mesh Default: "All". */
  material?: InputMaybe<RodinV2Material>;
  /** Type of faces in the generated mesh. Quad produces quadrilateral faces (smoother surfaces), Triangle produces triangular Default: "Triangle". */
  meshMode?: InputMaybe<RodinV2MeshMode>;
  /** Generation quality level. Polygon counts depend on mesh_mode: Triangle (extra_low: 2k, low: 20k, medium: 150k, high: 500 Default: "high". */
  quality?: InputMaybe<RodinV2Quality>;
  /** Seed for reproducible generation */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Apply T/A-pose constraint for human character meshes (easier to rig and animate) Default: false. */
  taPose?: InputMaybe<Scalars['Boolean']['input']>;
  /** Preserve original alpha channel from input images Default: false. */
  useOriginalAlpha?: InputMaybe<Scalars['Boolean']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type RodinV2Quality =
  | 'EXTRA_LOW'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** Typed parameters of Seedance 1.0 Pro Fast Video Gen (seedance-1.0-pro-fast). ~$0.04/720p 4s, ~$0.13/720p 15s (pixel×duration based). */
export type Seedance10ProFastParams = {
  /** Whether to fix the camera position Default: false. */
  cameraFixed?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video duration in seconds (2-12 seconds) One of 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12; other values snap to the nearest. Default: 5. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** Enable content safety filtering Default: false. */
  enableSafetyChecker?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video height in pixels. Use 0 for auto aspect ratio detection (I2V only) Default: 1088. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Random seed to control video generation (use -1 for random) Default: -1. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** Image to use as first frame for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels. Use 0 for auto aspect ratio detection (I2V only) Default: 1920. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Seedance 1.0 Pro Video Gen (seedance-1.0-pro). ~$0.09/720p 4s, ~$0.33/720p 15s (pixel×duration based). */
export type Seedance10ProParams = {
  /** Whether to fix the camera position Default: false. */
  cameraFixed?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video duration in seconds (2-12 seconds) One of 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12; other values snap to the nearest. Default: 5. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** Enable content safety filtering Default: false. */
  enableSafetyChecker?: InputMaybe<Scalars['Boolean']['input']>;
  /** Optional final frame for image-to-video generation */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** Video height in pixels. Use 0 for auto aspect ratio detection (I2V only) Default: 1088. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Random seed to control video generation (use -1 for random) Default: -1. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** Image to use as first frame for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels. Use 0 for auto aspect ratio detection (I2V only) Default: 1920. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Seedance20FastMode =
  | 'RESOLUTION_720'
  | 'RESOLUTION_1080';

/** Typed parameters of Seedance 2.0 Fast Video Gen (seedance-2.0-fast). ~$0.40/720p 4s, ~$1.48/720p 15s (pixel×duration based). */
export type Seedance20FastParams = {
  /** Video duration in seconds (4-15 seconds) One of 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** Enable content safety filtering Default: false. */
  enableSafetyChecker?: InputMaybe<Scalars['Boolean']['input']>;
  /** Optional final frame for image-to-video generation */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** Whether to generate audio with the video Default: true. */
  generateAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video height in pixels. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Output resolution tier (from the spec's REST examples; width/height choose the aspect ratio). Default: "RESOLUTION_720". */
  mode?: InputMaybe<Seedance20FastMode>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Reference audio files for R2V generation (1-3 files, combined ≤15s). Refer to them as @Audio1, @Audio2, etc. Requires at */
  referenceAudioUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Reference images for reference-guided video generation (1-9 images) */
  referenceImageUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Reference videos for video-guided generation (1-3 videos) */
  referenceVideoUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Random seed to control video generation (use -1 for random) Default: -1. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** Image to use as first frame for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Seedance20Mode =
  | 'RESOLUTION_720'
  | 'RESOLUTION_1080';

/** Typed parameters of Seedance 2.0 Video Gen (seedance-2.0). ~$0.49/720p 4s, ~$1.85/720p 15s (pixel×duration based). */
export type Seedance20Params = {
  /** Video duration in seconds (4-15 seconds) One of 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** Enable content safety filtering Default: false. */
  enableSafetyChecker?: InputMaybe<Scalars['Boolean']['input']>;
  /** Optional final frame for image-to-video generation */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** Whether to generate audio with the video Default: true. */
  generateAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video height in pixels. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Output resolution tier (from the spec's REST examples; width/height choose the aspect ratio). Default: "RESOLUTION_720". */
  mode?: InputMaybe<Seedance20Mode>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Reference audio files for R2V generation (1-3 files, combined ≤15s). Refer to them as @Audio1, @Audio2, etc. Requires at */
  referenceAudioUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Reference images for reference-guided video generation (1-9 images) */
  referenceImageUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Reference videos for video-guided generation (1-3 videos) */
  referenceVideoUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Random seed to control video generation (use -1 for random) Default: -1. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** Image to use as first frame for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Seedream 4.0 Image (seedream-4.0). ~$0.01 per generation. */
export type Seedream40Params = {
  /** Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Seedream 4.5 Image (seedream-4.5). ~$0.01 per generation. */
export type Seedream45Params = {
  /** Default: 2048. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: 2048. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type SizeTier =
  | 'Large'
  | 'Medium'
  | 'Small';

/** Typed parameters of Sora 2 (sora-2). ~$0.04 per generation. */
export type Sora2Params = {
  /** One of 4, 8, 12; other values snap to the nearest. Default: 4. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** One of 720, 1280; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of 1280, 720; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Sora2ProMode =
  | 'RESOLUTION_720'
  | 'RESOLUTION_1080';

/** Typed parameters of Sora 2 Pro (sora-2-pro). ~$0.12 per generation. */
export type Sora2ProParams = {
  /** One of 4, 8, 12; other values snap to the nearest. Default: 4. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** One of 720, 1280, 1024, 1792; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "RESOLUTION_720". */
  mode?: InputMaybe<Sora2ProMode>;
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of 1280, 720, 1024, 1792; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Text. */
export type StringParam = ParamSpec & {
  __typename?: 'StringParam';
  default?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  maxLength?: Maybe<Scalars['Int']['output']>;
  minLength?: Maybe<Scalars['Int']['output']>;
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** Live task status and dashboards (graphql-ws on /graphql, or SSE). */
export type Subscription = {
  __typename?: 'Subscription';
  /** The caller's dashboard (budget, slots, tasks): now, then after every change. */
  meUpdated: MeResult;
  /** Every change to any of the caller's tasks, as it happens. */
  myTasks: TaskUpdateResult;
  /** Every transition of one of the caller's tasks: first its current state at once, then each change; ends after FINISHED or FAILED. */
  taskUpdated: TaskUpdateResult;
};


/** Live task status and dashboards (graphql-ws on /graphql, or SSE). */
export type SubscriptionTaskUpdatedArgs = {
  id: Scalars['ID']['input'];
};

/** What generate would run within today's budget. */
export type SuggestedRequest = {
  __typename?: 'SuggestedRequest';
  adjustments: Array<Adjustment>;
  cost: Scalars['Float']['output'];
  params: Scalars['JSON']['output'];
};

/** A generation: created QUEUED or PROCESSING, then FINISHED with results or FAILED with an error. */
export type Task = {
  __typename?: 'Task';
  adjustments: Array<Adjustment>;
  attempts: Scalars['Int']['output'];
  /** USD charged when accepted, before any refund. */
  chargedCost: Scalars['Float']['output'];
  /** USD charged for this task (0 once refunded). */
  cost: Scalars['Float']['output'];
  createdAt: Scalars['DateTime']['output'];
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** 3D models (.glb), for 3D tasks. */
  glbUrls: Array<Scalars['String']['output']>;
  /** Unfinished by then: FAILED (40 min). */
  hardDeadlineAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  model: Scalars['String']['output'];
  output: OutputKind;
  /** The parameters that ran. */
  params: Scalars['JSON']['output'];
  /** 0 to 1. */
  progress: Scalars['Float']['output'];
  /** Unfinished by then: refunded automatically (20 min). */
  refundAt: Scalars['DateTime']['output'];
  refunded: Scalars['Boolean']['output'];
  /** The parameters as sent. */
  requestParams: Scalars['JSON']['output'];
  /** Absolute URLs of the outputs (previews for 3D). */
  result: Array<Scalars['String']['output']>;
  /** The concurrency slot frees itself by then (10 min). */
  slotReleaseAt: Scalars['DateTime']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: TaskStatus;
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of tasks, newest first. */
export type TaskConnection = {
  __typename?: 'TaskConnection';
  edges: Array<TaskEdge>;
  nodes: Array<Task>;
  pageInfo: PageInfo;
};

export type TaskEdge = {
  __typename?: 'TaskEdge';
  cursor: Scalars['String']['output'];
  node: Task;
};

/** What changed. The first update of `taskUpdated` repeats the current state (QUEUED, PROCESSING, FINISHED or FAILED). */
export type TaskEventType =
  | 'FAILED'
  | 'FINISHED'
  | 'PROCESSING'
  | 'PROGRESS'
  | 'QUEUED'
  | 'REFUNDED';

/** No task with that id for this key. */
export type TaskNotFound = Error & {
  __typename?: 'TaskNotFound';
  code: ErrorCode;
  message: Scalars['String']['output'];
  taskId: Scalars['ID']['output'];
};

export type TaskResult = Task | TaskNotFound | Unauthorized;

export type TaskStatus =
  /** Generation failed (charged cost refunded). */
  | 'FAILED'
  /** Done, result URLs available. */
  | 'FINISHED'
  /** Generation in progress. */
  | 'PROCESSING'
  /** Waiting for a free upstream account. */
  | 'QUEUED';

export type TaskUpdate = {
  __typename?: 'TaskUpdate';
  task: Task;
  type: TaskEventType;
};

export type TaskUpdateResult = TaskNotFound | TaskUpdate | Unauthorized;

export type TasksResult = TaskConnection | Unauthorized;

/** A model of the spec's 3D section. */
export type ThreeDModel = AiModel & {
  __typename?: 'ThreeDModel';
  /** The spec's cost line, e.g. "~$0.02 per generation". */
  costSummary: Scalars['String']['output'];
  /** USD for the model's example request, as the engine prices it. */
  defaultCost: Scalars['Float']['output'];
  /** Width/height bounds, for models whose size is a range. */
  dimensionRange?: Maybe<DimensionRange>;
  /** The spec's example request body. */
  example: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  kind: ModelKind;
  maxQuantity: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  output: OutputKind;
  params: Array<ParamSpec>;
  requiredParams: Array<Scalars['String']['output']>;
  /** The parameter that picks the resolution tier (mode, resolution). */
  resolutionParam?: Maybe<Scalars['String']['output']>;
  /** Its values, lowest first. */
  resolutionTiers: Array<Scalars['String']['output']>;
  /** Valid sizes (every tier), when the model has a table. */
  resolutions: Array<Resolution>;
};

/** No valid API key (Authorization: Bearer sk-...). */
export type Unauthorized = Error & {
  __typename?: 'Unauthorized';
  code: ErrorCode;
  message: Scalars['String']['output'];
};

export type Veo30FastGenerate001Mode =
  | 'RESOLUTION_720'
  | 'RESOLUTION_1080';

/** Typed parameters of Veo 3 Fast (veo-3.0-fast-generate-001). ~$0.06 per generation. */
export type Veo30FastGenerate001Params = {
  /** One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** One of 720, 1280, 1080, 1920; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "RESOLUTION_720". */
  mode?: InputMaybe<Veo30FastGenerate001Mode>;
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Float']['input']>;
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of 1280, 720, 1920, 1080; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Veo30Generate001Mode =
  | 'RESOLUTION_720'
  | 'RESOLUTION_1080';

/** Typed parameters of Veo 3 (veo-3.0-generate-001). ~$0.13 per generation. */
export type Veo30Generate001Params = {
  /** One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "RESOLUTION_720". */
  mode?: InputMaybe<Veo30Generate001Mode>;
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Float']['input']>;
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Veo31FastGenerate001Mode =
  | 'RESOLUTION_720'
  | 'RESOLUTION_1080'
  | 'RESOLUTION_2160';

/** Typed parameters of Veo 3.1 Fast (veo-3.1-fast-generate-001). ~$0.04 per generation. */
export type Veo31FastGenerate001Params = {
  audio?: InputMaybe<Scalars['JSON']['input']>;
  /** One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "RESOLUTION_720". */
  mode?: InputMaybe<Veo31FastGenerate001Mode>;
  /** Default: true. */
  motionHasAudio?: InputMaybe<Scalars['Boolean']['input']>;
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Float']['input']>;
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Veo31Generate001Mode =
  | 'RESOLUTION_720'
  | 'RESOLUTION_1080'
  | 'RESOLUTION_2160';

/** Typed parameters of Veo 3.1 (veo-3.1-generate-001). ~$0.08 per generation. */
export type Veo31Generate001Params = {
  audio?: InputMaybe<Scalars['JSON']['input']>;
  /** One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "RESOLUTION_720". */
  mode?: InputMaybe<Veo31Generate001Mode>;
  /** Default: true. */
  motionHasAudio?: InputMaybe<Scalars['Boolean']['input']>;
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Float']['input']>;
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type Veo31LiteMode =
  | 'RESOLUTION_720'
  | 'RESOLUTION_1080';

/** Typed parameters of Veo 3.1 Lite (veo-3.1-lite). ~$0.02 per generation. */
export type Veo31LiteParams = {
  audio?: InputMaybe<Scalars['JSON']['input']>;
  /** One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Default: "RESOLUTION_720". */
  mode?: InputMaybe<Veo31LiteMode>;
  /** Default: true. */
  motionHasAudio?: InputMaybe<Scalars['Boolean']['input']>;
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  prompt: Scalars['String']['input'];
  /** Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['Float']['input']>;
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** A model of the spec's video section. */
export type VideoModel = AiModel & {
  __typename?: 'VideoModel';
  /** The spec's cost line, e.g. "~$0.02 per generation". */
  costSummary: Scalars['String']['output'];
  /** USD for the model's example request, as the engine prices it. */
  defaultCost: Scalars['Float']['output'];
  /** Width/height bounds, for models whose size is a range. */
  dimensionRange?: Maybe<DimensionRange>;
  durationParam?: Maybe<Scalars['String']['output']>;
  /** Allowed durations in seconds (empty when the model has no duration). */
  durations: Array<Scalars['Int']['output']>;
  /** The spec's example request body. */
  example: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  kind: ModelKind;
  maxQuantity: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  output: OutputKind;
  params: Array<ParamSpec>;
  requiredParams: Array<Scalars['String']['output']>;
  /** The parameter that picks the resolution tier (mode, resolution). */
  resolutionParam?: Maybe<Scalars['String']['output']>;
  /** Its values, lowest first. */
  resolutionTiers: Array<Scalars['String']['output']>;
  /** Valid sizes (every tier), when the model has a table. */
  resolutions: Array<Resolution>;
};
