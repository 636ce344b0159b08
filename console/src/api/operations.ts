// Every GraphQL operation the console sends. `npm run console:codegen` types each one from
// schema.graphql (console/codegen.ts); `graphql(...)` returns the typed document it generated.
import { graphql } from "../gql/index.ts";

export const TaskFieldsFragment = graphql(`
  fragment TaskFields on Task {
    id
    model
    output
    status
    progress
    cost
    refunded
    error
    result
    glbUrls
    createdAt
    finishedAt
    adjustments {
      param
      from
      to
      reason
    }
  }
`);

export const DashboardFieldsFragment = graphql(`
  fragment DashboardFields on Dashboard {
    budget {
      dailyLimit
      used
      remaining
      resetsAt
    }
    concurrency {
      used
      max
      available
      activeSlots {
        taskId
        model
        elapsed
        takenAt
      }
    }
    activeTasks {
      ...TaskFields
    }
    recentTasks {
      ...TaskFields
    }
    todaySpending {
      model
      requests
      cost
    }
  }
`);

export const MeQuery = graphql(`
  query ConsoleMe {
    me {
      __typename
      ... on Dashboard {
        ...DashboardFields
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const MeUpdatedSubscription = graphql(`
  subscription ConsoleMeUpdated {
    meUpdated {
      __typename
      ... on Dashboard {
        ...DashboardFields
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const MyTasksSubscription = graphql(`
  subscription ConsoleMyTasks {
    myTasks {
      __typename
      ... on TaskUpdate {
        type
        task {
          ...TaskFields
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const TasksQuery = graphql(`
  query ConsoleTasks($first: Int, $after: String, $status: [TaskStatus!]) {
    tasks(first: $first, after: $after, status: $status) {
      __typename
      ... on TaskConnection {
        nodes {
          ...TaskFields
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const ModelsQuery = graphql(`
  query ConsoleModels {
    models {
      __typename
      ... on AiModel {
        id
        name
        kind
        output
        costSummary
        defaultCost
        example
      }
    }
  }
`);

/** One model's form: its parameters with their kinds, values, bounds and defaults (aliased where types differ). */
export const ModelFormQuery = graphql(`
  query ConsoleModelForm($id: ID!) {
    model(id: $id) {
      __typename
      ... on AiModel {
        id
        name
        output
        maxQuantity
        requiredParams
        resolutionParam
        resolutionTiers
        example
        params {
          __typename
          name
          required
          description
          specType
          ... on EnumParam {
            names: values
            nameDefault: default
          }
          ... on NumericEnumParam {
            numbers: values
            numberDefault: default
          }
          ... on IntegerParam {
            min
            max
            step
            numberDefault: default
          }
          ... on NumberParam {
            min
            max
            numberDefault: default
          }
          ... on BooleanParam {
            booleanDefault: default
          }
          ... on StringParam {
            minLength
            maxLength
            nameDefault: default
          }
        }
      }
      ... on VideoModel {
        durations
        durationParam
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const EstimateQuery = graphql(`
  query ConsoleEstimate($input: GenerateInput!) {
    estimate(input: $input) {
      __typename
      ... on Estimate {
        cost
        fitsInBudget
        dailyRemaining
        cheapestCost
        adjustments {
          param
          from
          to
          reason
        }
        suggestion {
          cost
          params
          adjustments {
            param
            from
            to
            reason
          }
        }
      }
      ... on InvalidParams {
        issues {
          field
          reason
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const GenerateMutation = graphql(`
  mutation ConsoleGenerate($input: GenerateInput!, $idempotencyKey: String) {
    generate(input: $input, idempotencyKey: $idempotencyKey) {
      __typename
      ... on GenerateSuccess {
        task {
          ...TaskFields
        }
      }
      ... on InvalidParams {
        issues {
          field
          reason
        }
      }
      ... on RateLimited {
        retryAfterSeconds
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const PriceAcrossQuery = graphql(`
  query ConsolePriceAcross($input: GenerateInput!, $across: String!, $by: String) {
    priceAcross(input: $input, across: $across, by: $by) {
      __typename
      ... on PriceTable {
        across
        by
        series {
          by
          points {
            value
            cost
            error {
              code
              message
            }
          }
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const CheapestModelsQuery = graphql(`
  query ConsoleCheapestModels($need: NeedInput!, $first: Int) {
    cheapestModels(need: $need, first: $first) {
      __typename
      ... on ModelOptions {
        options {
          cost
          params
          needsStartFrame
          model {
            id
            name
          }
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const PlanBudgetQuery = graphql(`
  query ConsolePlanBudget($requests: [GenerateInput!]!, $budget: Float) {
    planBudget(requests: $requests, budget: $budget) {
      __typename
      ... on BudgetPlan {
        startingBudget
        totalCost
        remaining
        steps {
          index
          model
          cost
          requestedCost
          remainingAfter
          error {
            code
            message
          }
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const CreateKeyMutation = graphql(`
  mutation ConsoleCreateKey($label: String, $dailyLimit: Float) {
    createApiKey(label: $label, dailyLimit: $dailyLimit) {
      __typename
      ... on CreatedApiKey {
        key
        apiKey {
          ...ApiKeyFields
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const ApiKeyFieldsFragment = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    prefix
    label
    dailyLimit
    hasOwnLimit
    createdAt
    revokedAt
  }
`);

export const SetLimitMutation = graphql(`
  mutation ConsoleSetLimit($id: ID!, $dailyLimit: Float) {
    setDailyLimit(id: $id, dailyLimit: $dailyLimit) {
      __typename
      ... on ApiKey {
        ...ApiKeyFields
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const RevokeKeyMutation = graphql(`
  mutation ConsoleRevokeKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on ApiKey {
        ...ApiKeyFields
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

/** `simulate`: a workload's day(s) through the gateway's rules; charges nothing. */
export const SimulateQuery = graphql(`
  query ConsoleSimulate($workload: WorkloadInput!) {
    simulate(workload: $workload) {
      __typename
      ... on SimulationReport {
        start
        horizonHours
        replications
        seed
        totals {
          requests
          calls
          accepted
          downgraded
          savedUsd
          refusedConcurrency
          refusedWindow
          refusedBudget
          rateLimitedCalls
          finished
          failed
          timedOut
          retriedAttempts
          refunded
          refundedUsd
          spendUsd
        }
        bands {
          name
          p5
          p50
          p95
        }
        keyDays {
          key
          day
          dailyLimitUsd
          spendUsd
          accepted
          refusedBudget
          exhaustedAt
        }
        models {
          model
          requests
          accepted
          downgraded
          spendUsd
          savedUsd
        }
        queueWaitSeconds {
          count
          p50
          p95
          p99
        }
        completionSeconds {
          count
          p50
          p95
          p99
        }
        series {
          step
          points {
            at
            spendUsd
            accepted
            refused
            inFlight
            queueDepth
          }
        }
      }
      ... on InvalidParams {
        issues {
          field
          reason
        }
      }
      ... on RateLimited {
        retryAfterSeconds
      }
      ... on Error {
        code
        message
      }
    }
  }
`);
