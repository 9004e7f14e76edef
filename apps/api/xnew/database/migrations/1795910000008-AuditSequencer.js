"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditSequencer1795910000008 = void 0;
/**
 * Audit chain without a lock on the request path (issue 10; security-reliability.md §3.4, the
 * "single sealer job" variant).
 *
 * Before: a BEFORE INSERT trigger took one global advisory lock and held it to COMMIT, so every
 * transaction that wrote an audit row queued behind the slowest open one (the check job ran its
 * slow checks holding it; submits waited holding the budget row).
 *
 * After, as Certificate Transparency logs and Trillian do (entries are accepted at once and a
 * single sequencer assigns their log positions in batches a moment later):
 * - INSERT only stamps `seq` (the row's id, from a sequence), `at` and `detail`, and forces the
 *   chain columns to NULL: no lock, no read of the chain head.
 * - The worker's AuditSequencer chains committed rows: `chain_seq` (1, 2, 3… with no gaps: the
 *   position in the chain), `prev_hash` and `hash = sha256(prev_hash ‖ audit_log_canonical(row))`
 *   — the same formula and canonical text as before, so rows already chained stay valid and the
 *   new chain continues from the last existing hash. Sequence order is not commit order (a
 *   transaction that drew seq 10 may commit after the one that drew 11), and the chain order is
 *   the sequencer's: a row is chained once it is visible, i.e. committed; a late committer just
 *   gets a later position. Gaps in `seq` (rolled-back inserts) do not matter.
 * - The position is not hashed separately: as in any hash chain it is fixed by the links
 *   (row k's prev_hash is row k-1's hash); `chain_seq` is the index to walk them by, and the
 *   guard below, the unique index and verify() all check it agrees with the links.
 * - UPDATE is refused except the one-time fill of the chain columns, from NULL to values that
 *   extend the chain (previous position exists and its hash is this prev_hash, the hash
 *   recomputes), with every other column unchanged. DELETE and TRUNCATE stay refused.
 */
