// Admin (the admin token, GATEAI_ADMIN_TOKEN): create keys, set a key's daily limit, revoke a key.
// The schema has no query listing keys, so the page lists the keys it touched in this tab.
import { useMemo, useState } from "preact/hooks";
import { createApi } from "../api/client.ts";
import { CreateKeyMutation, RevokeKeyMutation, SetLimitMutation } from "../api/operations.ts";
import { time, usd } from "../format.ts";
import type { ApiKeyFieldsFragment } from "../gql/graphql.ts";
import { saveAdminToken, savedAdminToken } from "../session.ts";

export function AdminPage() {
  const [token, setToken] = useState(savedAdminToken());
  const [draft, setDraft] = useState("");
  if (!token) {
    return (
      <form
        class="card narrow"
        onSubmit={(e) => {
          e.preventDefault();
          saveAdminToken(draft.trim());
          setToken(draft.trim());
        }}
      >
        <h1>Admin</h1>
        <p>The admin token (GATEAI_ADMIN_TOKEN) stays in this tab's sessionStorage.</p>
        <label>
          Admin token
          <input type="password" autocomplete="off" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!draft.trim()}>
          Continue
        </button>
      </form>
    );
  }
  return (
    <KeyAdmin
      token={token}
      onSignOut={() => {
        saveAdminToken(null);
        setToken(null);
      }}
    />
  );
}

function KeyAdmin(props: { token: string; onSignOut: () => void }) {
  const api = useMemo(() => createApi(props.token), [props.token]);
  const [keys, setKeys] = useState<readonly ApiKeyFieldsFragment[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [label, setLabel] = useState("");
  const [limit, setLimit] = useState("");
  const [keyId, setKeyId] = useState("");
  /** The key a Revoke button was pressed for: it is revoked only once the confirmation is pressed too. */
  const [confirming, setConfirming] = useState<string | null>(null);

  const keep = (key: ApiKeyFieldsFragment) => setKeys((known) => [key, ...known.filter((k) => k.id !== key.id)]);
  const run = async (work: () => Promise<string | null>) => {
    setProblem(null);
    try {
      setProblem(await work());
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  const amount = limit === "" ? null : Number(limit);

  const create = () =>
    run(async () => {
      const { createApiKey: answer } = await api.request(CreateKeyMutation, { label: label || null, dailyLimit: amount });
      if (answer.__typename !== "CreatedApiKey") return answer.message;
      keep(answer.apiKey);
      setCreated(answer.key);
      return null;
    });
  const setDailyLimit = (id: string) =>
    run(async () => {
      const { setDailyLimit: answer } = await api.request(SetLimitMutation, { id, dailyLimit: amount });
      if (answer.__typename !== "ApiKey") return answer.message;
      keep(answer);
      return null;
    });
  const revoke = (id: string) =>
    run(async () => {
      setConfirming(null);
      const { revokeApiKey: answer } = await api.request(RevokeKeyMutation, { id });
      if (answer.__typename !== "ApiKey") return answer.message;
      keep(answer);
      return null;
    });

  return (
    <section data-testid="admin">
      <h1>Admin</h1>
      <button type="button" class="link" onClick={props.onSignOut}>
        Forget the admin token
      </button>
      <div class="card">
        <div class="row">
          <label>
            Label
            <input value={label} maxLength={200} onInput={(e) => setLabel(e.currentTarget.value)} />
          </label>
          <label>
            Daily limit (USD; empty: the default)
            <input type="number" min={0} step="any" value={limit} onInput={(e) => setLimit(e.currentTarget.value)} />
          </label>
        </div>
        <button type="button" onClick={create}>
          Create key
        </button>
        <div class="row">
          <label>
            Key id
            <input value={keyId} onInput={(e) => setKeyId(e.currentTarget.value.trim())} />
          </label>
          <button type="button" disabled={!keyId} onClick={() => setDailyLimit(keyId)}>
            Set daily limit
          </button>
          <button type="button" class="danger" disabled={!keyId} onClick={() => setConfirming(keyId)}>
            Revoke
          </button>
        </div>
        {created && (
          <p class="notice">
            New key (shown once, store it now): <code data-testid="created-key">{created}</code>
          </p>
        )}
        {confirming !== null && (
          // Revoking cannot be undone, and every app using the key stops at once: asked twice.
          <div class="notice" role="alertdialog" aria-label="Confirm revoking" data-testid="confirm-revoke">
            <p>
              Revoke the key <code>{keys.find((k) => k.id === confirming)?.prefix ?? confirming}</code>? Every request with it is refused from now
              on, and a revoked key cannot be restored.
            </p>
            <button type="button" class="danger" onClick={() => revoke(confirming)}>
              Revoke the key
            </button>{" "}
            <button type="button" onClick={() => setConfirming(null)}>
              Keep it
            </button>
          </div>
        )}
        {problem && <p class="problem">{problem}</p>}
      </div>
      <table>
        <thead>
          <tr>
            <th>Id</th>
            <th>Prefix</th>
            <th>Label</th>
            <th>Daily limit</th>
            <th>Created</th>
            <th>Revoked</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <td>
                <code>{k.id}</code>
              </td>
              <td>{k.prefix}</td>
              <td>{k.label ?? ""}</td>
              <td>
                {usd(k.dailyLimit)}
                {k.hasOwnLimit ? "" : " (default)"}
              </td>
              <td>{time(k.createdAt)}</td>
              <td>{k.revokedAt ? time(k.revokedAt) : ""}</td>
              <td>
                {/* The row's limit is the one typed above: the button says which, an empty field being the default. */}
                <button type="button" class="link" onClick={() => setDailyLimit(k.id)}>
                  Set limit to {amount === null ? "the default" : usd(amount)}
                </button>{" "}
                {!k.revokedAt && (
                  <button type="button" class="link danger" onClick={() => setConfirming(k.id)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
