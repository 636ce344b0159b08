// Credentials live in sessionStorage: this browser tab only, gone when it closes, never in a URL.
//   https://developer.mozilla.org/en-US/docs/Web/API/Window/sessionStorage
const API_KEY = "gateai.console.apiKey";
const ADMIN_TOKEN = "gateai.console.adminToken";

const read = (name: string): string | null => {
  try {
    return window.sessionStorage.getItem(name);
  } catch {
    return null;
  }
};
const write = (name: string, value: string | null): void => {
  try {
    if (value === null) window.sessionStorage.removeItem(name);
    else window.sessionStorage.setItem(name, value);
  } catch {
    // Storage refused (private mode, quota): the credential lasts until the page reloads.
  }
};

export const savedApiKey = (): string | null => read(API_KEY);
export const saveApiKey = (key: string | null): void => write(API_KEY, key);
export const savedAdminToken = (): string | null => read(ADMIN_TOKEN);
export const saveAdminToken = (token: string | null): void => write(ADMIN_TOKEN, token);
