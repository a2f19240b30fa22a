ALTER TABLE "report_jobs" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_jobs" ADD COLUMN "claim" varchar(40);--> statement-breakpoint
CREATE INDEX "report_jobs_active_idx" ON "report_jobs" USING btree ("status","id") WHERE "report_jobs"."status" in ('queued', 'running');