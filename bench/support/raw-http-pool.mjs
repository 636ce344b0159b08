// A load generator's HTTP/1.1 client with as little work of its own per request as it can have,
// so that on a machine the bench shares with the gateway (2 cores here) the client's CPU takes as
// little as possible from the server's: each request's bytes are built once per spec and written
// in one call, and an answer is read only as far as HTTP/1.1 framing needs (status line,
// Content-Length or chunked), never parsed into headers or a body string.
// Keep-alive, one request at a time per connection (as undici's Pool with pipelining 1); a
// request waits for a free connection. A connection the server closes fails its request (counted
// as an error by the caller) and is opened again for the next.
import net from "node:net";

const CRLF_CRLF = Buffer.from("\r\n\r\n");
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i;
const CHUNKED = /\r\ntransfer-encoding:[ \t]*chunked/i;
const CLOSES = /\r\nconnection:[ \t]*close/i;
const LAST_CHUNK = Buffer.from("0\r\n\r\n");

/** The bytes of one request, built once per spec object. */
const encoded = new WeakMap();
function bytesOf(spec, host) {
  let bytes = encoded.get(spec);
  if (bytes) return bytes;
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
  let head = `${spec.method} ${spec.path} HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\n`;
  for (const [name, value] of Object.entries(spec.headers ?? {})) head += `${name}: ${value}\r\n`;
  if (body) head += `content-length: ${body.length}\r\n`;
  bytes = body ? Buffer.concat([Buffer.from(`${head}\r\n`), body]) : Buffer.from(`${head}\r\n`);
  encoded.set(spec, bytes);
  return bytes;
}

class Connection {
  constructor(pool) {
    this.pool = pool;
    this.socket = undefined;
    this.pending = undefined; // { resolve, reject }
    this.buffer = undefined;
    this.headerEnd = -1;
    this.total = -1; // bytes of the whole answer, once known (-2: chunked)
    this.status = 0;
    this.closes = false; // the answer says the server closes the connection after it
  }

  open() {
    const socket = net.connect({ host: this.pool.hostname, port: this.pool.port, noDelay: true });
    socket.on("data", (chunk) => this.onData(chunk));
    const lost = (error) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.fail(error ?? new Error("the server closed the connection"));
    };
    socket.on("error", lost);
    socket.on("close", () => lost());
    this.socket = socket;
  }

  send(bytes, pending) {
    if (!this.socket) this.open();
    this.pending = pending;
    this.buffer = undefined;
    this.headerEnd = -1;
    this.total = -1;
    this.socket.write(bytes);
  }

  onData(chunk) {
    if (!this.pending) return;
    this.buffer = this.buffer ? Buffer.concat([this.buffer, chunk]) : chunk;
    const buffer = this.buffer;
    if (this.headerEnd < 0) {
      const end = buffer.indexOf(CRLF_CRLF);
      if (end < 0) return;
      this.headerEnd = end + 4;
      // "HTTP/1.1 200 ...": the status is bytes 9-11.
      this.status = (buffer[9] - 48) * 100 + (buffer[10] - 48) * 10 + (buffer[11] - 48);
      const head = buffer.toString("latin1", 0, end);
      this.closes = CLOSES.test(head);
      const length = CONTENT_LENGTH.exec(head);
      if (length) this.total = this.headerEnd + Number(length[1]);
      else if (CHUNKED.test(head)) this.total = -2;
      else return this.fail(new Error("an answer without Content-Length or chunked framing"));
    }
    const complete = this.total === -2 ? buffer.length >= this.headerEnd + 5 && buffer.subarray(buffer.length - 5).equals(LAST_CHUNK) : buffer.length >= this.total;
    if (!complete) return;
    const { resolve } = this.pending;
    this.pending = undefined;
    if (this.closes) {
      // The next request goes on a new connection, not on this one while it closes.
      const socket = this.socket;
      this.socket = undefined;
      socket?.destroy();
    }
    if (this.status >= 400 && this.pool.onRefusal) this.pool.onRefusal(this.status, buffer.toString("utf8", 0, Math.min(buffer.length, 600)));
    this.buffer = undefined;
    resolve(this.status);
    this.pool.released(this);
  }

  fail(error) {
    const pending = this.pending;
    this.pending = undefined;
    this.buffer = undefined;
    this.socket?.destroy();
    this.socket = undefined;
    if (pending) {
      pending.reject(error);
      this.pool.released(this);
    }
  }
}

export class RawHttpPool {
  /** `onRefusal(status, answer)`: told of each answer with a status of 400 or more (its first bytes). */
  constructor(origin, connections, onRefusal) {
    this.onRefusal = onRefusal;
    const url = new URL(origin);
    this.hostname = url.hostname;
    this.port = Number(url.port);
    this.host = url.host;
    this.idle = Array.from({ length: connections }, () => new Connection(this));
    this.waiting = [];
    this.nextWaiting = 0;
  }

  /** Sends `spec` ({ method, path, headers, body }); resolves with the answer's status code once it is read whole. */
  request(spec) {
    return new Promise((resolve, reject) => {
      const pending = { resolve, reject, bytes: bytesOf(spec, this.host) };
      const connection = this.idle.pop();
      if (connection) connection.send(pending.bytes, pending);
      else this.waiting.push(pending);
    });
  }

  released(connection) {
    if (this.nextWaiting < this.waiting.length) {
      const next = this.waiting[this.nextWaiting];
      this.waiting[this.nextWaiting++] = undefined;
      if (this.nextWaiting === this.waiting.length) {
        this.waiting.length = 0;
        this.nextWaiting = 0;
      }
      connection.send(next.bytes, next);
    } else this.idle.push(connection);
  }

  async close() {
    for (const connection of this.idle) connection.socket?.destroy();
  }
}
