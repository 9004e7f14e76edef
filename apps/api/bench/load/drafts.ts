/**
 * The drafts a submit scenario hands out, each with the Idempotency-Key it keeps for life, as the
 * web client does: a draft answered 503/429 (refused by admission control or a rate limit before any
 * work) goes back to be retried with the SAME key; any other answer is final and the draft is spent.
 * A draft whose answer never came (in flight when a scenario stopped, a socket error or a timeout)
 * may have been accepted, so it is set aside, never sent again. A spent draft is never handed out
 * twice: a repeated key would be an idempotent replay (the stored answer, in microseconds), which
 * the table would count as an accepted submit.
 *
 * In the closed-loop scenarios (autocannon, `take`) retries go out at once rather than after
 * Retry-After: every connection sends its next request when the last is answered, so honouring
 * the wait would mean fresh drafts in its place and the pool running dry in seconds. That is
 * harsher on the API than the real client, not kinder. The open-loop scenario (paced.ts) takes
 * fresh drafts with `takeFresh` and sends a refused one again itself after Retry-After
 * (`resend`), as the web client does, until it gives up (`giveUp`).
 */
import type { Draft } from './seed';
import { newKey } from './seed';

export interface Ticket {
  draft: Draft;
  key: string;
  attempts: number;
}

export class DraftQueue {
  private cursor = 0;
  private readonly retries: Ticket[] = [];
  private readonly outstanding = new Set<Ticket>();
  private readonly spent = new Set<string>();
  /** Drafts with a final answer, by whether they were the person's second phone claim. */
  answered = { first: 0, duplicate: 0 };
  /** Drafts refused `maxAttempts` times in the open loop (given up, never accepted). */
  gaveUp = 0;
  /** Drafts whose answer never came (set aside). */
  inDoubt = 0;
  /** Anything that would have replayed a spent draft or key (the benchmark fails on one). */
  readonly violations: string[] = [];

  constructor(
    private readonly drafts: Draft[],
    readonly name: string,
  ) {}

  /** The next draft to send (a refused one first), or null when none is left to send right now. */
  take(): Ticket | null {
    for (;;) {
      const ticket =
        this.retries.shift() ??
        (this.cursor < this.drafts.length
          ? { draft: this.drafts[this.cursor++]!, key: newKey(), attempts: 0 }
          : null);
      if (!ticket) return null;
      if (this.spent.has(ticket.draft.id)) {
        this.violations.push(`${this.name}: draft ${ticket.draft.id} came up again after its final answer`);
        continue;
      }
      ticket.attempts += 1;
      this.outstanding.add(ticket);
      return ticket;
    }
  }

  /** The next fresh draft only (the open loop schedules its retries itself), or null. */
  takeFresh(): Ticket | null {
    if (this.cursor >= this.drafts.length) return null;
    const ticket = { draft: this.drafts[this.cursor++]!, key: newKey(), attempts: 1 };
    this.outstanding.add(ticket);
    return ticket;
  }

  /** A refused ticket goes out again now, with its key (it must be waiting for its retry). */
  resend(ticket: Ticket): void {
    const index = this.retries.indexOf(ticket);
    if (index < 0 || this.spent.has(ticket.draft.id)) {
      this.violations.push(`${this.name}: draft ${ticket.draft.id} resent without being refused`);
      return;
    }
    this.retries.splice(index, 1);
    ticket.attempts += 1;
    this.outstanding.add(ticket);
  }

  /** Refused too often: the resident gives up (told the portal is busy); never sent again. */
  giveUp(ticket: Ticket): void {
    const index = this.retries.indexOf(ticket);
    if (index >= 0) this.retries.splice(index, 1);
    this.spent.add(ticket.draft.id);
    this.gaveUp += 1;
  }

  /** Records the answer to `ticket`: refused → back in the queue, anything else → spent. */
  answer(ticket: Ticket, status: number): void {
    if (!this.outstanding.delete(ticket)) {
      this.violations.push(`${this.name}: an answer for draft ${ticket.draft.id}, which was not in flight`);
      return;
    }
    if (status === 503 || status === 429) {
      this.retries.push(ticket);
      return;
    }
    this.spent.add(ticket.draft.id);
    if (ticket.draft.duplicate) this.answered.duplicate += 1;
    else this.answered.first += 1;
  }

  /** After a scenario: what is still in flight will never be answered here, so it is set aside. */
  abandonInFlight(): void {
    for (const ticket of this.outstanding) this.spent.add(ticket.draft.id);
    this.inDoubt += this.outstanding.size;
    this.outstanding.clear();
  }

  /** Nothing left to send and nothing in flight. */
  get finished(): boolean {
    return this.cursor >= this.drafts.length && this.retries.length === 0 && this.outstanding.size === 0;
  }

  /** No fresh draft left (retries may still be waiting). */
  get dry(): boolean {
    return this.cursor >= this.drafts.length;
  }

  get waitingRetries(): number {
    return this.retries.length;
  }

  get left(): number {
    return this.drafts.length - this.cursor;
  }
}