class AuditSequencer1795910000008 {
    constructor() {
        this.name = 'AuditSequencer1795910000008';
    }
    async up(queryRunner) {
        await queryRunner.query(`DROP TRIGGER audit_log_chain ON audit_log`);
        await queryRunner.query(`DROP FUNCTION audit_log_chain()`);
        await queryRunner.query(`DROP TRIGGER audit_log_immutable ON audit_log`);
        await queryRunner.query('ALTER TABLE "audit_log" ADD "chain_seq" bigint');
        await queryRunner.query('ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL');
        await queryRunner.query('ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL');
        // Existing rows were chained in seq order under the old lock: their positions are their ranks.
        await queryRunner.query(`
      UPDATE audit_log a SET chain_seq = r.position
        FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS position FROM audit_log) r
       WHERE a.seq = r.seq`);
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_audit_log_chain_seq" ON "audit_log" ("chain_seq") WHERE "chain_seq" IS NOT NULL');
        // The sequencer's work list (and verify's stale-row check) without scanning the chained rows.
        await queryRunner.query('CREATE INDEX "IDX_audit_log_unchained" ON "audit_log" ("seq") WHERE "chain_seq" IS NULL');
        await queryRunner.query(`
      ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_chained_together" CHECK (
        ("chain_seq" IS NULL AND "prev_hash" IS NULL AND "hash" IS NULL)
        OR ("chain_seq" >= 1 AND "prev_hash" IS NOT NULL AND "hash" IS NOT NULL))`);
        await queryRunner.query(`
      CREATE FUNCTION audit_log_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.seq := nextval('audit_log_seq');
        NEW.at := coalesce(NEW.at, clock_timestamp());
        NEW.detail := coalesce(NEW.detail, '{}'::jsonb);
        -- Only the sequencer chains: an inserted row cannot bring its own link.
        NEW.chain_seq := NULL;
        NEW.prev_hash := NULL;
        NEW.hash := NULL;
        RETURN NEW;
      END $$`);
        await queryRunner.query(`
      CREATE FUNCTION audit_log_seal_once() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE expected bytea;
      BEGIN
        IF OLD.chain_seq IS NOT NULL OR OLD.prev_hash IS NOT NULL OR OLD.hash IS NOT NULL
           OR NEW.chain_seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL
           OR to_jsonb(NEW) - 'chain_seq' - 'prev_hash' - 'hash'
              IS DISTINCT FROM to_jsonb(OLD) - 'chain_seq' - 'prev_hash' - 'hash' THEN
          RAISE EXCEPTION 'audit_log is append-only (UPDATE refused: only the one-time chain fill is allowed)'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.chain_seq = 1 THEN
          expected := decode(repeat('00', 32), 'hex');
        ELSE
          SELECT hash INTO expected FROM audit_log WHERE chain_seq = NEW.chain_seq - 1;
        END IF;
        IF expected IS NULL OR NEW.prev_hash <> expected
           OR NEW.hash <> sha256(NEW.prev_hash || convert_to(audit_log_canonical(NEW), 'UTF8')) THEN
          RAISE EXCEPTION 'audit_log is append-only (UPDATE refused: the fill does not extend the chain at %)', NEW.chain_seq
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_stamp()`);
        await queryRunner.query(`CREATE TRIGGER audit_log_seal_once BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_seal_once()`);
        await queryRunner.query(`CREATE TRIGGER audit_log_immutable BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    }
    /**
     * Back to the locked insert trigger, whose verify walks `seq` order. Refused while rows are
     * unchained or the chain order differs from seq order (a late committer): `seq` is part of each
     * hash, so such a chain cannot be put back into seq order without rewriting it.
     */
    async down(queryRunner) {
        const [blocking] = (await queryRunner.query(`
      SELECT (SELECT count(*) FROM audit_log WHERE chain_seq IS NULL)::int AS unchained,
             (SELECT count(*) FROM (SELECT chain_seq, row_number() OVER (ORDER BY seq) AS rank
                                      FROM audit_log) o WHERE o.chain_seq <> o.rank)::int AS out_of_order`));
        if (blocking.unchained > 0 || blocking.out_of_order > 0)
            throw new Error(`cannot revert AuditSequencer: ${blocking.unchained} unchained rows, ${blocking.out_of_order} rows chained out of seq order`);
        await queryRunner.query(`DROP TRIGGER audit_log_immutable ON audit_log`);
        await queryRunner.query(`DROP TRIGGER audit_log_seal_once ON audit_log`);
        await queryRunner.query(`DROP TRIGGER audit_log_stamp ON audit_log`);
        await queryRunner.query(`DROP FUNCTION audit_log_seal_once()`);
        await queryRunner.query(`DROP FUNCTION audit_log_stamp()`);
        await queryRunner.query('ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_chained_together"');
        await queryRunner.query('DROP INDEX "public"."IDX_audit_log_unchained"');
        await queryRunner.query('DROP INDEX "public"."IDX_audit_log_chain_seq"');
        await queryRunner.query('ALTER TABLE "audit_log" ALTER COLUMN "hash" SET NOT NULL');
        await queryRunner.query('ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" SET NOT NULL');
        await queryRunner.query('ALTER TABLE "audit_log" DROP COLUMN "chain_seq"');
        // The Identity migration's functions, as they were.
        await queryRunner.query(`
      CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE previous bytea;
      BEGIN
        -- One writer at a time: the lock is held to commit, so seq order is chain order.
        PERFORM pg_advisory_xact_lock(7406011004);
        NEW.seq := nextval('audit_log_seq');
        NEW.at := coalesce(NEW.at, clock_timestamp());
        NEW.detail := coalesce(NEW.detail, '{}'::jsonb);
        SELECT hash INTO previous FROM audit_log ORDER BY seq DESC LIMIT 1;
        NEW.prev_hash := coalesce(previous, decode(repeat('00', 32), 'hex'));
        NEW.hash := sha256(NEW.prev_hash || convert_to(audit_log_canonical(NEW), 'UTF8'));
        RETURN NEW;
      END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
        await queryRunner.query(`CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    }
}
exports.AuditSequencer1795910000008 = AuditSequencer1795910000008;
//# sourceMappingURL=1795910000008-AuditSequencer.js.map