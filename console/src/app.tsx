// The console's shell: sign-in, then one page at a time chosen by the URL's hash (#/generate), so
// the gateway serves one index.html for every page. The admin page asks for the admin token instead.
import { useEffect, useMemo, useState } from "preact/hooks";
import { createApi } from "./api/client.ts";
import { useLive } from "./live.ts";
import { AdminPage } from "./pages/admin.tsx";
import { CostsPage } from "./pages/costs.tsx";
import { DashboardPage } from "./pages/dashboard.tsx";
import { GalleryPage } from "./pages/gallery.tsx";
import { GeneratePage } from "./pages/generate.tsx";
import { SignInPage } from "./pages/sign-in.tsx";
import { SimulatePage } from "./pages/simulate.tsx";
import { saveApiKey, savedApiKey } from "./session.ts";

const PAGES = [
  ["dashboard", "Dashboard"],
  ["generate", "Generate"],
  ["gallery", "Results"],
  ["costs", "Cost explorer"],
  ["simulate", "Simulate"],
  ["admin", "Admin"],
] as const;
type Page = (typeof PAGES)[number][0];

const pageOf = (hash: string): Page => {
  const name = hash.replace(/^#\/?/, "");
  return PAGES.find(([page]) => page === name)?.[0] ?? "dashboard";
};

function useHashPage(): Page {
  const [page, setPage] = useState(pageOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setPage(pageOf(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return page;
}

export function App() {
  const [apiKey, setApiKey] = useState(savedApiKey());
  const page = useHashPage();
  const signIn = (key: string | null) => {
    saveApiKey(key);
    setApiKey(key);
  };
  const nav = (
    <nav>
      <strong>GateAI</strong>
      {PAGES.map(([name, title]) => (
        <a key={name} href={`#/${name}`} class={page === name ? "current" : ""}>
          {title}
        </a>
      ))}
      {apiKey && (
        <button type="button" class="link" onClick={() => signIn(null)}>
          Sign out
        </button>
      )}
    </nav>
  );
  if (page === "admin") {
    return (
      <>
        {nav}
        <main>
          <AdminPage />
        </main>
      </>
    );
  }
  if (!apiKey) {
    return (
      <>
        {nav}
        <main>
          <SignInPage onSignIn={signIn} />
        </main>
      </>
    );
  }
  return <SignedIn apiKey={apiKey} page={page} nav={nav} onSignOut={() => signIn(null)} />;
}

function SignedIn(props: { apiKey: string; page: Page; nav: preact.JSX.Element; onSignOut: () => void }) {
  const api = useMemo(() => createApi(props.apiKey), [props.apiKey]);
  useEffect(() => () => api.close(), [api]);
  const live = useLive(api, props.onSignOut);
  return (
    <>
      {props.nav}
      <main>
        {live.problem && <p class="problem">{live.problem}</p>}
        {props.page === "dashboard" && <DashboardPage live={live} />}
        {props.page === "generate" && <GeneratePage api={api} live={live} />}
        {props.page === "gallery" && <GalleryPage api={api} live={live} />}
        {props.page === "costs" && <CostsPage api={api} />}
        {props.page === "simulate" && <SimulatePage api={api} />}
      </main>
    </>
  );
}
