import { Injectable, Logger } from '@nestjs/common';
import { type DevSmsMessage, maskPhone } from '@huanxin/shared';
import type { Redis } from 'ioredis';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { InjectRedis } from '../redis/redis.module';

export interface SmsMessage {
  phone: string;
  text: string;
  /** The one-time code inside `text`, when there is one (kept by the dev outbox only). */
  code?: string;
}

const DEV_OUTBOX_TTL_SECONDS = 24 * 3600;
const DEV_OUTBOX_MAX = 50;

/**
 * Sends SMS through the transport chosen by SMS_TRANSPORT:
 * - `dev-outbox` (never in production): stored in Redis, readable at GET /api/dev/sms-outbox;
 * - `console`: written to the terminal (not the log) for local use;
 * - `http`: POSTed as JSON to the gateway webhook SMS_HTTP_URL with a bearer token.
 */
@Injectable()
export class SmsService {
  private readonly logger = new Logger(SmsService.name);

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectRedis() private readonly redis: Redis,
    private readonly clock: Clock,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    const [result] = await this.sendMany([message]);
    if (result!.status === 'rejected') throw result!.reason;
  }

  /**
   * Sends several messages; each one's outcome, in order. The dev outbox stores them all in one
   * Redis transaction (the worker sends a batch of status notices at once); the gateway gets one
   * request per message, so one refused message fails alone.
   */
  async sendMany(messages: readonly SmsMessage[]): Promise<PromiseSettledResult<void>[]> {
    switch (this.config.sms.transport) {
      case 'dev-outbox': {
        const sentAt = this.clock.now().toISOString();
        const multi = this.redis.multi();
        for (const message of messages) {
          const entry: DevSmsMessage = {
            phone: message.phone,
            text: message.text,
            code: message.code ?? null,
            sentAt,
          };
          const key = devOutboxKey(message.phone);
          multi
            .lpush(key, JSON.stringify(entry))
            .ltrim(key, 0, DEV_OUTBOX_MAX - 1)
            .expire(key, DEV_OUTBOX_TTL_SECONDS);
        }
        const stored = await multi.exec().then(
          (): PromiseSettledResult<void> => ({ status: 'fulfilled', value: undefined }),
          (reason: unknown): PromiseSettledResult<void> => ({ status: 'rejected', reason }),
        );
        return messages.map(() => stored);
      }
      case 'console':
        for (const message of messages) process.stdout.write(`[sms → ${message.phone}] ${message.text}\n`);
        return messages.map(() => ({ status: 'fulfilled', value: undefined }));
      case 'http':
        return Promise.allSettled(messages.map((message) => this.post(message)));
    }
  }

  /** One message to the gateway webhook; a refusal (non-2xx) or a timeout rejects. */
  private async post(message: SmsMessage): Promise<void> {
    const response = await fetch(this.config.sms.httpUrl!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.config.sms.httpToken ? { authorization: `Bearer ${this.config.sms.httpToken}` } : {}),
      },
      body: JSON.stringify({ phone: message.phone, text: message.text }),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) {
      this.logger.warn(
        { status: response.status, to: maskPhone(message.phone) },
        'SMS gateway refused the message',
      );
      throw new Error(`SMS gateway answered ${response.status}`);
    }
  }

  /** Development only: the messages sent to a phone, newest first. */
  async devOutbox(phone: string): Promise<DevSmsMessage[]> {
    if (this.config.sms.transport !== 'dev-outbox') return [];
    const items = await this.redis.lrange(devOutboxKey(phone), 0, -1);
    return items.map((item) => JSON.parse(item) as DevSmsMessage);
  }
}

function devOutboxKey(phone: string): string {
  return `sms:dev-outbox:${phone}`;
}
