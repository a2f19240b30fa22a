-- The checker reads every data set, not only the dashboard's four (migration 0015): the other six
-- raise data_versions too, so the cached check answers (services/check-cache.ts) are new after any
-- import, edit or delete. Same functions as 0015; triggers named apart so both can stand.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['programme_fund_items', 'budget_executions', 'performance_targets',
    'community_projects', 'satisfaction_results', 'published_scores'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_by_year()', t || '_check_version_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_by_year()', t || '_check_version_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_by_year()', t || '_check_version_delete', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_all()', t || '_check_version_truncate', t);
  END LOOP;
END $$;
