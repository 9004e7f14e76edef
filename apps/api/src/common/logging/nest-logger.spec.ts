import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { PinoNestLogger } from './nest-logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return {
    lines,
    logger: new PinoNestLogger(createLogger({ level: 'trace', name: 't', destination: sink })),
  };
}

describe('PinoNestLogger', () => {
  it('keeps the class as context and the string before it as the message', () => {
    const { lines, logger } = capture();
    logger.debug({ jobId: 'j1' }, 'budget snapshot', 'BudgetProcessor');
    expect(lines[0]).toMatchObject({
      level: 'debug',
      context: 'BudgetProcessor',
      jobId: 'j1',
      msg: 'budget snapshot',
    });
  });

  it("logs Nest's plain messages and error stacks", () => {
    const { lines, logger } = capture();
    logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    logger.error('boom', 'Error: boom\n    at x', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({
      level: 'info',
      context: 'RouterExplorer',
      msg: 'Mapped {/api/health, GET} route',
    });
    expect(lines[1]).toMatchObject({
      level: 'error',
      context: 'ExceptionsHandler',
      msg: 'boom',
      stack: expect.stringContaining('Error: boom'),
    });
  });
});
