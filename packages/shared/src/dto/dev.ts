/** One entry of `GET /api/dev/sms-outbox?phone=` (development only; newest first). */
export interface DevSmsMessage {
  phone: string;
  text: string;
  /** The one-time code inside `text`, when the message carries one. */
  code: string | null;
  sentAt: string;
}
