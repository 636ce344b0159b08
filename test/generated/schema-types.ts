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

/** A concurrency slot in use. */
export type ActiveSlot = {
  __typename?: 'ActiveSlot';
  /** Seconds since the slot was taken. */
  elapsed: Scalars['Int']['output'];
  /** That task's model id. */
  model?: Maybe<Scalars['String']['output']>;
  /** When the slot was taken. */
  takenAt: Scalars['DateTime']['output'];
  /** The task holding it. */
  taskId: Scalars['ID']['output'];
};

/** One parameter the gateway changed, from what to what, and why. */
export type Adjustment = {
  __typename?: 'Adjustment';
  /** What was sent (null: it was not sent, its default moved). */
  from?: Maybe<Scalars['JSON']['output']>;
  /** The parameter changed, as REST's `params` names it. */
  param: Scalars['String']['output'];
  /** Why it changed. */
  reason: AdjustmentReason;
  /** What runs instead. */
  to?: Maybe<Scalars['JSON']['output']>;
};

/** Why the gateway changed a parameter from what was sent. */
export type AdjustmentReason =
  /** Lowered so that the request fits today's remaining budget. */
  | 'BUDGET_DOWNGRADE'
  /** A value sent in another letter case, replaced by its canonical spelling. */
  | 'CANONICAL_SPELLING'
  /** A value outside an allowed list (a duration, an fps) moved to the nearest allowed one. */
  | 'NEAREST_ALLOWED_VALUE'
  /** A rule between parameters the spec states (e.g. "1080P supports only 6 seconds"). */
  | 'PARAM_RULE'
  /** A width or height moved to the nearest valid size or step. */
  | 'SNAPPED_TO_VALID_SIZE';

/** What every model has: its parameters, sizes, cost summary and example. */
export type AiModel = {
  /** Whether this gateway runs the model now (at a configured vendor, or simulated). */
  available: Scalars['Boolean']['output'];
  /** The spec's cost line, e.g. "~$0.02 per generation". */
  costSummary: Scalars['String']['output'];
  /** USD for the model's example request, as the engine prices it. */
  defaultCost: Scalars['Float']['output'];
  /** Width/height bounds, for models whose size is a range. */
  dimensionRange?: Maybe<DimensionRange>;
  /** The spec's example request body. */
  example: Scalars['JSON']['output'];
  /** The model id, as REST's `model` takes it, e.g. "gpt-image-2". */
  id: Scalars['ID']['output'];
  /** The field of GenerateInput that takes this model's typed parameters, e.g. "veo31FastGenerate001" for veo-3.1-fast-generate-001. */
  inputField: Scalars['String']['output'];
  /** The spec's section it is listed under. */
  kind: ModelKind;
  /** Outputs it makes at most per request. */
  maxQuantity: Scalars['Int']['output'];
  /** The model's name, as the spec writes it. */
  name: Scalars['String']['output'];
  /** What it produces. */
  output: OutputKind;
  /** Every parameter it takes, with types, bounds and defaults. */
  params: Array<ParamSpec>;
  /** The names of the parameters the spec requires. */
  requiredParams: Array<Scalars['String']['output']>;
  /** The parameter that picks the resolution tier (mode, resolution). */
  resolutionParam?: Maybe<Scalars['String']['output']>;
  /** Its values, lowest first. */
  resolutionTiers: Array<Scalars['String']['output']>;
  /** Valid sizes (every tier), when the model has a table. */
  resolutions: Array<Resolution>;
  /** Where it runs: "fal", "replicate", "openai" or "simulation"; null when nothing runs it (or a GateAI-compatible upstream does). */
  vendor?: Maybe<Scalars['String']['output']>;
};

