import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from the connection to the end of the answer (or the close of the socket). */
  elapsedMs: number;
  /** Whether the server closed the connection after answering. */
  closed: boolean;
}

/**
 * One HTTP/1.1 request written by hand on a socket, for what supertest cannot send: a body sent
 * slowly, stalled, cut short or malformed. `send(bytes)` writes more of it; `response` settles when
 * the server has answered in full, or with status 0 when it closed without an answer or the
 * client's own `giveUpMs` passed (so a hanging server fails a test instead of timing it out).
 */
export interface RawRequest {
  send(bytes: Buffer | string): void;
  /** Half-closes the client side (the body ends here, whatever Content-Length said). */
  end(): void;
  destroy(): void;
  response: Promise<RawResponse>;
}

export function rawRequest(
  port: number,
  head: { method: string; path: string; headers: Record<string, string> },
  options: { giveUpMs?: number } = {},
): RawRequest {
  const socket = net.connect({ host: '127.0.0.1', port });
  const started = Date.now();
  let buffer = Buffer.alloc(0);
  let settled = false;
  let resolve!: (value: RawResponse) => void;
  const response = new Promise<RawResponse>((done) => (resolve = done));
  const finish = (closed: boolean) => {
    if (settled) return;
    const parsed = parse(buffer);
    if (!parsed && !closed) return;
    settled = true;
    clearTimeout(giveUp);
    resolve({
      status: parsed?.status ?? 0,
      headers: parsed?.headers ?? {},
      body: parsed?.body ?? '',
      elapsedMs: Date.now() - started,
      closed,
    });
    // Wait briefly for the server's close (it should close a connection whose body it refused).
    if (!closed) {
      const wait = setTimeout(() => socket.destroy(), 500);
      socket.once('close', () => {
        clearTimeout(wait);
      });
    }
  };
  const giveUp = setTimeout(() => {
    finish(true);
    socket.destroy();
  }, options.giveUpMs ?? 10_000);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    finish(false);
  });
  socket.on('close', () => finish(true));
  socket.on('error', () => finish(true));
  const lines = [`${head.method} ${head.path} HTTP/1.1`, 'Host: 127.0.0.1'];
  for (const [name, value] of Object.entries(head.headers)) lines.push(`${name}: ${value}`);
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  return {
    send: (bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    },
    end: () => socket.end(),
    destroy: () => socket.destroy(),
    response,
  };
}

/** Parses a complete HTTP/1.1 answer from the bytes received so far (undefined while incomplete). */
export function parse(
  buffer: Buffer,
): { status: number; headers: Record<string, string>; body: string } | undefined {
  const split = buffer.indexOf('\r\n\r\n');
  if (split < 0) return undefined;
  const [statusLine, ...headerLines] = buffer.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(statusLine!.split(' ')[1]);
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const rest = buffer.subarray(split + 4);
  const length = headers['content-length'];
  if (length !== undefined) {
    if (rest.length < Number(length)) return undefined;
    return { status, headers, body: rest.subarray(0, Number(length)).toString('utf8') };
  }
  if (headers['transfer-encoding'] === 'chunked') {
    let offset = 0;
    const parts: Buffer[] = [];
    for (;;) {
      const eol = rest.indexOf('\r\n', offset);
      if (eol < 0) return undefined;
      const size = parseInt(rest.subarray(offset, eol).toString('latin1'), 16);
      if (size === 0) return { status, headers, body: Buffer.concat(parts).toString('utf8') };
      if (rest.length < eol + 2 + size + 2) return undefined;
      parts.push(rest.subarray(eol + 2, eol + 2 + size));
      offset = eol + 2 + size + 2;
    }
  }
  return { status, headers, body: '' };
}

/** A multipart/form-data body in pieces: the fields, the file part's head, its bytes, the close. */
export function multipart(boundary: string, fields: Record<string, string>, filename = 'doc.pdf') {
  const fieldParts = Object.entries(fields)
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join('');
  return {
    head: `${fieldParts}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    close: `\r\n--${boundary}--\r\n`,
  };
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
