-- 等保2.0 三级: the audit log is append-only. Any UPDATE or DELETE is rejected by the database itself.
CREATE OR REPLACE FUNCTION fazhi_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (审计日志只能追加)' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION fazhi_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION fazhi_audit_append_only();
--> statement-breakpoint
-- Prefix LIKE on the materialized org path, whatever the database collation.
CREATE INDEX orgs_path_prefix_idx ON orgs (path text_pattern_ops);
