"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Identity1795890316888 = void 0;
class Identity1795890316888 {
    constructor() {
        this.name = 'Identity1795890316888';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE TABLE "audit_log" ("seq" bigint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_role" text, "action" text NOT NULL, "object_type" text, "object_id" text, "result" text NOT NULL, "ip" text, "request_id" text, "detail" jsonb NOT NULL, "prev_hash" bytea NOT NULL, "hash" bytea NOT NULL, CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq"))');
        await queryRunner.query('CREATE INDEX "IDX_a6b8adfa094785bf8ed30f2688" ON "audit_log"  ("action", "at") ');
        await queryRunner.query('CREATE INDEX "IDX_c7d3ae3160ef4430133acbe742" ON "audit_log"  ("actor_id", "at") ');
        await queryRunner.query('CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log"  ("at") ');
        await queryRunner.query('CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "uscc" text NOT NULL, "kind" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organization_kind_known" CHECK ("kind" IN (\'appliance_retailer\', \'car_dealer\', \'recycler\', \'dismantler\', \'car_dealer_dismantler\')), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_b160695e3fc28e99e864ead166" ON "organization"  ("uscc") ');
        await queryRunner.query('CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "role" text NOT NULL, "username" text, "display_name" text NOT NULL, "password_hash" text, "totp_secret_enc" text, "totp_last_step" bigint, "phone_bidx" text, "phone_enc" text, "organization_id" uuid, "disabled_at" TIMESTAMP WITH TIME ZONE, "failed_logins" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "user_dealer_has_organization" CHECK ("role" <> \'dealer\' OR "organization_id" IS NOT NULL), CONSTRAINT "user_staff_has_username" CHECK ("role" = \'resident\' OR ("username" IS NOT NULL AND "password_hash" IS NOT NULL)), CONSTRAINT "user_resident_has_phone" CHECK ("role" <> \'resident\' OR "phone_bidx" IS NOT NULL), CONSTRAINT "user_role_known" CHECK ("role" IN (\'resident\', \'dealer\', \'reviewer\', \'approver\', \'finance\', \'admin\', \'auditor\')), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_fb8c6234bb2b36da3fe5bb743e" ON "user_account"  ("username") WHERE "username" IS NOT NULL');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_6541e55e0e84fbaa6ab4e1f24a" ON "user_account"  ("phone_bidx") WHERE "phone_bidx" IS NOT NULL');
        await queryRunner.query('CREATE TABLE "consent_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" text NOT NULL, "version" text NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b357c35aea3aa0be4647282324f" PRIMARY KEY ("id"))');
        await queryRunner.query('CREATE INDEX "IDX_6bff3f6fc3393d560e3f916017" ON "consent_record"  ("user_id", "granted_at") ');
        await queryRunner.query('CREATE TABLE "resident_profile" ("user_id" uuid NOT NULL, "name_enc" text NOT NULL, "id_number_enc" text NOT NULL, "id_number_bidx" text NOT NULL, "street" text NOT NULL, "address_enc" text NOT NULL, "bank_name" text NOT NULL, "bank_account_enc" text NOT NULL, "bank_account_bidx" text NOT NULL, "consent_version" text NOT NULL, "consent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c50875d505fa07fc29a3d37af0f" PRIMARY KEY ("user_id"))');
        await queryRunner.query('CREATE UNIQUE INDEX "IDX_70a5b251896529abe91020a976" ON "resident_profile"  ("id_number_bidx") ');
        await queryRunner.query('CREATE INDEX "IDX_703b9758a56a0b002f5b24e162" ON "resident_profile"  ("bank_account_bidx") ');
        await queryRunner.query('ALTER TABLE "user_account" ADD CONSTRAINT "FK_2d07ad97884d4a29df6503f55df" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "consent_record" ADD CONSTRAINT "FK_3fea70da80c079b1670e96e4f2d" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        await queryRunner.query('ALTER TABLE "resident_profile" ADD CONSTRAINT "FK_c50875d505fa07fc29a3d37af0f" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
        // Hash chain and append-only rules for audit_log (written by hand; TypeORM does not model triggers).
        await queryRunner.query(`CREATE SEQUENCE audit_log_seq AS bigint`);
        await queryRunner.query(`
      CREATE FUNCTION audit_log_canonical(r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT concat_ws('|', r.seq::text, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(r.actor_id::text, ''), coalesce(r.actor_role, ''), r.action, coalesce(r.object_type, ''),
          coalesce(r.object_id, ''), r.result, coalesce(r.ip, ''), coalesce(r.request_id, ''), r.detail::text)
      $$`);
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
        await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
        await queryRunner.query(`CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
        await queryRunner.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "resident_profile" DROP CONSTRAINT "FK_c50875d505fa07fc29a3d37af0f"');
        await queryRunner.query('ALTER TABLE "consent_record" DROP CONSTRAINT "FK_3fea70da80c079b1670e96e4f2d"');
        await queryRunner.query('ALTER TABLE "user_account" DROP CONSTRAINT "FK_2d07ad97884d4a29df6503f55df"');
        await queryRunner.query('DROP INDEX "public"."IDX_703b9758a56a0b002f5b24e162"');
        await queryRunner.query('DROP INDEX "public"."IDX_70a5b251896529abe91020a976"');
        await queryRunner.query('DROP TABLE "resident_profile"');
        await queryRunner.query('DROP INDEX "public"."IDX_6bff3f6fc3393d560e3f916017"');
        await queryRunner.query('DROP TABLE "consent_record"');
        await queryRunner.query('DROP INDEX "public"."IDX_6541e55e0e84fbaa6ab4e1f24a"');
        await queryRunner.query('DROP INDEX "public"."IDX_fb8c6234bb2b36da3fe5bb743e"');
        await queryRunner.query('DROP TABLE "user_account"');
        await queryRunner.query('DROP INDEX "public"."IDX_b160695e3fc28e99e864ead166"');
        await queryRunner.query('DROP TABLE "organization"');
        await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
        await queryRunner.query(`DROP TRIGGER audit_log_immutable ON audit_log`);
        await queryRunner.query(`DROP TRIGGER audit_log_chain ON audit_log`);
        await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
        await queryRunner.query(`DROP FUNCTION audit_log_chain()`);
        await queryRunner.query(`DROP FUNCTION audit_log_canonical(audit_log)`);
        await queryRunner.query(`DROP SEQUENCE audit_log_seq`);
        await queryRunner.query('DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"');
        await queryRunner.query('DROP INDEX "public"."IDX_c7d3ae3160ef4430133acbe742"');
        await queryRunner.query('DROP INDEX "public"."IDX_a6b8adfa094785bf8ed30f2688"');
        await queryRunner.query('DROP TABLE "audit_log"');
    }
}
exports.Identity1795890316888 = Identity1795890316888;
//# sourceMappingURL=1795890316888-Identity.js.map