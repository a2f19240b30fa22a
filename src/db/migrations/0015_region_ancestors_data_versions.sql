CREATE TABLE "data_version_marks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_versions" (
	"year" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_ancestors" (
	"region_code" varchar(6) NOT NULL,
	"ancestor_code" varchar(6) NOT NULL,
	"depth" integer NOT NULL,
	CONSTRAINT "region_ancestors_ancestor_code_region_code_pk" PRIMARY KEY("ancestor_code","region_code")
);
--> statement-breakpoint
CREATE INDEX "region_ancestors_region_idx" ON "region_ancestors" USING btree ("region_code");--> statement-breakpoint
-- region_ancestors: one row per (region, ancestor-or-self), derived from regions.path by a trigger,
-- so whatever inserts, moves or deletes regions keeps it (a move rewrites each moved row's path).
CREATE FUNCTION region_ancestors_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM region_ancestors WHERE region_code = OLD.code;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO region_ancestors (region_code, ancestor_code, depth)
    SELECT NEW.code, c.code, (count(*) OVER () - c.i)::int
    FROM unnest(string_to_array(trim(both '/' from NEW.path), '/')) WITH ORDINALITY AS c(code, i);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER regions_ancestors_insert AFTER INSERT ON regions
  FOR EACH ROW EXECUTE FUNCTION region_ancestors_keep();
--> statement-breakpoint
CREATE TRIGGER regions_ancestors_update AFTER UPDATE OF code, path ON regions
  FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.path IS DISTINCT FROM NEW.path)
  EXECUTE FUNCTION region_ancestors_keep();
--> statement-breakpoint
CREATE TRIGGER regions_ancestors_delete AFTER DELETE ON regions
  FOR EACH ROW EXECUTE FUNCTION region_ancestors_keep();
--> statement-breakpoint
INSERT INTO region_ancestors (region_code, ancestor_code, depth)
SELECT r.code, c.code, (count(*) OVER (PARTITION BY r.code) - c.i)::int
FROM regions r, unnest(string_to_array(trim(both '/' from r.path), '/')) WITH ORDINALITY AS c(code, i);
--> statement-breakpoint
-- data_versions: a transaction that changes what the dashboard shows marks the year (once per
-- transaction, remembered in a transaction-local setting); the mark is raised into data_versions by a
-- deferred trigger at commit, so the counter row is locked only for the instant of the commit.
-- A transaction sees only its own marks: another's are uncommitted, and deleted by the time it commits.
CREATE FUNCTION data_version_mark(y integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF y IS NULL OR current_setting('jixiao.data_marked_' || y, true) = '1' THEN RETURN; END IF;
  PERFORM set_config('jixiao.data_marked_' || y, '1', true);
  INSERT INTO data_version_marks (year) VALUES (y);
END $$;
--> statement-breakpoint
-- The first firing raises every year the transaction marked, in ascending order (two transactions
-- never lock two counters in opposite orders), and deletes the marks; the later firings find theirs gone.
CREATE FUNCTION data_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE y integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM data_version_marks WHERE id = NEW.id) THEN RETURN NULL; END IF;
  FOR y IN SELECT DISTINCT m.year FROM data_version_marks m ORDER BY m.year LOOP
    INSERT INTO data_versions (year, version) VALUES (y, 1)
      ON CONFLICT (year) DO UPDATE SET version = data_versions.version + 1;
  END LOOP;
  DELETE FROM data_version_marks;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_version_marks_raise AFTER INSERT ON data_version_marks
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_raise();
--> statement-breakpoint
-- Rows with a year column: every year a statement touched (old and new rows).
CREATE FUNCTION data_version_by_year() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE y integer;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    FOR y IN SELECT DISTINCT n.year FROM new_rows n LOOP PERFORM data_version_mark(y); END LOOP;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    FOR y IN SELECT DISTINCT o.year FROM old_rows o LOOP PERFORM data_version_mark(y); END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Evaluation sheets count only while approved (draft saves leave the dashboard as it is).
CREATE FUNCTION data_version_by_sheet() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE y integer;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    FOR y IN SELECT DISTINCT t.year FROM new_rows n JOIN evaluation_tasks t ON t.id = n.task_id
      WHERE n.status = 'approved' LOOP PERFORM data_version_mark(y); END LOOP;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    FOR y IN SELECT DISTINCT t.year FROM old_rows o JOIN evaluation_tasks t ON t.id = o.task_id
      WHERE o.status = 'approved' LOOP PERFORM data_version_mark(y); END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A task's year decides which year its sheets count for; a deleted task takes its sheets along.
CREATE FUNCTION data_version_by_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM data_version_mark(OLD.year);
  IF TG_OP = 'UPDATE' THEN PERFORM data_version_mark(NEW.year); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Regions (names, the tree) and TRUNCATE anywhere: year 0, which every cached year depends on.
CREATE FUNCTION data_version_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM data_version_mark(0);
  IF TG_OP = 'TRUNCATE' AND TG_TABLE_NAME = 'regions' THEN DELETE FROM region_ancestors; END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['programme_funds', 'fund_allocations', 'plan_actuals', 'programmes'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_by_year()', t || '_version_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_by_year()', t || '_version_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_by_year()', t || '_version_delete', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_all()', t || '_version_truncate', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER evaluation_sheets_version_insert AFTER INSERT ON evaluation_sheets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_version_by_sheet();
--> statement-breakpoint
CREATE TRIGGER evaluation_sheets_version_update AFTER UPDATE ON evaluation_sheets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_version_by_sheet();
--> statement-breakpoint
CREATE TRIGGER evaluation_sheets_version_delete AFTER DELETE ON evaluation_sheets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_version_by_sheet();
--> statement-breakpoint
CREATE TRIGGER evaluation_sheets_version_truncate AFTER TRUNCATE ON evaluation_sheets
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_all();
--> statement-breakpoint
CREATE TRIGGER evaluation_tasks_version_update AFTER UPDATE OF year ON evaluation_tasks
  FOR EACH ROW WHEN (OLD.year IS DISTINCT FROM NEW.year) EXECUTE FUNCTION data_version_by_task();
--> statement-breakpoint
CREATE TRIGGER evaluation_tasks_version_delete AFTER DELETE ON evaluation_tasks
  FOR EACH ROW EXECUTE FUNCTION data_version_by_task();
--> statement-breakpoint
CREATE TRIGGER regions_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_all();
