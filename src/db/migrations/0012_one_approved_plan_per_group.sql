CREATE TABLE "survey_code_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"ip_hash" varchar(64),
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "ticket_nonce" varchar(32);--> statement-breakpoint
ALTER TABLE "survey_code_failures" ADD CONSTRAINT "survey_code_failures_community_id_survey_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."survey_communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_code_failures_community_idx" ON "survey_code_failures" USING btree ("community_id","failed_at");--> statement-breakpoint
CREATE INDEX "survey_code_failures_ip_idx" ON "survey_code_failures" USING btree ("ip_hash","failed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_plans_one_approved_idx" ON "allocation_plans" USING btree (coalesce("scenario_of", "id")) WHERE "allocation_plans"."status" = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_ticket_idx" ON "survey_responses" USING btree ("ticket_nonce") WHERE "survey_responses"."ticket_nonce" is not null;