/** The spec leaves the type open; any JSON value. */
export type AnyParam = ParamSpec & {
  __typename?: 'AnyParam';
  /** The value used when none is sent. Alias it when a selection also asks another member's `default` (see ParamSpec). */
  default?: Maybe<Scalars['JSON']['output']>;
  /** The spec's description of it, as the spec prints it. */
  description?: Maybe<Scalars['String']['output']>;
  /** The parameter's name in REST's `params` (snake_case, as the spec writes it). */
  name: Scalars['String']['output'];
  /** Whether the spec requires it (a default may still fill it in). */
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** An API key; the key itself is shown only once, when created. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** USD per UTC day in force. */
  dailyLimit: Scalars['Float']['output'];
  /** True when the key has its own daily limit, false when GATEAI_DAILY_LIMIT applies. */
  hasOwnLimit: Scalars['Boolean']['output'];
  /** The key's id: what admin operations and logs name it by (never the key). */
  id: Scalars['ID']['output'];
  /** A name given when it was created. */
  label?: Maybe<Scalars['String']['output']>;
  /** The key's first characters, to tell keys apart. */
  prefix: Scalars['String']['output'];
  /** When it was revoked; null while it works. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** The key after the change, or why not. */
export type ApiKeyResult = ApiKey | Forbidden | InvalidParams | KeyNotFound;

/** A list. */
export type ArrayParam = ParamSpec & {
  __typename?: 'ArrayParam';
  /** The list used when none is sent. Alias it when a selection also asks another member's `default` (see ParamSpec). */
  default?: Maybe<Scalars['JSON']['output']>;
  /** The spec's description of it, as the spec prints it. */
  description?: Maybe<Scalars['String']['output']>;
  /** The parameter's name in REST's `params` (snake_case, as the spec writes it). */
  name: Scalars['String']['output'];
  /** Whether the spec requires it (a default may still fill it in). */
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** When a stream's requests arrive; the fields that apply depend on `kind`. */
export type ArrivalInput = {
  /** BURST: hours from the start. */
  atHour?: InputMaybe<Scalars['Float']['input']>;
  /** LIST: at most 10000 instants (a GraphQL variable list holds at most 200; POST /api/simulate takes more). */
  atSeconds?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** BURST: how many requests. */
  count?: InputMaybe<Scalars['Int']['input']>;
  /** Fixed rate, Poisson rate, a burst, or a list of instants. */
  kind: ArrivalKind;
  /** BURST (default 0). */
  overSeconds?: InputMaybe<Scalars['Float']['input']>;
  /** FIXED, POISSON: requests an hour. */
  perHour?: InputMaybe<Scalars['Float']['input']>;
};

/** How a stream's requests arrive. */
export type ArrivalKind =
  /** `count` requests at `atHour`, spread over `overSeconds` (0: at once). */
  | 'BURST'
  /** Evenly spaced, `perHour` an hour. */
  | 'FIXED'
  /** One request at each of `atSeconds` (seconds from the start). */
  | 'LIST'
  /** A Poisson process of `perHour` an hour on average. */
  | 'POISSON';

/** Typed parameters of Auto Image (auto-image). ~$0.02 per generation. */
export type AutoImageParams = {
  /** The spec's `height` parameter of Auto Image. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Auto Image. */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Auto Image. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Auto Image. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Auto Video (auto-video). ~$0.13 per generation. */
export type AutoVideoParams = {
  /** The spec's `duration` parameter of Auto Video. One of 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `height` parameter of Auto Video. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Auto Video. */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Auto Video. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Auto Video. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** A flag. */
export type BooleanParam = ParamSpec & {
  __typename?: 'BooleanParam';
  /** The value used when none is sent. Alias it when a selection also asks another member's `default` (see ParamSpec). */
  default?: Maybe<Scalars['Boolean']['output']>;
  /** The spec's description of it, as the spec prints it. */
  description?: Maybe<Scalars['String']['output']>;
  /** The parameter's name in REST's `params` (snake_case, as the spec writes it). */
  name: Scalars['String']['output'];
  /** Whether the spec requires it (a default may still fill it in). */
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** Today's (UTC) budget of the caller's key, in USD. Resets at midnight UTC. */
export type Budget = {
  __typename?: 'Budget';
  /** USD the key may spend today. */
  dailyLimit: Scalars['Float']['output'];
  /** USD left today. */
  remaining: Scalars['Float']['output'];
  /** The next midnight UTC, when the budget starts again. */
  resetsAt: Scalars['DateTime']['output'];
  /** USD charged today, refunds deducted. */
  used: Scalars['Float']['output'];
};

/** Requests run in order against a budget, each downgraded as generate would. */
export type BudgetPlan = {
  __typename?: 'BudgetPlan';
  /** USD left after the last step. */
  remaining: Scalars['Float']['output'];
  /** USD the plan starts with. */
  startingBudget: Scalars['Float']['output'];
  /** Each request, in order. */
  steps: Array<PlanStep>;
  /** USD of every step together. */
  totalCost: Scalars['Float']['output'];
};

/** The cheapest models that meet the need, or why the need is invalid. */
export type CheapestModelsResult = InvalidParams | ModelOptions;

/** Concurrency slots: at most 5 generations in flight per key; a slot frees itself after 10 minutes. */
export type Concurrency = {
  __typename?: 'Concurrency';
  /** The slots in use. */
  activeSlots: Array<ActiveSlot>;
  /** Slots free now. */
  available: Scalars['Int']['output'];
  /** Slots per key (5). */
  max: Scalars['Int']['output'];
  /** Slots in use. */
  used: Scalars['Int']['output'];
};

/** Typed parameters of Cortex 1.0 (cortex_1.0). ~$0.01 per generation. */
export type Cortex10Params = {
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `motion_strength` parameter of Cortex 1.0. */
  motionStrength?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `quantity` parameter of Cortex 1.0. Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** The values of Cortex 2.0 Fast's `mode` parameter (REST sends the value each names). */
export type Cortex20FastMode =
  /** `mode`: "RESOLUTION_480". */
  | 'RESOLUTION_480'
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720';

/** Typed parameters of Cortex 2.0 Fast (cortex_2.0-fast). ~$0.03 per generation. */
export type Cortex20FastParams = {
  /** The spec's `controls` parameter of Cortex 2.0 Fast. */
  controls?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `elements` parameter of Cortex 2.0 Fast. */
  elements?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `frame_interpolation` parameter of Cortex 2.0 Fast. */
  frameInterpolation?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `height` parameter of Cortex 2.0 Fast. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Cortex 2.0 Fast. Default: "RESOLUTION_480". */
  mode?: InputMaybe<Cortex20FastMode>;
  /** The spec's `negative_prompt` parameter of Cortex 2.0 Fast. */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `prompt` parameter of Cortex 2.0 Fast. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Cortex 2.0 Fast. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Cortex 2.0 Fast. Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  /** The spec's `seed` parameter of Cortex 2.0 Fast. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** The spec's `start_frame` parameter of Cortex 2.0 Fast. */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Cortex 2.0 Fast. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Cortex 2.0's `mode` parameter (REST sends the value each names). */
export type Cortex20Mode =
  /** `mode`: "RESOLUTION_480". */
  | 'RESOLUTION_480'
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720';

/** Typed parameters of Cortex 2.0 (cortex_2.0). ~$0.08 per generation. */
export type Cortex20Params = {
  /** The spec's `controls` parameter of Cortex 2.0. */
  controls?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `elements` parameter of Cortex 2.0. */
  elements?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `frame_interpolation` parameter of Cortex 2.0. */
  frameInterpolation?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `height` parameter of Cortex 2.0. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Cortex 2.0. Default: "RESOLUTION_480". */
  mode?: InputMaybe<Cortex20Mode>;
  /** The spec's `negative_prompt` parameter of Cortex 2.0. */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `prompt` parameter of Cortex 2.0. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Cortex 2.0. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Cortex 2.0. Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  /** The spec's `seed` parameter of Cortex 2.0. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Cortex 2.0. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Cortex v0.9's `mode` parameter (REST sends the value each names). */
export type CortexV09Mode =
  /** `mode`: "FAST". */
  | 'FAST'
  /** `mode`: "QUALITY". */
  | 'QUALITY'
  /** `mode`: "ULTRA". */
  | 'ULTRA';

/** Typed parameters of Cortex v0.9 (cortex-v0.9). ~$0.00 per 1024×1024 image (min $0.00). */
export type CortexV09Params = {
  /** The spec's `contrast` parameter of Cortex v0.9. */
  contrast?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `height` parameter of Cortex v0.9. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Cortex v0.9. Default: "FAST". */
  mode?: InputMaybe<CortexV09Mode>;
  /** The spec's `negative_prompt` parameter of Cortex v0.9. */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `prompt` parameter of Cortex v0.9. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Cortex v0.9. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Cortex v0.9. Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Cortex v0.9. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `tiling` parameter of Cortex v0.9. */
  tiling?: InputMaybe<Scalars['JSON']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Cortex v0.9. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Cortex v1.0's `mode` parameter (REST sends the value each names). */
export type CortexV10Mode =
  /** `mode`: "FAST". */
  | 'FAST'
  /** `mode`: "QUALITY". */
  | 'QUALITY'
  /** `mode`: "ULTRA". */
  | 'ULTRA';

/** Typed parameters of Cortex v1.0 (cortex-v1.0). ~$0.00 per 1024×1024 image (min $0.00). */
export type CortexV10Params = {
  /** The spec's `contrast` parameter of Cortex v1.0. */
  contrast?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `height` parameter of Cortex v1.0. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Cortex v1.0. Default: "FAST". */
  mode?: InputMaybe<CortexV10Mode>;
  /** The spec's `negative_prompt` parameter of Cortex v1.0. */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `prompt` parameter of Cortex v1.0. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Cortex v1.0. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Cortex v1.0. Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Cortex v1.0. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `tiling` parameter of Cortex v1.0. */
  tiling?: InputMaybe<Scalars['JSON']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Cortex v1.0. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The new key, or why not. */
export type CreateApiKeyResult = CreatedApiKey | Forbidden | InvalidParams;

/** A key just created: the secret, once, and its record. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  /** The key's record. */
  apiKey: ApiKey;
  /** The secret key. Shown this once; store it now. */
  key: Scalars['String']['output'];
};

/** The caller's budget and the pool's health (the REST /credits). */
export type Credits = {
  __typename?: 'Credits';
  /** The upstream account pool. */
  pool: Pool;
  /** Today's budget of the caller's key. */
  yourBudget: Budget;
};

/** The credits, or Unauthorized. */
export type CreditsResult = Credits | Unauthorized;

/** The caller's account at a glance (the REST /api/me). */
export type Dashboard = {
  __typename?: 'Dashboard';
  /** QUEUED or PROCESSING. */
  activeTasks: Array<Task>;
  /** Today's budget. */
  budget: Budget;
  /** Slots in use and free. */
  concurrency: Concurrency;
  /** The last 20 FINISHED or FAILED. */
  recentTasks: Array<Task>;
  /** Today's (UTC) accepted requests and net cost per model. */
  todaySpending: Array<ModelSpending>;
};

/** The pixels a width or height may have. */
export type DimensionBounds = {
  __typename?: 'DimensionBounds';
  /** Most pixels. */
  max: Scalars['Int']['output'];
  /** Fewest pixels. */
  min: Scalars['Int']['output'];
  /** Pixels are multiples of this; others snap to the nearest. */
  step: Scalars['Int']['output'];
};

/** Free sizes within bounds, for models whose size is a range. */
export type DimensionRange = {
  __typename?: 'DimensionRange';
  /** Bounds of the height. */
  height: DimensionBounds;
  /** Bounds of the width. */
  width: DimensionBounds;
};

/** Seconds; null when nothing was measured. */
export type DurationPercentiles = {
  __typename?: 'DurationPercentiles';
  /** How many durations were measured. */
  count: Scalars['Int']['output'];
  /** 5th percentile. */
  p5?: Maybe<Scalars['Float']['output']>;
  /** Median. */
  p50?: Maybe<Scalars['Float']['output']>;
  /** 90th percentile. */
  p90?: Maybe<Scalars['Float']['output']>;
  /** 95th percentile. */
  p95?: Maybe<Scalars['Float']['output']>;
  /** 99th percentile. */
  p99?: Maybe<Scalars['Float']['output']>;
};

/** One of a list of names. */
export type EnumParam = ParamSpec & {
  __typename?: 'EnumParam';
  /** The name used when none is sent. Alias it when a selection also asks another member's `default` (see ParamSpec). */
  default?: Maybe<Scalars['String']['output']>;
  /** The spec's description of it, as the spec prints it. */
  description?: Maybe<Scalars['String']['output']>;
  /** The parameter's name in REST's `params` (snake_case, as the spec writes it). */
  name: Scalars['String']['output'];
  /** Whether the spec requires it (a default may still fill it in). */
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
  /** The names taken, as REST sends them. Alias it when a selection also asks another member's `values` (see ParamSpec). */
  values: Array<Scalars['String']['output']>;
};

/** An expected failure: a stable code and a message for people. */
export type Error = {
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
};

/** Stable codes, the same as the REST API's `code`. */
export type ErrorCode =
  /** The operation needs the admin token (REST 403). */
  | 'FORBIDDEN'
  /** The first request with this idempotency key is still being accepted (REST 409). */
  | 'IDEMPOTENCY_IN_PROGRESS'
  /** The idempotency key was used with another request (REST 422). */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** Not even the cheapest downgrade fits today's remaining budget (REST 402). */
  | 'INSUFFICIENT_BUDGET'
  /** Parameters the model cannot take (REST 400). */
  | 'INVALID_PARAMS'
  /** No API key has that id (admin operations). */
  | 'KEY_NOT_FOUND'
  /** No model has that id (REST 404). */
  | 'MODEL_NOT_FOUND'
  /** The model exists but nothing this gateway is configured with runs it (no vendor routes it, simulation of such models is off); nothing is charged (REST 422). */
  | 'MODEL_UNAVAILABLE'
  /** The prompt is over 1,500 characters (REST 400). */
  | 'PROMPT_TOO_LONG'
  /** More outputs than 8 or than the model allows (REST 400). */
  | 'QUANTITY_TOO_HIGH'
  /** A per-key generation limit, or the failed-authentication throttle (REST 429). */
  | 'RATE_LIMITED'
  /** No task with that id belongs to this key (REST 404). */
  | 'TASK_NOT_FOUND'
  /** No valid API key was presented (REST 401). */
  | 'UNAUTHORIZED'
  /** An upload over the size limit or of a media type not taken (REST 413 or 415). */
  | 'UPLOAD_REJECTED';

/** The price of a request; nothing is charged. */
export type Estimate = {
  __typename?: 'Estimate';
  /** What normalization changed from the request. */
  adjustments: Array<Adjustment>;
  /** When nothing fits: the cheapest downgrade's cost (USD). */
  cheapestCost?: Maybe<Scalars['Float']['output']>;
  /** USD for the request as asked (normalized). */
  cost: Scalars['Float']['output'];
  /** USD left of today's budget. */
  dailyRemaining: Scalars['Float']['output'];
  /** Whether the request as asked fits today's remaining budget. */
  fitsInBudget: Scalars['Boolean']['output'];
  /** The GenerateInput this answer priced, with the model's typed field (camelCase fields, enum value names): send it back to `generate(input:)` or `estimate(input:)` as it is. */
  input: Scalars['JSON']['output'];
  /** The model id. */
  model: Scalars['String']['output'];
  /** The normalized parameters. */
  params: Scalars['JSON']['output'];
  /** When over budget: the downgrade generate would apply (null if nothing fits). */
  suggestion?: Maybe<SuggestedRequest>;
};

/** The estimate, or why there is none (every failure implements Error). */
export type EstimateResult = Estimate | InvalidParams | ModelNotFound | ModelUnavailable | PromptTooLong | QuantityTooHigh | Unauthorized;

/** The values of Flux Dev's `mode` parameter (REST sends the value each names). */
export type FluxDevMode =
  /** `mode`: "FAST". */
  | 'FAST'
  /** `mode`: "ULTRA". */
  | 'ULTRA';

/** Typed parameters of Flux Dev (flux-dev). ~$0.00 per 1024×1024 image. */
export type FluxDevParams = {
  /** How closely the model follows the prompt Default: 3.5. */
  guidanceScale?: InputMaybe<Scalars['Float']['input']>;
  /** The spec's `height` parameter of Flux Dev. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Image guidance configurations for StyleTransfer and LoraDepthMidas */
  imageGuidances?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** LoRA models to apply during generation */
  loras?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** The spec's `mode` parameter of Flux Dev. Default: "FAST". */
  mode?: InputMaybe<FluxDevMode>;
  /** Number of denoising steps Default: 28. */
  numInferenceSteps?: InputMaybe<Scalars['Int']['input']>;
  /** The prompt to use for the generation */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Flux Dev. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Flux Dev. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Flux Dev. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Flux Kontext Max (flux-kontext-max). ~$0.04 per generation. */
export type FluxKontextMaxParams = {
  /** The spec's `height` parameter of Flux Kontext Max. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Flux Kontext Max. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Flux Kontext Max. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Flux Kontext Max. Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Flux Kontext Max. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Flux Kontext Max. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Flux Kontext Pro (flux-kontext-pro). ~$0.02 per generation. */
export type FluxKontextProParams = {
  /** The spec's `height` parameter of Flux Kontext Pro. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Flux Kontext Pro. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Flux Kontext Pro. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Flux Kontext Pro. Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Flux Kontext Pro. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Flux Kontext Pro. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Flux Pro 2.0 (flux-pro-2.0). ~$0.01 per 1024×1024 image. */
export type FluxPro20Params = {
  /** The spec's `height` parameter of Flux Pro 2.0. Default: 1440. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Flux Pro 2.0. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Flux Pro 2.0. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Flux Pro 2.0. Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Flux Pro 2.0. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Flux Pro 2.0. Default: 1440. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Flux Schnell (1) (flux-schnell). ~$0.00 per 1024×1024 image. */
export type FluxSchnellParams = {
  /** The spec's `height` parameter of Flux Schnell (1). Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Flux Schnell (1). */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Flux Schnell (1). */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Flux Schnell (1). Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Flux Schnell (1). */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Flux Schnell (1). Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Needs the admin token. */
export type Forbidden = Error & {
  __typename?: 'Forbidden';
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
};

/** Typed parameters of Gemini 2.5 Flash (Nano Banana) Image (gemini-2.5-flash-image). ~$0.02 per generation. */
export type Gemini25FlashImageParams = {
  /** The spec's `height` parameter of Gemini 2.5 Flash (Nano Banana) Image. One of 0, 672, 768, 832, 864, 896, 1024, 1152, 1184, 1248, 1344; other values snap to the nearest. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Gemini 2.5 Flash (Nano Banana) Image. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Gemini 2.5 Flash (Nano Banana) Image. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Gemini 2.5 Flash (Nano Banana) Image. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Gemini 2.5 Flash (Nano Banana) Image. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Gemini 2.5 Flash (Nano Banana) Image. One of 0, 768, 832, 864, 896, 1024, 1152, 1184, 1248, 1344, 1536; other values snap to the nearest. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Gemini Image 2's `output_format` parameter (REST sends the value each names). */
export type GeminiImage2OutputFormat =
  /** `output_format`: "jpeg". */
  | 'JPEG'
  /** `output_format`: "png". */
  | 'PNG';

/** Typed parameters of Gemini Image 2 (gemini-image-2). ~$0.06 per generation. */
export type GeminiImage2Params = {
  /** Height of the generated image One of 672, 768, 848, 896, 928, 1024, 1152, 1200, 1264, 1344, 1376, 1536, 1696, 1792, 1856, 2048, 2304, 2400, 2528, 2688, 2752, 3072, 3392, 3584, 3712, 4096, 4608, 4800, 5056, 5504; other values snap to the nearest. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `image_urls` parameter of Gemini Image 2. */
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
  |  /** Any model's request as REST takes it ({ model, params }). */
  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw: RawGenerationInput; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
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

/** The accepted generation, or why not (every failure implements Error). */
export type GenerateResult = GenerateSuccess | IdempotencyInProgress | IdempotencyKeyReused | InsufficientBudget | InvalidParams | ModelNotFound | ModelUnavailable | PromptTooLong | QuantityTooHigh | RateLimited | Unauthorized;

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
  /** The task as it is now (QUEUED when just accepted; a replay of an idempotency key returns its current state): follow it with taskUpdated or task(id). */
  task: Task;
};

/** The values of GPT Image 1's `output_format` parameter (REST sends the value each names). */
export type GptImage1OutputFormat =
  /** `output_format`: "jpeg". */
  | 'JPEG'
  /** `output_format`: "png". */
  | 'PNG'
  /** `output_format`: "webp". */
  | 'WEBP';

/** Typed parameters of GPT Image 1 (gpt-image-1). ~$0.01 per 1024×1024 image. */
export type GptImage1Params = {
  /** The spec's `height` parameter of GPT Image 1. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `image_guidances` parameter of GPT Image 1. */
  imageGuidances?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The format in which the generated images are returned. Default: "jpeg". */
  outputFormat?: InputMaybe<GptImage1OutputFormat>;
  /** The spec's `prompt` parameter of GPT Image 1. */
  prompt: Scalars['String']['input'];
  /** The quality of the generated images. Default: "medium". */
  quality?: InputMaybe<GptImage1Quality>;
  /** The spec's `quantity` parameter of GPT Image 1. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `transparency` parameter of GPT Image 1. */
  transparency?: InputMaybe<Scalars['Boolean']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of GPT Image 1. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of GPT Image 1's `quality` parameter (REST sends the value each names). */
export type GptImage1Quality =
  /** `quality`: "high". */
  | 'HIGH'
  /** `quality`: "low". */
  | 'LOW'
  /** `quality`: "medium". */
  | 'MEDIUM';

/** The values of GPT Image 2's `output_format` parameter (REST sends the value each names). */
export type GptImage2OutputFormat =
  /** `output_format`: "jpeg". */
  | 'JPEG'
  /** `output_format`: "png". */
  | 'PNG';

/** Typed parameters of GPT Image 2 (gpt-image-2). ~$0.00 per 1024×1024 image. */
export type GptImage2Params = {
  /** Image height in pixels. Must be a multiple of 16. Each edge must be between 256 and 3840 px inclusive. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `image_guidances` parameter of GPT Image 2. */
  imageGuidances?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The format in which the generated images are returned. Default: "jpeg". */
  outputFormat?: InputMaybe<GptImage2OutputFormat>;
  /** The spec's `prompt` parameter of GPT Image 2. */
  prompt: Scalars['String']['input'];
  /** The quality of the generated images. Default: "low". */
  quality?: InputMaybe<GptImage2Quality>;
  /** The spec's `quantity` parameter of GPT Image 2. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Image width in pixels. Must be a multiple of 16. Each edge must be between 256 and 3840 px inclusive. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of GPT Image 2's `quality` parameter (REST sends the value each names). */
export type GptImage2Quality =
  /** `quality`: "high". */
  | 'HIGH'
  /** `quality`: "low". */
  | 'LOW'
  /** `quality`: "medium". */
  | 'MEDIUM';

/** The values of GPT Image 1.5's `output_format` parameter (REST sends the value each names). */
export type GptImage15OutputFormat =
  /** `output_format`: "jpeg". */
  | 'JPEG'
  /** `output_format`: "png". */
  | 'PNG'
  /** `output_format`: "webp". */
  | 'WEBP';

/** Typed parameters of GPT Image 1.5 (gpt-image-1.5). ~$0.01 per 1024×1024 image. */
export type GptImage15Params = {
  /** The spec's `height` parameter of GPT Image 1.5. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `image_guidances` parameter of GPT Image 1.5. */
  imageGuidances?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The format in which the generated images are returned. Default: "jpeg". */
  outputFormat?: InputMaybe<GptImage15OutputFormat>;
  /** The spec's `prompt` parameter of GPT Image 1.5. */
  prompt: Scalars['String']['input'];
  /** The quality of the generated images. Default: "medium". */
  quality?: InputMaybe<GptImage15Quality>;
  /** The spec's `quantity` parameter of GPT Image 1.5. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of GPT Image 1.5. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of GPT Image 1.5's `quality` parameter (REST sends the value each names). */
export type GptImage15Quality =
  /** `quality`: "high". */
  | 'HIGH'
  /** `quality`: "low". */
  | 'LOW'
  /** `quality`: "medium". */
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

/** The values of Hailuo-2.3-fast Video Gen's `resolution` parameter (REST sends the value each names). */
export type Hailuo23FastResolution =
  /** `resolution`: "768p". */
  | 'P768'
  /** `resolution`: "1080p". */
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

/** The values of Hailuo-2.3 Video Gen's `resolution` parameter (REST sends the value each names). */
export type Hailuo23Resolution =
  /** `resolution`: "768p". */
  | 'P768'
  /** `resolution`: "1080p". */
  | 'P1080';

/** The values of Happy Horse Video Gen's `audio_setting` parameter (REST sends the value each names). */
export type HappyHorseAudioSetting =
  /** `audio_setting`: "auto". */
  | 'AUTO'
  /** `audio_setting`: "origin". */
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
  /** Reference images for reference-to-video (1-9, referenced as character1-character9) or video-edit (0-5, referenced as … */
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
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
};

/** The idempotency key was used with another request. */
export type IdempotencyKeyReused = Error & {
  __typename?: 'IdempotencyKeyReused';
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
};

/** The values of Ideogram V3's `mode` parameter (REST sends the value each names). */
export type IdeogramV30Mode =
  /** `mode`: "BALANCED". */
  | 'BALANCED'
  /** `mode`: "QUALITY". */
  | 'QUALITY'
  /** `mode`: "TURBO". */
  | 'TURBO';

/** Typed parameters of Ideogram V3 (ideogram-v3.0). ~$0.01 per generation. */
export type IdeogramV30Params = {
  /** The spec's `height` parameter of Ideogram V3. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `image_urls` parameter of Ideogram V3. */
  imageUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Ideogram V3. Default: "BALANCED". */
  mode?: InputMaybe<IdeogramV30Mode>;
  /** The spec's `negative_prompt` parameter of Ideogram V3. Default: "". */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `prompt` parameter of Ideogram V3. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Ideogram V3. Default: false. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Ideogram V3. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Ideogram V3. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `style` parameter of Ideogram V3. */
  style?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Ideogram V3. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** A model of the spec's image section. */
export type ImageModel = AiModel & {
  __typename?: 'ImageModel';
  /** Whether this gateway runs the model now (at a configured vendor, or simulated). */
  available: Scalars['Boolean']['output'];
  /** The spec's cost line, e.g. "~$0.02 per generation". */
  costSummary: Scalars['String']['output'];
  /** USD for the model's example request, as the engine prices it. */
  defaultCost: Scalars['Float']['output'];
  /** Width/height bounds, for models whose size is a range. */
  dimensionRange?: Maybe<DimensionRange>;
  /** The spec's example request body. */
  example: Scalars['JSON']['output'];
  /** The model id, as REST's `model` takes it, e.g. "gpt-image-2". */
  id: Scalars['ID']['output'];
  /** The field of GenerateInput that takes this model's typed parameters, e.g. "veo31FastGenerate001" for veo-3.1-fast-generate-001. */
  inputField: Scalars['String']['output'];
  /** The spec's section it is listed under. */
  kind: ModelKind;
  /** Outputs it makes at most per request. */
  maxQuantity: Scalars['Int']['output'];
  /** The model's name, as the spec writes it. */
  name: Scalars['String']['output'];
  /** What it produces. */
  output: OutputKind;
  /** Every parameter it takes, with types, bounds and defaults. */
  params: Array<ParamSpec>;
  /** The names of the parameters the spec requires. */
  requiredParams: Array<Scalars['String']['output']>;
  /** The parameter that picks the resolution tier (mode, resolution). */
  resolutionParam?: Maybe<Scalars['String']['output']>;
  /** Its values, lowest first. */
  resolutionTiers: Array<Scalars['String']['output']>;
  /** Valid sizes (every tier), when the model has a table. */
  resolutions: Array<Resolution>;
  /** Where it runs: "fal", "replicate", "openai" or "simulation"; null when nothing runs it (or a GateAI-compatible upstream does). */
  vendor?: Maybe<Scalars['String']['output']>;
};

/** Even the cheapest downgrade costs more than today's remaining budget. */
export type InsufficientBudget = Error & {
  __typename?: 'InsufficientBudget';
  /** USD of the cheapest downgrade of the request. */
  cheapestCost: Scalars['Float']['output'];
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
  /** USD left of today's budget. */
  remaining: Scalars['Float']['output'];
};

/** An integer (Float where the range exceeds 32 bits, e.g. seeds). */
export type IntegerParam = ParamSpec & {
  __typename?: 'IntegerParam';
  /** The value used when none is sent. Alias it when a selection also asks another member's `default` (see ParamSpec). */
  default?: Maybe<Scalars['Float']['output']>;
  /** The spec's description of it, as the spec prints it. */
  description?: Maybe<Scalars['String']['output']>;
  /** The largest value taken. */
  max?: Maybe<Scalars['Float']['output']>;
  /** The smallest value taken. */
  min?: Maybe<Scalars['Float']['output']>;
  /** The parameter's name in REST's `params` (snake_case, as the spec writes it). */
  name: Scalars['String']['output'];
  /** Whether the spec requires it (a default may still fill it in). */
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
  /** Values are multiples of this; others snap to the nearest. */
  step?: Maybe<Scalars['Float']['output']>;
};

/** Parameters the model cannot take, each with its reason. */
export type InvalidParams = Error & {
  __typename?: 'InvalidParams';
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** Each parameter the model cannot take, with its reason. */
  issues: Array<ParamIssue>;
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
};

/** One key's spend on one UTC day. */
export type KeyDaySpend = {
  __typename?: 'KeyDaySpend';
  /** Requests accepted that day. */
  accepted: Scalars['Int']['output'];
  /** The key's daily limit in USD. */
  dailyLimitUsd: Scalars['Float']['output'];
  /** YYYY-MM-DD (UTC). */
  day: Scalars['String']['output'];
  /** The first request of the day refused for budget (ISO 8601). */
  exhaustedAt?: Maybe<Scalars['String']['output']>;
  /** The workload key's id. */
  key: Scalars['String']['output'];
  /** Requests refused that day because nothing fit the budget. */
  refusedBudget: Scalars['Int']['output'];
  /** Charged to this day, net of refunds. */
  spendUsd: Scalars['Float']['output'];
};

/** No API key with that id. */
export type KeyNotFound = Error & {
  __typename?: 'KeyNotFound';
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** What failed, in words for people (may change; match on `code`). */
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
  /** The spec's `duration` parameter of Kling 2.1 Pro. One of 5, 10; other values snap to the nearest. Default: 5. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `height` parameter of Kling 2.1 Pro. Default: 1080. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Kling 2.1 Pro. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Kling 2.1 Pro. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Kling 2.1 Pro. Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Kling 2.1 Pro. Default: 1920. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Kling 2.5 Turbo's `mode` parameter (REST sends the value each names). */
export type Kling25Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Kling 2.5 Turbo (kling-2.5). ~$0.03 per generation. */
export type Kling25Params = {
  /** The spec's `duration` parameter of Kling 2.5 Turbo. One of 5, 10; other values snap to the nearest. Default: 5. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `height` parameter of Kling 2.5 Turbo. Default: 1080. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Kling 2.5 Turbo. Default: "RESOLUTION_1080". */
  mode?: InputMaybe<Kling25Mode>;
  /** The spec's `prompt` parameter of Kling 2.5 Turbo. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Kling 2.5 Turbo. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Kling 2.5 Turbo. Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Kling 2.5 Turbo. Default: 1920. */
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
  /** The spec's `audio` parameter of Kling 2.6. */
  audio?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `duration` parameter of Kling 2.6. One of 5, 10; other values snap to the nearest. Default: 5. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `height` parameter of Kling 2.6. One of 1080, 1920, 1440, 0; other values snap to the nearest. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `motion_has_audio` parameter of Kling 2.6. Default: true. */
  motionHasAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `prompt` parameter of Kling 2.6. */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Kling 2.6. Default: 1. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  /** The spec's `start_frame` parameter of Kling 2.6. */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Kling 2.6. One of 1920, 1080, 1440, 0; other values snap to the nearest. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Kling 3.0 Video Gen's `mode` parameter (REST sends the value each names). */
export type Kling30Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080'
  /** `mode`: "RESOLUTION_2160". */
  | 'RESOLUTION_2160';

/** Typed parameters of Kling 3.0 Video Gen (kling-3.0). ~$0.03 per generation. */
export type Kling30Params = {
  /** Video duration in seconds (3-15s) One of 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; other values snap to the nearest. Default: 5. */
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Elements (characters/objects) to include. Reference in prompt as @Element1, @Element2. */
  elements?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** End frame image for frame interpolation. */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** Whether to generate native audio for the video. Default: true. */
  generateAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** Video height in pixels One of 1080, 1920, 1440, 720, 1280, 960, 0, 2160, 3840, 2880; other values snap to the nearest. Default: 1080. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Reference images for style/appearance. Reference in prompt as @Image1, @Image2, etc. */
  imageUrls?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video resolution mode. Default: "RESOLUTION_1080". */
  mode?: InputMaybe<Kling30Mode>;
  /** Text description for video generation. Can include dialogue, narration, sound effects, and ambient audio descriptions. */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Start frame image for image-to-video mode. Accepted formats: jpg, jpeg, png, webp, gif, avif. Max size: 10MB. */
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
  /** The spec's `end_frame` parameter of Kling Video O 1 Gen. */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** Video height in pixels (0 for auto) */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Additional reference images for guidance. */
  imageGuidance?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Whether to keep the original audio from the video. Defaults to false (matches Fal API default). Default: false. */
  keepAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `start_frame` parameter of Kling Video O 1 Gen. */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Video guidance for video-to-video editing. Maximum 1 video allowed. */
  videoGuidance?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels (0 for auto) */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Kling Video O 3 Gen's `mode` parameter (REST sends the value each names). */
export type KlingVideoO3Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080'
  /** `mode`: "RESOLUTION_2160". */
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
  /** Video resolution mode. Default: "RESOLUTION_1080". */
  mode?: InputMaybe<KlingVideoO3Mode>;
  /** Text description for video generation */
  prompt: Scalars['String']['input'];
  /** Number of videos to generate Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Start frame image for image-to-video generation */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Video guidance for video-to-video transformations. */
  videoGuidance?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Video width in pixels (0 for auto) */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** How long the upstream takes for one kind of output, at time scale 1. */
export type LatencyRangeInput = {
  /** Default: minSeconds (a fixed latency). */
  maxSeconds?: InputMaybe<Scalars['Float']['input']>;
  /** The shortest latency in seconds. */
  minSeconds: Scalars['Float']['input'];
  /** The kind of output this range applies to. */
  output: OutputKind;
};

/** Where simulated upstream latencies come from. */
export type LatencySource =
  /** As observed in this gateway's own FINISHED tasks of the output kind (the newest 2,000 accepted in the last 7 days, from the attempt's start to FINISHED); a kind with fewer than 20 keeps its range. */
  | 'OBSERVED'
  /** Uniform over the provider's `latency` range for the output kind (or the simulated provider's default). */
  | 'RANGE';

/** Which limit refused a request. */
export type LimitReason =
  /** Too many failed authentications from the client's address (GATEAI_AUTH_FAILURES_PER_MINUTE). Never a `RateLimited` member: such a request is answered HTTP 429 with Retry-After and a top-level error whose `extensions` are `{ code: "RATE_LIMITED", reason: "AUTH_FAILURES", retryAfterSeconds }`, before the document is read (over graphql-ws such a caller is anonymous: `Unauthorized`). */
  | 'AUTH_FAILURES'
  /** 5 generations of the key in flight. */
  | 'CONCURRENCY'
  /** 5 generation requests of the key in the last 30 s. */
  | 'WINDOW';

/** The values of LTXV 2 Fast Video Gen's `aspect_ratio` parameter (REST sends the value each names). */
export type Ltxv20FastAspectRatio =
  /** `aspect_ratio`: "9:16". */
  | 'RATIO_9_16'
  /** `aspect_ratio`: "16:9". */
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

/** The values of LTXV 2 Fast Video Gen's `resolution` parameter (REST sends the value each names). */
export type Ltxv20FastResolution =
  /** `resolution`: "1080p". */
  | 'P1080'
  /** `resolution`: "1440p". */
  | 'P1440'
  /** `resolution`: "2160p". */
  | 'P2160';

/** The values of LTXV 2 Pro Video Gen's `aspect_ratio` parameter (REST sends the value each names). */
export type Ltxv20ProAspectRatio =
  /** `aspect_ratio`: "9:16". */
  | 'RATIO_9_16'
  /** `aspect_ratio`: "16:9". */
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

/** The values of LTXV 2 Pro Video Gen's `resolution` parameter (REST sends the value each names). */
export type Ltxv20ProResolution =
  /** `resolution`: "1080p". */
  | 'P1080'
  /** `resolution`: "1440p". */
  | 'P1440'
  /** `resolution`: "2160p". */
  | 'P2160';

/** The values of LTX 2.0 Ultra's `mode` parameter (REST sends the value each names). */
export type Ltxv20UltraMode =
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080'
  /** `mode`: "RESOLUTION_1440". */
  | 'RESOLUTION_1440'
  /** `mode`: "RESOLUTION_2160". */
  | 'RESOLUTION_2160';

/** Typed parameters of LTX 2.0 Ultra (ltxv-2.0-ultra). ~$0.02 per generation. */
export type Ltxv20UltraParams = {
  /** The spec's `duration` parameter of LTX 2.0 Ultra. One of 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `height` parameter of LTX 2.0 Ultra. Default: 1080. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of LTX 2.0 Ultra. Default: "RESOLUTION_1080". */
  mode?: InputMaybe<Ltxv20UltraMode>;
  /** The spec's `prompt` parameter of LTX 2.0 Ultra. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of LTX 2.0 Ultra. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of LTX 2.0 Ultra. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of LTX 2.0 Ultra. Default: 1920. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of LTXV 2.3 Fast Video Gen's `aspect_ratio` parameter (REST sends the value each names). */
export type Ltxv23FastAspectRatio =
  /** `aspect_ratio`: "9:16". */
  | 'RATIO_9_16'
  /** `aspect_ratio`: "16:9". */
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

/** The values of LTXV 2.3 Fast Video Gen's `resolution` parameter (REST sends the value each names). */
export type Ltxv23FastResolution =
  /** `resolution`: "1080p". */
  | 'P1080'
  /** `resolution`: "1440p". */
  | 'P1440'
  /** `resolution`: "2160p". */
  | 'P2160';

/** The values of LTXV 2.3 Pro Video Gen's `aspect_ratio` parameter (REST sends the value each names). */
export type Ltxv23ProAspectRatio =
  /** `aspect_ratio`: "9:16". */
  | 'RATIO_9_16'
  /** `aspect_ratio`: "16:9". */
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

/** The values of LTXV 2.3 Pro Video Gen's `resolution` parameter (REST sends the value each names). */
export type Ltxv23ProResolution =
  /** `resolution`: "1080p". */
  | 'P1080'
  /** `resolution`: "1440p". */
  | 'P1440'
  /** `resolution`: "2160p". */
  | 'P2160';

/** The values of Cortex 1.5's `mode` parameter (REST sends the value each names). */
export type LucidOriginMode =
  /** `mode`: "FAST". */
  | 'FAST'
  /** `mode`: "ULTRA". */
  | 'ULTRA';

/** Typed parameters of Cortex 1.5 (lucid-origin). ~$0.00 per 1024×1024 image. */
export type LucidOriginParams = {
  /** How closely the model follows the prompt Default: 0. */
  guidanceScale?: InputMaybe<Scalars['Float']['input']>;
  /** The spec's `height` parameter of Cortex 1.5. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Image guidance configurations for StyleTransfer and LoraDepthMidas */
  imageGuidances?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Cortex 1.5. Default: "FAST". */
  mode?: InputMaybe<LucidOriginMode>;
  /** Number of denoising steps Default: 15. */
  numInferenceSteps?: InputMaybe<Scalars['Int']['input']>;
  /** The prompt to use for the generation */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Cortex 1.5. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Cortex 1.5. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Cortex 1.5. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Lucid Realism's `mode` parameter (REST sends the value each names). */
export type LucidRealismMode =
  /** `mode`: "FAST". */
  | 'FAST'
  /** `mode`: "ULTRA". */
  | 'ULTRA';

/** Typed parameters of Lucid Realism (lucid-realism). ~$0.00 per 1024×1024 image. */
export type LucidRealismParams = {
  /** The spec's `height` parameter of Lucid Realism. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Lucid Realism. Default: "FAST". */
  mode?: InputMaybe<LucidRealismMode>;
  /** The spec's `prompt` parameter of Lucid Realism. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Lucid Realism. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Lucid Realism. Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Lucid Realism. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Lucid Realism. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The dashboard, or Unauthorized. */
export type MeResult = Dashboard | Unauthorized;

/** A model of any section; every member implements AiModel. */
export type Model = ImageModel | ThreeDModel | VideoModel;

/** The section of the spec a model is listed under (REST `type`). */
export type ModelKind =
  /** The spec's image models (REST `image`). */
  | 'IMAGE'
  /** The spec's 3D models (REST `3d`). */
  | 'THREE_D'
  /** The spec's video models (REST `video`). */
  | 'VIDEO';

/** No model with that id. */
export type ModelNotFound = Error & {
  __typename?: 'ModelNotFound';
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
  /** The model id that was asked for. */
  model: Scalars['String']['output'];
  /** Close model ids, nearest first. */
  suggestions: Array<Scalars['String']['output']>;
};

/** A model that meets the need, at its cheapest parameters. */
export type ModelOption = {
  __typename?: 'ModelOption';
  /** USD at those parameters. */
  cost: Scalars['Float']['output'];
  /** The GenerateInput this answer priced, with the model's typed field (camelCase fields, enum value names): send it back to `generate(input:)` or `estimate(input:)` as it is. */
  input: Scalars['JSON']['output'];
  /** The model. */
  model: AiModel;
  /** True when the model needs a start frame (image-to-video only). */
  needsStartFrame: Scalars['Boolean']['output'];
  /** The cheapest parameters that meet the need. */
  params: Scalars['JSON']['output'];
};

/** Models that meet the need, cheapest first. */
export type ModelOptions = {
  __typename?: 'ModelOptions';
  /** Cheapest first. */
  options: Array<ModelOption>;
};

/** The model, or why there is none (every failure implements Error). */
export type ModelResult = ImageModel | InvalidParams | ModelNotFound | ThreeDModel | VideoModel;

/** One model's share of the workload. */
export type ModelSpend = {
  __typename?: 'ModelSpend';
  /** Accepted. */
  accepted: Scalars['Int']['output'];
  /** Accepted with a downgrade. */
  downgraded: Scalars['Int']['output'];
  /** The model id. */
  model: Scalars['String']['output'];
  /** Requests sent for this model. */
  requests: Scalars['Int']['output'];
  /** USD the downgrades saved. */
  savedUsd: Scalars['Float']['output'];
  /** USD charged, net of refunds. */
  spendUsd: Scalars['Float']['output'];
};

/** Today's spending on one model. */
export type ModelSpending = {
  __typename?: 'ModelSpending';
  /** USD, refunds deducted. */
  cost: Scalars['Float']['output'];
  /** The model id. */
  model: Scalars['String']['output'];
  /** Generations accepted today. */
  requests: Scalars['Int']['output'];
};

/** The model exists but this gateway cannot run it with its configuration (see AiModel.available); nothing was charged. */
export type ModelUnavailable = Error & {
  __typename?: 'ModelUnavailable';
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
  /** The model id that was asked for. */
  model: Scalars['String']['output'];
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

/** The values of Nano Banana 2's `output_format` parameter (REST sends the value each names). */
export type NanoBanana2OutputFormat =
  /** `output_format`: "jpeg". */
  | 'JPEG'
  /** `output_format`: "png". */
  | 'PNG';

/** Typed parameters of Nano Banana 2 (nano-banana-2). ~$0.03 per generation. */
export type NanoBanana2Params = {
  /** Height of the generated image One of 672, 768, 848, 896, 928, 1024, 1152, 1200, 1264, 1344, 1376, 1536, 1696, 1792, 1856, 2048, 2304, 2400, 2528, 2688, 2752, 3072, 3392, 3584, 3712, 4096, 4608, 4800, 5056, 5504; other values snap to the nearest. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `image_urls` parameter of Nano Banana 2. */
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
  /** What the output must be. */
  output: OutputKind;
  /** Outputs per request (default 1). */
  quantity?: InputMaybe<Scalars['Int']['input']>;
};

/** A number. */
export type NumberParam = ParamSpec & {
  __typename?: 'NumberParam';
  /** The value used when none is sent. Alias it when a selection also asks another member's `default` (see ParamSpec). */
  default?: Maybe<Scalars['Float']['output']>;
  /** The spec's description of it, as the spec prints it. */
  description?: Maybe<Scalars['String']['output']>;
  /** The largest value taken. */
  max?: Maybe<Scalars['Float']['output']>;
  /** The smallest value taken. */
  min?: Maybe<Scalars['Float']['output']>;
  /** The parameter's name in REST's `params` (snake_case, as the spec writes it). */
  name: Scalars['String']['output'];
  /** Whether the spec requires it (a default may still fill it in). */
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** One of a list of numbers (durations, sizes); other numbers snap to the nearest. */
export type NumericEnumParam = ParamSpec & {
  __typename?: 'NumericEnumParam';
  /** The number used when none is sent. Alias it when a selection also asks another member's `default` (see ParamSpec). */
  default?: Maybe<Scalars['Float']['output']>;
  /** The spec's description of it, as the spec prints it. */
  description?: Maybe<Scalars['String']['output']>;
  /** The parameter's name in REST's `params` (snake_case, as the spec writes it). */
  name: Scalars['String']['output'];
  /** Whether the spec requires it (a default may still fill it in). */
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
  /** The numbers taken. Alias it when a selection also asks another member's `values` (see ParamSpec). */
  values: Array<Scalars['Float']['output']>;
};

/** What a generation produces (a few video-section models produce images). */
export type OutputKind =
  /** Image files (PNG, or JPEG when asked). */
  | 'IMAGE'
  /** A 3D model (.glb) and a preview image. */
  | 'THREE_D'
  /** Video files. */
  | 'VIDEO';

/** Where a page of tasks ends. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last task's cursor: `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether older tasks follow. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** One parameter the model cannot take. */
export type ParamIssue = {
  __typename?: 'ParamIssue';
  /** The parameter's name, as REST's `params` spells it. */
  field: Scalars['String']['output'];
  /** Why it cannot be taken, e.g. the allowed values. */
  reason: Scalars['String']['output'];
};

/** One parameter of a model, as the spec documents it. Its members name `values` and `default` with different types (`values` is [String!]! on EnumParam and [Float!]! on NumericEnumParam; `default` is String, Float, Boolean or JSON), so a selection of several members must alias them or it fails validation: `... on EnumParam { names: values nameDefault: default } ... on NumericEnumParam { numbers: values numberDefault: default } ... on BooleanParam { booleanDefault: default }`. */
export type ParamSpec = {
  /** The spec's description of it, as the spec prints it. */
  description?: Maybe<Scalars['String']['output']>;
  /** The parameter's name in REST's `params` (snake_case, as the spec writes it). */
  name: Scalars['String']['output'];
  /** Whether the spec requires it (a default may still fill it in). */
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** The plan, or why there is none. */
export type PlanResult = BudgetPlan | InvalidParams | Unauthorized;

/** One request of a plan, as generate would run it at that point of the budget. */
export type PlanStep = {
  __typename?: 'PlanStep';
  /** What was changed: normalization, then the budget downgrade. */
  adjustments: Array<Adjustment>;
  /** USD charged by this step (after any downgrade). */
  cost?: Maybe<Scalars['Float']['output']>;
  /** Why the step would be refused (charging nothing); null when it runs. */
  error?: Maybe<Error>;
  /** Its position in `requests`, from 0. */
  index: Scalars['Int']['output'];
  /** The GenerateInput this answer priced, with the model's typed field (camelCase fields, enum value names): send it back to `generate(input:)` or `estimate(input:)` as it is. Null when the step failed. */
  input?: Maybe<Scalars['JSON']['output']>;
  /** The model id. */
  model: Scalars['String']['output'];
  /** The parameters that would run (REST's shape); null when the step failed. */
  params?: Maybe<Scalars['JSON']['output']>;
  /** USD of the budget left after this step. */
  remainingAfter: Scalars['Float']['output'];
  /** USD of the request as asked, before any downgrade. */
  requestedCost?: Maybe<Scalars['Float']['output']>;
};

/** Health of the upstream account pool. */
export type Pool = {
  __typename?: 'Pool';
  /** Accounts resting after repeated failures. */
  locked: Scalars['Int']['output'];
  /** Upstream accounts; each runs one generation at a time. */
  totalAccounts: Scalars['Int']['output'];
  /** The same per vendor, in the pool's order (fal, Replicate, OpenAI), when the accounts are vendor keys; empty when the pool is simulated or a GateAI-compatible upstream's. */
  vendors: Array<VendorPool>;
};

/** The price table, or why there is none. */
export type PriceAcrossResult = InvalidParams | ModelNotFound | PriceTable;

/** The price of the request with one value of the `across` parameter. */
export type PricePoint = {
  __typename?: 'PricePoint';
  /** What normalization changed for this value. */
  adjustments: Array<Adjustment>;
  /** USD; null when this value is invalid (see error). */
  cost?: Maybe<Scalars['Float']['output']>;
  /** Why this value cannot be priced; null when it can. */
  error?: Maybe<Error>;
  /** The GenerateInput this answer priced, with the model's typed field (camelCase fields, enum value names): send it back to `generate(input:)` or `estimate(input:)` as it is. Null when this value is invalid. */
  input?: Maybe<Scalars['JSON']['output']>;
  /** The parameters priced (REST's shape); null when this value is invalid. */
  params?: Maybe<Scalars['JSON']['output']>;
  /** The value of the `across` parameter priced. */
  value: Scalars['JSON']['output'];
};

/** Prices across the `across` values, with one value of `by` held fixed. */
export type PriceSeries = {
  __typename?: 'PriceSeries';
  /** The value of the `by` parameter held fixed. */
  by?: Maybe<Scalars['JSON']['output']>;
  /** One price per value of `across`, in its order. */
  points: Array<PricePoint>;
};

/** Prices of one request across the values of a parameter, optionally once per value of another. */
export type PriceTable = {
  __typename?: 'PriceTable';
  /** The parameter whose values are priced. */
  across: Scalars['String']['output'];
  /** The parameter held fixed per series; null without `by`. */
  by?: Maybe<Scalars['String']['output']>;
  /** One series per value of `by` (one series without it). */
  series: Array<PriceSeries>;
};

/** The prompt is over 1,500 characters. */
export type PromptTooLong = Error & {
  __typename?: 'PromptTooLong';
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** Characters in the prompt sent. */
  length: Scalars['Int']['output'];
  /** Characters a prompt may have. */
  max: Scalars['Int']['output'];
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
};

/** More outputs than 8 or than the model allows. */
export type QuantityTooHigh = Error & {
  __typename?: 'QuantityTooHigh';
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** Outputs this model makes at most per request. */
  max: Scalars['Int']['output'];
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
  /** Outputs asked for. */
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
  /** Simulates a workload through this gateway's rules (budget, downgrade, limits, pool, clocks). Charges nothing. */
  simulate: SimulateResult;
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
export type QuerySimulateArgs = {
  workload: WorkloadInput;
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
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
  /** Which limit refused the request. */
  reason: LimitReason;
  /** Seconds until a retry can pass this limit (REST's Retry-After). */
  retryAfterSeconds: Scalars['Int']['output'];
};

/** A request exactly as REST takes it. */
export type RawGenerationInput = {
  /** A model id; empty is InvalidParams (REST: 400). */
  model: Scalars['String']['input'];
  /** The parameters as REST's `params` takes them (snake_case names, values as the spec writes them). */
  params?: InputMaybe<Scalars['JSON']['input']>;
};

/** Typed parameters of Recraft V4 (recraft-v4). ~$0.02 per generation. */
export type RecraftV4Params = {
  /** The spec's `height` parameter of Recraft V4. One of 768, 832, 896, 1024, 1152, 1216, 1280, 1344, 1536; other values snap to the nearest. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Recraft V4. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Recraft V4. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Recraft V4. Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Recraft V4. One of 768, 832, 896, 1024, 1152, 1216, 1280, 1344, 1536; other values snap to the nearest. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Recraft V4 Pro (recraft-v4-pro). ~$0.10 per generation. */
export type RecraftV4ProParams = {
  /** The spec's `height` parameter of Recraft V4 Pro. One of 1536, 1664, 1792, 2048, 2304, 2432, 2560, 2688, 3072; other values snap to the nearest. Default: 2048. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Recraft V4 Pro. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Recraft V4 Pro. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Recraft V4 Pro. Default: 4. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Recraft V4 Pro. One of 1536, 1664, 1792, 2048, 2304, 2432, 2560, 2688, 3072; other values snap to the nearest. Default: 2048. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** A media reference: an https URL, a data: URI or an upload id. */
export type ReferenceParam = ParamSpec & {
  __typename?: 'ReferenceParam';
  /** The spec's description of it, as the spec prints it. */
  description?: Maybe<Scalars['String']['output']>;
  /** The parameter's name in REST's `params` (snake_case, as the spec writes it). */
  name: Scalars['String']['output'];
  /** Whether the spec requires it (a default may still fill it in). */
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** What the simulated client does with a RATE_LIMITED answer. */
export type RefusalBehaviour =
  /** A request refused RATE_LIMITED is given up. */
  | 'DROP'
  /** A request refused RATE_LIMITED is sent again after Retry-After, at most `maxRetries` times. */
  | 'RETRY';

/** One size a model makes. */
export type Resolution = {
  __typename?: 'Resolution';
  /** Pixels. */
  height: Scalars['Int']['output'];
  /** The size as the spec names it, e.g. "1024x1024" or "16:9". */
  label: Scalars['String']['output'];
  /** The size group it is listed under, if any. */
  tier?: Maybe<SizeTier>;
  /** Pixels. */
  width: Scalars['Int']['output'];
};

/** The values of Rodin V2's `material` parameter (REST sends the value each names). */
export type RodinV2Material =
  /** `material`: "All". */
  | 'ALL'
  /** `material`: "PBR". */
  | 'PBR'
  /** `material`: "Shaded". */
  | 'SHADED';

/** The values of Rodin V2's `mesh_mode` parameter (REST sends the value each names). */
export type RodinV2MeshMode =
  /** `mesh_mode`: "Quad". */
  | 'QUAD'
  /** `mesh_mode`: "Triangle". */
  | 'TRIANGLE';

/** Typed parameters of Rodin V2 (rodin-v2). ~$0.16 per generation. */
export type RodinV2Params = {
  /** Bounding box dimensions as [width, height, length] integers to constrain the generated model size */
  boundingBox?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Material mode for the generated mesh Default: "All". */
  material?: InputMaybe<RodinV2Material>;
  /** Type of faces in the generated mesh. Default: "Triangle". */
  meshMode?: InputMaybe<RodinV2MeshMode>;
  /** Generation quality level. Default: "high". */
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

/** The values of Rodin V2's `quality` parameter (REST sends the value each names). */
export type RodinV2Quality =
  /** `quality`: "extra_low". */
  | 'EXTRA_LOW'
  /** `quality`: "high". */
  | 'HIGH'
  /** `quality`: "low". */
  | 'LOW'
  /** `quality`: "medium". */
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

/** The values of Seedance 2.0 Fast Video Gen's `mode` parameter (REST sends the value each names). */
export type Seedance20FastMode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
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
  /** Reference audio files for R2V generation (1-3 files, combined ≤15s). Refer to them as @Audio1, @Audio2, etc. */
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

/** The values of Seedance 2.0 Video Gen's `mode` parameter (REST sends the value each names). */
export type Seedance20Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
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
  /** Reference audio files for R2V generation (1-3 files, combined ≤15s). Refer to them as @Audio1, @Audio2, etc. */
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
  /** The spec's `height` parameter of Seedream 4.0 Image. Default: 1024. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Seedream 4.0 Image. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Seedream 4.0 Image. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Seedream 4.0 Image. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Seedream 4.0 Image. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Seedream 4.0 Image. Default: 1024. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Typed parameters of Seedream 4.5 Image (seedream-4.5). ~$0.01 per generation. */
export type Seedream45Params = {
  /** The spec's `height` parameter of Seedream 4.5 Image. Default: 2048. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Seedream 4.5 Image. */
  prompt: Scalars['String']['input'];
  /** The spec's `prompt_enhance` parameter of Seedream 4.5 Image. */
  promptEnhance?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `quantity` parameter of Seedream 4.5 Image. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Seedream 4.5 Image. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Seedream 4.5 Image. Default: 2048. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** One step of the time series. */
export type SeriesPoint = {
  __typename?: 'SeriesPoint';
  /** Requests accepted in the step. */
  accepted: Scalars['Int']['output'];
  /** The step's start (ISO 8601). */
  at: Scalars['String']['output'];
  /** The most tasks queued or processing at once in the step. */
  inFlight: Scalars['Int']['output'];
  /** The most tasks queued at once in the step. */
  queueDepth: Scalars['Int']['output'];
  /** Requests refused in the step (any reason). */
  refused: Scalars['Int']['output'];
  /** Net charged in the step. */
  spendUsd: Scalars['Float']['output'];
};

/** The width of one point of the time series. */
export type SeriesStep =
  /** One point an hour (the default beyond 24 hours). */
  | 'HOUR'
  /** One point a minute (the default up to 24 hours). */
  | 'MINUTE';

/** The simulation's report, or why it was refused. */
export type SimulateResult = InvalidParams | ModelNotFound | ModelUnavailable | PromptTooLong | QuantityTooHigh | RateLimited | SimulationReport | Unauthorized;

/** The upstream the simulation assumes: pool, latencies, failures. */
export type SimulatedProviderInput = {
  /** The share of attempts that fail (0 to 1; default 0). */
  failureRate?: InputMaybe<Scalars['Float']['input']>;
  /** Per output kind; default: the simulated provider's (images 10-30 s, videos 60-300 s, 3D 30-120 s). */
  latency?: InputMaybe<Array<LatencyRangeInput>>;
  /** RANGE (default): the `latency` ranges; OBSERVED: this gateway's finished tasks, the ranges for a kind with too few. */
  latencyFrom?: InputMaybe<LatencySource>;
  /** Upstream attempts per task before it fails (default: the task driver's). */
  maxAttempts?: InputMaybe<Scalars['Int']['input']>;
  /** Upstream accounts (default: this gateway's). */
  poolSize?: InputMaybe<Scalars['Int']['input']>;
  /** The share of attempts that never answer (0 to 1; default 0). */
  stallRate?: InputMaybe<Scalars['Float']['input']>;
};

/** The latency one output kind's simulated attempts were drawn from, in seconds at time scale 1. */
export type SimulationLatency = {
  __typename?: 'SimulationLatency';
  /** The longest latency drawn from. */
  maxSeconds: Scalars['Float']['output'];
  /** The median latency drawn from. */
  medianSeconds: Scalars['Float']['output'];
  /** The shortest latency drawn from. */
  minSeconds: Scalars['Float']['output'];
  /** FINISHED tasks of this kind observed (0 unless OBSERVED was asked); below 20 the range was used. */
  observedTasks: Scalars['Int']['output'];
  /** The output kind. */
  output: OutputKind;
  /** A range, or this gateway's observed tasks. */
  source: LatencySource;
};

/** What the workload's day(s) would spend, downgrade, refuse and wait; the first replication in full, every total's band over all. */
export type SimulationReport = {
  __typename?: 'SimulationReport';
  /** Each total's p5/p50/p95 over the replications. */
  bands: Array<TotalBand>;
  /** From acceptance to FINISHED (failed tasks are in the totals, not here). */
  completionSeconds: DurationPercentiles;
  /** How many hours were simulated. */
  horizonHours: Scalars['Float']['output'];
  /** Spend per key per UTC day, and when each budget ran out. */
  keyDays: Array<KeyDaySpend>;
  /** By output kind: the latency distribution the attempts were drawn from. */
  latency: Array<SimulationLatency>;
  /** The breakdown per model. */
  models: Array<ModelSpend>;
  /** How long accepted tasks waited for an upstream account. */
  queueWaitSeconds: DurationPercentiles;
  /** How many times the workload was run (with different random draws). */
  replications: Scalars['Int']['output'];
  /** The seed used: send it again for the same answer. */
  seed: Scalars['Int']['output'];
  /** The time series (spend, in flight, queue depth, accepted, refused). */
  series: SimulationSeries;
  /** The simulated start (ISO 8601). */
  start: Scalars['String']['output'];
  /** The first replication's totals. */
  totals: SimulationTotals;
};

/** The workload over time, for a chart. */
export type SimulationSeries = {
  __typename?: 'SimulationSeries';
  /** One point per step, in time order. */
  points: Array<SeriesPoint>;
  /** The width of each point. */
  step: SeriesStep;
};

/** What happened to the workload's requests, counted over the whole horizon. */
export type SimulationTotals = {
  __typename?: 'SimulationTotals';
  /** Accepted and charged. */
  accepted: Scalars['Int']['output'];
  /** HTTP calls: requests and client retries. */
  calls: Scalars['Int']['output'];
  /** Accepted with a downgrade to fit the day's budget. */
  downgraded: Scalars['Int']['output'];
  /** FAILED (out of attempts, or the 40-minute limit); refunded. */
  failed: Scalars['Int']['output'];
  /** FINISHED. */
  finished: Scalars['Int']['output'];
  /** RATE_LIMITED answers, client retries included. */
  rateLimitedCalls: Scalars['Int']['output'];
  /** Charges given back (20-minute refund or failure). */
  refunded: Scalars['Int']['output'];
  /** USD. Given back. */
  refundedUsd: Scalars['Float']['output'];
  /** Refused: nothing fits the day's remaining budget. */
  refusedBudget: Scalars['Int']['output'];
  /** Refused in the end: 5 in flight. */
  refusedConcurrency: Scalars['Int']['output'];
  /** Refused in the end: 5 in 30 s. */
  refusedWindow: Scalars['Int']['output'];
  /** Requests the streams sent (a client's retry is the same request). */
  requests: Scalars['Int']['output'];
  /** Upstream attempts that failed and were queued again. */
  retriedAttempts: Scalars['Int']['output'];
  /** USD. What the downgrades saved against the requests as asked. */
  savedUsd: Scalars['Float']['output'];
  /** USD. Charged minus refunded. */
  spendUsd: Scalars['Float']['output'];
  /** FAILED at the 40-minute limit. */
  timedOut: Scalars['Int']['output'];
};

/** The size groups of a model's resolution table, as the spec names them. */
export type SizeTier =
  /** The spec's large sizes. */
  | 'Large'
  /** The spec's medium sizes. */
  | 'Medium'
  /** The spec's small sizes. */
  | 'Small';

/** Typed parameters of Sora 2 (sora-2). ~$0.04 per generation. */
export type Sora2Params = {
  /** The spec's `duration` parameter of Sora 2. One of 4, 8, 12; other values snap to the nearest. Default: 4. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `height` parameter of Sora 2. One of 720, 1280; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `prompt` parameter of Sora 2. */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Sora 2. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `start_frame` parameter of Sora 2. */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Sora 2. One of 1280, 720; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Sora 2 Pro's `mode` parameter (REST sends the value each names). */
export type Sora2ProMode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Sora 2 Pro (sora-2-pro). ~$0.12 per generation. */
export type Sora2ProParams = {
  /** The spec's `duration` parameter of Sora 2 Pro. One of 4, 8, 12; other values snap to the nearest. Default: 4. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `height` parameter of Sora 2 Pro. One of 720, 1280, 1024, 1792; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Sora 2 Pro. Default: "RESOLUTION_720". */
  mode?: InputMaybe<Sora2ProMode>;
  /** The spec's `prompt` parameter of Sora 2 Pro. */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Sora 2 Pro. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `start_frame` parameter of Sora 2 Pro. */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Sora 2 Pro. One of 1280, 720, 1024, 1792; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Text. */
export type StringParam = ParamSpec & {
  __typename?: 'StringParam';
  /** The text used when none is sent. Alias it when a selection also asks another member's `default` (see ParamSpec). */
  default?: Maybe<Scalars['String']['output']>;
  /** The spec's description of it, as the spec prints it. */
  description?: Maybe<Scalars['String']['output']>;
  /** Most characters taken. */
  maxLength?: Maybe<Scalars['Int']['output']>;
  /** Fewest characters taken. */
  minLength?: Maybe<Scalars['Int']['output']>;
  /** The parameter's name in REST's `params` (snake_case, as the spec writes it). */
  name: Scalars['String']['output'];
  /** Whether the spec requires it (a default may still fill it in). */
  required: Scalars['Boolean']['output'];
  /** The type column as the spec prints it. */
  specType: Scalars['String']['output'];
};

/** Live task status and dashboards (graphql-ws on /graphql, or SSE). */
export type Subscription = {
  __typename?: 'Subscription';
  /** The caller's dashboard (budget, slots, tasks): now, then after every change. A key revoked while subscribed ends the subscription with a top-level error (`extensions` `{ code: "UNAUTHORIZED", reason: "KEY_REVOKED" }`), not an `Unauthorized` member. */
  meUpdated: MeResult;
  /** Every change to any of the caller's tasks, as it happens. A key revoked while subscribed ends the subscription with a top-level error (`extensions` `{ code: "UNAUTHORIZED", reason: "KEY_REVOKED" }`), not an `Unauthorized` member; so does a client that leaves 1,000 events unread (`{ code: "SUBSCRIBER_TOO_SLOW" }`: subscribe again). */
  myTasks: TaskUpdateResult;
  /** Every transition of one of the caller's tasks: first its current state at once, then each change; ends after FINISHED or FAILED. A key revoked while subscribed ends the subscription with a top-level error (`extensions` `{ code: "UNAUTHORIZED", reason: "KEY_REVOKED" }`), not an `Unauthorized` member; so does a client that leaves 1,000 events unread (`{ code: "SUBSCRIBER_TOO_SLOW" }`: subscribe again). */
  taskUpdated: TaskUpdateResult;
};


/** Live task status and dashboards (graphql-ws on /graphql, or SSE). */
export type SubscriptionTaskUpdatedArgs = {
  id: Scalars['ID']['input'];
};

/** What generate would run within today's budget. */
export type SuggestedRequest = {
  __typename?: 'SuggestedRequest';
  /** The budget downgrade that would apply. */
  adjustments: Array<Adjustment>;
  /** USD it would cost. */
  cost: Scalars['Float']['output'];
  /** The GenerateInput this answer priced, with the model's typed field (camelCase fields, enum value names): send it back to `generate(input:)` or `estimate(input:)` as it is. */
  input: Scalars['JSON']['output'];
  /** The parameters that would run (REST's shape). */
  params: Scalars['JSON']['output'];
};

/** A generation: created QUEUED or PROCESSING, then FINISHED with results or FAILED with an error. */
export type Task = {
  __typename?: 'Task';
  /** What was changed from the request (snapping, budget downgrade). */
  adjustments: Array<Adjustment>;
  /** Upstream attempts started (a retryable failure tries again, up to 3). */
  attempts: Scalars['Int']['output'];
  /** USD charged when accepted, before any refund. */
  chargedCost: Scalars['Float']['output'];
  /** USD charged for this task (0 once refunded). */
  cost: Scalars['Float']['output'];
  /** When it was accepted (and charged). */
  createdAt: Scalars['DateTime']['output'];
  /** Why it failed (FAILED only). */
  error?: Maybe<Scalars['String']['output']>;
  /** When it became FINISHED or FAILED. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** 3D models (.glb), for 3D tasks. */
  glbUrls: Array<Scalars['String']['output']>;
  /** Unfinished by then: FAILED (40 min). */
  hardDeadlineAt: Scalars['DateTime']['output'];
  /** The task id (REST's task_id). */
  id: Scalars['ID']['output'];
  /** The model id it runs on. */
  model: Scalars['String']['output'];
  /** What its result files hold. */
  output: OutputKind;
  /** The parameters that ran. */
  params: Scalars['JSON']['output'];
  /** 0 to 1, a fraction (progressPercent is the same on REST's 0 to 100 scale). */
  progress: Scalars['Float']['output'];
  /** 0 to 100, as REST's `progress` (GET /get/{id}). */
  progressPercent: Scalars['Int']['output'];
  /** Unfinished by then: refunded automatically (20 min). */
  refundAt: Scalars['DateTime']['output'];
  /** True once its charge was given back (it failed, or was unfinished at refundAt). */
  refunded: Scalars['Boolean']['output'];
  /** The parameters as sent. */
  requestParams: Scalars['JSON']['output'];
  /** Absolute URLs of the outputs (previews for 3D). */
  result: Array<Scalars['String']['output']>;
  /** The concurrency slot frees itself by then (10 min). */
  slotReleaseAt: Scalars['DateTime']['output'];
  /** When its current attempt started on an upstream account. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where it is now. */
  status: TaskStatus;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of tasks, newest first. */
export type TaskConnection = {
  __typename?: 'TaskConnection';
  /** The page's tasks with their cursors. */
  edges: Array<TaskEdge>;
  /** The page's tasks, newest first. */
  nodes: Array<Task>;
  /** Whether more follow, and from where. */
  pageInfo: PageInfo;
};

/** A task of a page, with its cursor. */
export type TaskEdge = {
  __typename?: 'TaskEdge';
  /** Pass as `after` for the tasks after this one. */
  cursor: Scalars['String']['output'];
  /** The task. */
  node: Task;
};

/** What changed. The first update of `taskUpdated` repeats the current state (QUEUED, PROCESSING, FINISHED or FAILED). */
export type TaskEventType =
  /** Failed for good; its charge was refunded. */
  | 'FAILED'
  /** Done: result URLs are in the task. */
  | 'FINISHED'
  /** Started on an upstream account. */
  | 'PROCESSING'
  /** Progress moved (steps of 10%). */
  | 'PROGRESS'
  /** Accepted and waiting for an upstream account (also after a retryable failure). */
  | 'QUEUED'
  /** Unfinished at its refund deadline: charge given back, generation goes on. */
  | 'REFUNDED';

/** No task with that id for this key. */
export type TaskNotFound = Error & {
  __typename?: 'TaskNotFound';
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
  /** The task id that was asked for. */
  taskId: Scalars['ID']['output'];
};

/** The task, or why not (every failure implements Error). */
export type TaskResult = Task | TaskNotFound | Unauthorized;

/** Where a task is: QUEUED, PROCESSING, then FINISHED or FAILED (as REST's `status`). */
export type TaskStatus =
  /** Generation failed (charged cost refunded). */
  | 'FAILED'
  /** Done, result URLs available. */
  | 'FINISHED'
  /** Generation in progress. */
  | 'PROCESSING'
  /** Waiting for a free upstream account. */
  | 'QUEUED';

/** One change of a task, with the task after it. */
export type TaskUpdate = {
  __typename?: 'TaskUpdate';
  /** The task after the change. */
  task: Task;
  /** What changed. */
  type: TaskEventType;
};

/** A change of the task, or why it cannot be watched. */
export type TaskUpdateResult = TaskNotFound | TaskUpdate | Unauthorized;

/** A page of tasks, or Unauthorized. */
export type TasksResult = TaskConnection | Unauthorized;

/** A model of the spec's 3D section. */
export type ThreeDModel = AiModel & {
  __typename?: 'ThreeDModel';
  /** Whether this gateway runs the model now (at a configured vendor, or simulated). */
  available: Scalars['Boolean']['output'];
  /** The spec's cost line, e.g. "~$0.02 per generation". */
  costSummary: Scalars['String']['output'];
  /** USD for the model's example request, as the engine prices it. */
  defaultCost: Scalars['Float']['output'];
  /** Width/height bounds, for models whose size is a range. */
  dimensionRange?: Maybe<DimensionRange>;
  /** The spec's example request body. */
  example: Scalars['JSON']['output'];
  /** The model id, as REST's `model` takes it, e.g. "gpt-image-2". */
  id: Scalars['ID']['output'];
  /** The field of GenerateInput that takes this model's typed parameters, e.g. "veo31FastGenerate001" for veo-3.1-fast-generate-001. */
  inputField: Scalars['String']['output'];
  /** The spec's section it is listed under. */
  kind: ModelKind;
  /** Outputs it makes at most per request. */
  maxQuantity: Scalars['Int']['output'];
  /** The model's name, as the spec writes it. */
  name: Scalars['String']['output'];
  /** What it produces. */
  output: OutputKind;
  /** Every parameter it takes, with types, bounds and defaults. */
  params: Array<ParamSpec>;
  /** The names of the parameters the spec requires. */
  requiredParams: Array<Scalars['String']['output']>;
  /** The parameter that picks the resolution tier (mode, resolution). */
  resolutionParam?: Maybe<Scalars['String']['output']>;
  /** Its values, lowest first. */
  resolutionTiers: Array<Scalars['String']['output']>;
  /** Valid sizes (every tier), when the model has a table. */
  resolutions: Array<Resolution>;
  /** Where it runs: "fal", "replicate", "openai" or "simulation"; null when nothing runs it (or a GateAI-compatible upstream does). */
  vendor?: Maybe<Scalars['String']['output']>;
};

/** One total across the replications (USD for the *Usd totals). */
export type TotalBand = {
  __typename?: 'TotalBand';
  /** The total's field name in SimulationTotals. */
  name: Scalars['String']['output'];
  /** 5th percentile over the replications. */
  p5: Scalars['Float']['output'];
  /** Median over the replications. */
  p50: Scalars['Float']['output'];
  /** 95th percentile over the replications. */
  p95: Scalars['Float']['output'];
};

/** No valid API key (Authorization: Bearer sk-...). */
export type Unauthorized = Error & {
  __typename?: 'Unauthorized';
  /** What failed, as a stable code (the REST API's `code`). */
  code: ErrorCode;
  /** What failed, in words for people (may change; match on `code`). */
  message: Scalars['String']['output'];
};

/** The pool's accounts at one vendor (one account per configured key), as REST's `pool.vendors.<vendor>`. */
export type VendorPool = {
  __typename?: 'VendorPool';
  /** This vendor's accounts resting after repeated failures. */
  locked: Scalars['Int']['output'];
  /** This vendor's accounts; each runs one generation at a time. */
  totalAccounts: Scalars['Int']['output'];
  /** The vendor: "fal", "replicate" or "openai" (as AiModel.vendor names it). */
  vendor: Scalars['String']['output'];
};

/** The values of Veo 3 Fast's `mode` parameter (REST sends the value each names). */
export type Veo30FastGenerate001Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Veo 3 Fast (veo-3.0-fast-generate-001). ~$0.06 per generation. */
export type Veo30FastGenerate001Params = {
  /** The spec's `duration` parameter of Veo 3 Fast. One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `height` parameter of Veo 3 Fast. One of 720, 1280, 1080, 1920; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Veo 3 Fast. Default: "RESOLUTION_720". */
  mode?: InputMaybe<Veo30FastGenerate001Mode>;
  /** The spec's `negative_prompt` parameter of Veo 3 Fast. */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `prompt` parameter of Veo 3 Fast. */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Veo 3 Fast. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Veo 3 Fast. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** The spec's `start_frame` parameter of Veo 3 Fast. */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Veo 3 Fast. One of 1280, 720, 1920, 1080; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Veo 3's `mode` parameter (REST sends the value each names). */
export type Veo30Generate001Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Veo 3 (veo-3.0-generate-001). ~$0.13 per generation. */
export type Veo30Generate001Params = {
  /** The spec's `duration` parameter of Veo 3. One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `height` parameter of Veo 3. One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Veo 3. Default: "RESOLUTION_720". */
  mode?: InputMaybe<Veo30Generate001Mode>;
  /** The spec's `negative_prompt` parameter of Veo 3. */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `prompt` parameter of Veo 3. */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Veo 3. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Veo 3. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** The spec's `start_frame` parameter of Veo 3. */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Veo 3. One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Veo 3.1 Fast's `mode` parameter (REST sends the value each names). */
export type Veo31FastGenerate001Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080'
  /** `mode`: "RESOLUTION_2160". */
  | 'RESOLUTION_2160';

/** Typed parameters of Veo 3.1 Fast (veo-3.1-fast-generate-001). ~$0.04 per generation. */
export type Veo31FastGenerate001Params = {
  /** The spec's `audio` parameter of Veo 3.1 Fast. */
  audio?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `duration` parameter of Veo 3.1 Fast. One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `end_frame` parameter of Veo 3.1 Fast. */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `height` parameter of Veo 3.1 Fast. One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Veo 3.1 Fast. Default: "RESOLUTION_720". */
  mode?: InputMaybe<Veo31FastGenerate001Mode>;
  /** The spec's `motion_has_audio` parameter of Veo 3.1 Fast. Default: true. */
  motionHasAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `negative_prompt` parameter of Veo 3.1 Fast. */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `prompt` parameter of Veo 3.1 Fast. */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Veo 3.1 Fast. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Veo 3.1 Fast. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** The spec's `start_frame` parameter of Veo 3.1 Fast. */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Veo 3.1 Fast. One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Veo 3.1's `mode` parameter (REST sends the value each names). */
export type Veo31Generate001Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080'
  /** `mode`: "RESOLUTION_2160". */
  | 'RESOLUTION_2160';

/** Typed parameters of Veo 3.1 (veo-3.1-generate-001). ~$0.08 per generation. */
export type Veo31Generate001Params = {
  /** The spec's `audio` parameter of Veo 3.1. */
  audio?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `duration` parameter of Veo 3.1. One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `end_frame` parameter of Veo 3.1. */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `height` parameter of Veo 3.1. One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Veo 3.1. Default: "RESOLUTION_720". */
  mode?: InputMaybe<Veo31Generate001Mode>;
  /** The spec's `motion_has_audio` parameter of Veo 3.1. Default: true. */
  motionHasAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `negative_prompt` parameter of Veo 3.1. */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `prompt` parameter of Veo 3.1. */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Veo 3.1. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Veo 3.1. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** The spec's `start_frame` parameter of Veo 3.1. */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Veo 3.1. One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** The values of Veo 3.1 Lite's `mode` parameter (REST sends the value each names). */
export type Veo31LiteMode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Veo 3.1 Lite (veo-3.1-lite). ~$0.02 per generation. */
export type Veo31LiteParams = {
  /** The spec's `audio` parameter of Veo 3.1 Lite. */
  audio?: InputMaybe<Scalars['JSON']['input']>;
  /** The spec's `duration` parameter of Veo 3.1 Lite. One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `end_frame` parameter of Veo 3.1 Lite. */
  endFrame?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `height` parameter of Veo 3.1 Lite. One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 720. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** Upload ids (POST /api/upload) as images references. */
  images?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `mode` parameter of Veo 3.1 Lite. Default: "RESOLUTION_720". */
  mode?: InputMaybe<Veo31LiteMode>;
  /** The spec's `motion_has_audio` parameter of Veo 3.1 Lite. Default: true. */
  motionHasAudio?: InputMaybe<Scalars['Boolean']['input']>;
  /** The spec's `negative_prompt` parameter of Veo 3.1 Lite. */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** The spec's `prompt` parameter of Veo 3.1 Lite. */
  prompt: Scalars['String']['input'];
  /** The spec's `quantity` parameter of Veo 3.1 Lite. Default: 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** The spec's `seed` parameter of Veo 3.1 Lite. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /** The spec's `start_frame` parameter of Veo 3.1 Lite. */
  startFrame?: InputMaybe<Scalars['String']['input']>;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The spec's `width` parameter of Veo 3.1 Lite. One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 1280. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** A model of the spec's video section. */
export type VideoModel = AiModel & {
  __typename?: 'VideoModel';
  /** Whether this gateway runs the model now (at a configured vendor, or simulated). */
  available: Scalars['Boolean']['output'];
  /** The spec's cost line, e.g. "~$0.02 per generation". */
  costSummary: Scalars['String']['output'];
  /** USD for the model's example request, as the engine prices it. */
  defaultCost: Scalars['Float']['output'];
  /** Width/height bounds, for models whose size is a range. */
  dimensionRange?: Maybe<DimensionRange>;
  /** The parameter that sets the duration (e.g. duration, seconds), if any. */
  durationParam?: Maybe<Scalars['String']['output']>;
  /** Allowed durations in seconds (empty when the model has no duration). */
  durations: Array<Scalars['Int']['output']>;
  /** The spec's example request body. */
  example: Scalars['JSON']['output'];
  /** The model id, as REST's `model` takes it, e.g. "gpt-image-2". */
  id: Scalars['ID']['output'];
  /** The field of GenerateInput that takes this model's typed parameters, e.g. "veo31FastGenerate001" for veo-3.1-fast-generate-001. */
  inputField: Scalars['String']['output'];
  /** The spec's section it is listed under. */
  kind: ModelKind;
  /** Outputs it makes at most per request. */
  maxQuantity: Scalars['Int']['output'];
  /** The model's name, as the spec writes it. */
  name: Scalars['String']['output'];
  /** What it produces. */
  output: OutputKind;
  /** Every parameter it takes, with types, bounds and defaults. */
  params: Array<ParamSpec>;
  /** The names of the parameters the spec requires. */
  requiredParams: Array<Scalars['String']['output']>;
  /** The parameter that picks the resolution tier (mode, resolution). */
  resolutionParam?: Maybe<Scalars['String']['output']>;
  /** Its values, lowest first. */
  resolutionTiers: Array<Scalars['String']['output']>;
  /** Valid sizes (every tier), when the model has a table. */
  resolutions: Array<Resolution>;
  /** Where it runs: "fal", "replicate", "openai" or "simulation"; null when nothing runs it (or a GateAI-compatible upstream does). */
  vendor?: Maybe<Scalars['String']['output']>;
};

/** A day (or up to 7) of traffic to simulate; README "What will a day cost?". */
export type WorkloadInput = {
  /** Default 24; at most 168. */
  horizonHours?: InputMaybe<Scalars['Float']['input']>;
  /** The keys the streams send with. */
  keys: Array<WorkloadKeyInput>;
  /** The upstream assumed (default: this gateway's simulated provider). */
  provider?: InputMaybe<SimulatedProviderInput>;
  /** Default 1; at most 100. */
  replications?: InputMaybe<Scalars['Int']['input']>;
  /** Seeds the random arrivals, latencies and failures (the same seed gives the same answer). */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** The time series' step (default: by the horizon). */
  seriesStep?: InputMaybe<SeriesStep>;
  /** ISO 8601 instant (default: today's UTC midnight). */
  start?: InputMaybe<Scalars['String']['input']>;
  /** The traffic. */
  streams: Array<WorkloadStreamInput>;
  /** As GATEAI_TIME_SCALE: divides the generation clocks and latencies. */
  timeScale?: InputMaybe<Scalars['Float']['input']>;
};

/** An API key of the workload, with its daily budget. */
export type WorkloadKeyInput = {
  /** Default: the caller's own daily limit. */
  dailyLimitUsd?: InputMaybe<Scalars['Float']['input']>;
  /** A name for the key within this workload. */
  id: Scalars['String']['input'];
};

/** One stream of identical requests from one key. */
export type WorkloadStreamInput = {
  /** When the requests arrive. */
  arrival: ArrivalInput;
  /** Hours from the start (default 0). */
  fromHour?: InputMaybe<Scalars['Float']['input']>;
  /** The id of one of the workload's keys. */
  key: Scalars['String']['input'];
  /** RETRY: the most times one request is sent again. */
  maxRetries?: InputMaybe<Scalars['Int']['input']>;
  /** A label for the stream in the report. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** What the client does when rate limited (default DROP). */
  onRefusal?: InputMaybe<RefusalBehaviour>;
  /** The generation each request asks for, as `generate` takes it. */
  request: GenerateInput;
  /** Hours from the start (default: the horizon). */
  untilHour?: InputMaybe<Scalars['Float']['input']>;
};
