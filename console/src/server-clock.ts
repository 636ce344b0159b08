// The gateway's clock as the console reads it. What the console counts against server times (the
// 30-s request window against tasks' `createdAt`) is counted by the gateway's clock: a browser
// whose clock is minutes off would otherwise show a full window as empty, or the reverse. Every
// answer's `Date` header (whole seconds, RFC 9110 §6.6.1) says the gateway's time; the answer
// came at most its round trip after that second began, so the offset is known to about a second,
// which the window's whole-second readout does not see.

/** Gateway time minus browser time, in ms: 0 until an answer has told it. */
let offsetMs = 0;

/** Notes an answer's `Date` header, received at `receivedAt` (browser ms) for a request sent at `sentAt`. */
export function noteServerDate(date: string | null, sentAt: number, receivedAt: number): void {
  const server = date ? Date.parse(date) : Number.NaN;
  if (!Number.isFinite(server)) return;
  // The header's second began between the request's sending and the answer's arrival; its middle
  // (half a second on) stands for the instant the answer was made, the round trip's middle for when.
  offsetMs = server + 500 - (sentAt + receivedAt) / 2;
}

/** Now, by the gateway's clock (as last told). */
export const serverNow = (): number => Date.now() + offsetMs;
