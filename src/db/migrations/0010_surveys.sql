CREATE TABLE "app_secrets" (
	"name" varchar(40) PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_communities" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"households" integer,
	"token" varchar(40) NOT NULL,
	"access_code" varchar(12),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mode" varchar(8) NOT NULL,
	"device" varchar(40),
	"ip_hash" varchar(64),
	"paper_no" varchar(40),
	"entered_by" integer,
	"entered_by_name" varchar(64),
	"duplicate_of" bigint,
	"honeypot" text,
	"override" jsonb,
	"receipt" varchar(16) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"survey_id" integer NOT NULL,
	"version" integer NOT NULL,
	"questionnaire" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_versions_survey_id_version_pk" PRIMARY KEY("survey_id","version")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"status" varchar(8) DEFAULT 'draft' NOT NULL,
	"published_version" integer,
	"settings" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_name" varchar(64),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ADD COLUMN "survey_id" integer;--> statement-breakpoint
ALTER TABLE "survey_communities" ADD CONSTRAINT "survey_communities_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_communities" ADD CONSTRAINT "survey_communities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_community_id_survey_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."survey_communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_communities_token_idx" ON "survey_communities" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_communities_name_idx" ON "survey_communities" USING btree ("survey_id","region_code","name");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id","community_id");--> statement-breakpoint
CREATE INDEX "survey_responses_ip_idx" ON "survey_responses" USING btree ("survey_id","ip_hash","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_receipt_idx" ON "survey_responses" USING btree ("receipt");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_device_idx" ON "survey_responses" USING btree ("survey_id","device") WHERE "survey_responses"."duplicate_of" is null and "survey_responses"."device" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_paper_idx" ON "survey_responses" USING btree ("survey_id","paper_no") WHERE "survey_responses"."duplicate_of" is null and "survey_responses"."paper_no" is not null;--> statement-breakpoint
CREATE INDEX "surveys_region_year_idx" ON "surveys" USING btree ("region_code","year");--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ADD CONSTRAINT "evaluation_tasks_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE set null ON UPDATE no action;