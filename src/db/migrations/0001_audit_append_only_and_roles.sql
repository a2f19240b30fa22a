-- The audit trail is append-only: no UPDATE or DELETE, whoever asks (TRUNCATE stays for test teardown by superusers).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
INSERT INTO roles (code, name_zh, name_en) VALUES
  ('admin', '系统管理员', 'Administrator'),
  ('finance', '财政部门', 'Finance bureau'),
  ('department', '主管部门', 'Competent department'),
  ('implementer', '实施单位', 'Implementing unit'),
  ('evaluator', '第三方评价机构', 'Third-party evaluator'),
  ('viewer', '只读', 'Read-only');
