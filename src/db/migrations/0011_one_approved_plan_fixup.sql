-- Before one approved plan per group is enforced (next migration): a group approved twice by the old race keeps its first approval; the later ones go back to 已提交, audited.
WITH ranked AS (
  SELECT id, row_number() OVER (
    PARTITION BY coalesce(scenario_of, id) ORDER BY approved_at NULLS LAST, id
  ) AS n
  FROM allocation_plans
  WHERE status = 'approved'
), demoted AS (
  UPDATE allocation_plans p
  SET status = 'submitted', approved_by = NULL, approved_at = NULL, version = p.version + 1,
    comment = '同组已有先审定的方案，本方案退回已提交（一组方案只能审定一个）',
    updated_by_name = 'migration', updated_at = now()
  FROM ranked r
  WHERE p.id = r.id AND r.n > 1
  RETURNING p.id, p.region_code
)
INSERT INTO audit_log (actor_username, action, entity, entity_id, region_code, region_path, before, after)
SELECT 'migration', 'allocation.unapprove', 'allocation_plan', d.id::text, d.region_code, g.path,
  '{"status": "approved"}'::jsonb,
  '{"status": "submitted", "reason": "one approved plan per group"}'::jsonb
FROM demoted d JOIN regions g ON g.code = d.region_code;
