import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every column of `audit_log` but the three chain columns: what a fill must leave as it was.
 * `test/audit-chain.int-spec.ts` tries a fill that also changes each column the table has, so a
 * column added later and missing here fails that test.
 */
const CONTENT_COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'actor_role',
  'action',
  'object_type',
  'object_id',
  'result',
  'ip',
  'request_id',
  'detail',
] as const;
const row = (name: 'NEW' | 'OLD') => `(${CONTENT_COLUMNS.map((c) => `${name}.${c}`).join(', ')})`;

/**
 * The fill guard of AuditSequencer1795910000008. `given` is that one; `computed-when-absent` also
 * computes the hash of a fill that leaves it out, and compares the row's other columns as a row
 * rather than as two `to_jsonb` documents (a third of each fill's time).
 */
const guard = (hash: 'computed-when-absent' | 'given') => `
  CREATE OR REPLACE FUNCTION audit_log_seal_once() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE expected bytea;
  BEGIN
    IF OLD.chain_seq IS NOT NULL OR OLD.prev_hash IS NOT NULL OR OLD.hash IS NOT NULL
       OR NEW.chain_seq IS NULL OR NEW.prev_hash IS NULL${
         hash === 'given'
           ? ` OR NEW.hash IS NULL
       OR to_jsonb(NEW) - 'chain_seq' - 'prev_hash' - 'hash'
          IS DISTINCT FROM to_jsonb(OLD) - 'chain_seq' - 'prev_hash' - 'hash' THEN`
           : `
       OR ${row('NEW')}
          IS DISTINCT FROM ${row('OLD')} THEN`
       }
      RAISE EXCEPTION 'audit_log is append-only (UPDATE refused: only the one-time chain fill is allowed)'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.chain_seq = 1 THEN
      expected := decode(repeat('00', 32), 'hex');
    ELSE
      SELECT hash INTO expected FROM audit_log WHERE chain_seq = NEW.chain_seq - 1;
    END IF;${
      hash === 'computed-when-absent'
        ? `
    -- A fill that leaves the hash out gets it computed here, once (the sequencer's); one that
    -- gives it must give the right one.
    IF expected IS NOT NULL AND NEW.prev_hash = expected AND NEW.hash IS NULL THEN
      NEW.hash := sha256(NEW.prev_hash || convert_to(audit_log_canonical(NEW), 'UTF8'));
      RETURN NEW;
    END IF;`
        : ''
    }
    IF expected IS NULL OR NEW.prev_hash <> expected OR NEW.hash IS NULL
       OR NEW.hash <> sha256(NEW.prev_hash || convert_to(audit_log_canonical(NEW), 'UTF8')) THEN
      RAISE EXCEPTION 'audit_log is append-only (UPDATE refused: the fill does not extend the chain at %)', NEW.chain_seq
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END $$`;

/**
 * The audit sequencer's batch in one call (issue 10: the worker must drain at least twice as fast
 * as residents submit). Chaining was the largest part of the worker's database time per claim:
 * each row's fill was its own UPDATE statement, sent as text with its values in it, so parsed
 * and planned each time, and its hash computed twice (by the statement, then again by the guard
 * that checks it).
 *
 * - `audit_log_chain_next(max_rows)` takes the sequencers' transaction-scoped advisory lock
 *   (`pg_try_advisory_xact_lock`: 0 at once when another sequencer holds it), then fills up to
 *   `max_rows` committed rows in `seq` order from the chain head, one row at a time (the guard
 *   checks each fill against the row before it, which must already be written), with its plans
 *   cached by PL/pgSQL. It answers how many rows it chained. A row chained by someone else
 *   meanwhile fails the call and rolls the whole batch back.
 * - The guard computes the hash of a fill that leaves it out, with the same formula; a fill that
 *   gives a hash must give the right one, as before. Either way only a fill that extends the
 *   chain is written, once, with every other column unchanged (compared column by column, not as
 *   two `to_jsonb` documents: that comparison was a third of each fill's time).
 */
export class AuditChainBatch1796160000040 implements MigrationInterface {
  name = 'AuditChainBatch1796160000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(guard('computed-when-absent'));
    await queryRunner.query(`
      CREATE FUNCTION audit_log_chain_next(max_rows integer) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        pos bigint;
        previous bytea;
        next_seq bigint;
        chained integer := 0;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(7406011005) THEN
          RETURN 0;
        END IF;
        SELECT chain_seq, hash INTO pos, previous
          FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
        pos := coalesce(pos, 0);
        previous := coalesce(previous, decode(repeat('00', 32), 'hex'));
        FOR next_seq IN SELECT seq FROM audit_log WHERE chain_seq IS NULL ORDER BY seq LIMIT max_rows LOOP
          pos := pos + 1;
          UPDATE audit_log SET chain_seq = pos, prev_hash = previous
           WHERE seq = next_seq AND chain_seq IS NULL
          RETURNING hash INTO previous;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'audit row % was chained by someone else', next_seq;
          END IF;
          chained := chained + 1;
        END LOOP;
        RETURN chained;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION audit_log_chain_next(integer)');
    await queryRunner.query(guard('given'));
  }
}
