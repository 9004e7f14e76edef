import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { maskText, REDACTED, redactDeep } from './redact';

describe('maskText', () => {
  it.each([
    ['id 11010519491231002X here', 'id 1101**********002X here'],
    ['id 440524188001010014', 'id 4405**********0014'],
    ['call 13800138000 now', 'call 138****8000 now'],
    ['call +8613800138000', 'call 138****8000'],
    ['card 6230514630000424473', 'card ************4473'],
    ['line\nbreak\r\nforged', 'line break forged'],
  ])('%s → %s', (input, output) => {
    expect(maskText(input)).toBe(output);
  });

  it('leaves ordinary text, dates, amounts and uuids alone', () => {
    const text =
      'claim ZQ-2026-000123 of 2026-05-01 for 1500000 fen, id 0b7e3a4e-6f62-4c1a-9a53-2a7a3b0e9c11';
    expect(maskText(text)).toBe(text);
  });
});

describe('redactDeep', () => {
  it('replaces secret and personal keys whole, at any depth and any case', () => {
    const out = redactDeep({
      user: { Password: 'p', idNumber: 'x', phone: '1', otp: '123456' },
      headers: { cookie: 'sid=1', authorization: 'b' },
    });
    expect(out).toEqual({
      user: { Password: REDACTED, idNumber: REDACTED, phone: REDACTED, otp: REDACTED },
      headers: { cookie: REDACTED, authorization: REDACTED },
    });
  });

  it('masks identifiers inside error messages and survives cycles', () => {
    const cyclic: Record<string, unknown> = { error: new Error('bad card 6230514630000424473') };
    cyclic.self = cyclic;
    const out = redactDeep(cyclic) as { error: { message: string }; self: unknown };
    expect(out.error.message).toBe('bad card ************4473');
    expect(out.self).toBe('[cycle]');
  });
});

describe('createLogger', () => {
  it('writes no identifier, phone or secret to the log line', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'info', name: 't', destination: sink });
    logger.info(
      { body: { idNumber: '11010519491231002X', note: 'phone 13800138000' }, cookie: 'sid=abc' },
      'user 440524188001010014 signed in',
    );
    const line = lines.join('');
    expect(JSON.parse(line)).toMatchObject({ level: 'info', msg: 'user 4405**********0014 signed in' });
    expect(line).not.toMatch(/\d{17}[\dXx]/);
    expect(line).not.toMatch(/1[3-9]\d{9}/);
    expect(line).not.toContain('sid=abc');
  });
});

describe('access log lines', () => {
  it('keep method, url and status, with the query string hidden', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'info', name: 't', destination: sink });
    const req = { id: 'r1', method: 'GET', url: '/api/dev/sms-outbox?phone=13800138000', ip: '127.0.0.1' };
    logger.info({ req, res: { statusCode: 200 } }, 'request completed');
    const line = JSON.parse(lines.join('')) as { req: Record<string, unknown>; res: Record<string, unknown> };
    expect(line.req).toEqual({
      id: 'r1',
      method: 'GET',
      url: '/api/dev/sms-outbox?[query]',
      ip: '127.0.0.1',
    });
    expect(line.res).toEqual({ statusCode: 200 });
  });
});
