import { useState } from "preact/hooks";
import { createApi } from "../api/client.ts";
import { MeQuery } from "../api/operations.ts";

/** Checks the key with `me` before keeping it: a refused key is never stored. */
export function SignInPage(props: { onSignIn: (key: string) => void }) {
  const [key, setKey] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const candidate = key.trim();
    if (!candidate) return;
    setBusy(true);
    setProblem(null);
    const api = createApi(candidate);
    try {
      const { me } = await api.request(MeQuery, {});
      if (me.__typename === "Dashboard") props.onSignIn(candidate);
      else setProblem(me.__typename === "Unauthorized" ? me.message : "This key cannot sign in");
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      api.close();
      setBusy(false);
    }
  };

  return (
    <form class="card narrow" onSubmit={submit} data-testid="sign-in">
      <h1>Sign in</h1>
      <p>Your API key stays in this browser tab (sessionStorage) and is sent only as an Authorization header.</p>
      <label>
        API key
        <input name="apiKey" type="password" autocomplete="off" value={key} onInput={(e) => setKey(e.currentTarget.value)} placeholder="sk-…" />
      </label>
      <button type="submit" disabled={busy || !key.trim()}>
        Sign in
      </button>
      {problem && <p class="problem">{problem}</p>}
    </form>
  );
}
