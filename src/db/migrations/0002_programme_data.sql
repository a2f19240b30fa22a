CREATE TABLE "budget_executions" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"programme_id" integer NOT NULL,
	"initial_budget_yuan" numeric(20, 2) NOT NULL,
	"adjustment_yuan" numeric(20, 2),
	"appropriated_yuan" numeric(20, 2) NOT NULL,
	"quota_balance_yuan" numeric(20, 2),
	"paid_yuan" numeric(20, 2) NOT NULL,
	"carried_over_yuan" numeric(20, 2),
	"recovered_yuan" numeric(20, 2),
	"as_of" date,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_executions_natural_key" UNIQUE NULLS NOT DISTINCT("year","region_code","programme_id")
);
--> statement-breakpoint
CREATE TABLE "community_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"built_year" smallint,
	"households" integer NOT NULL,
	"buildings" integer NOT NULL,
	"area_m2" numeric(20, 2) NOT NULL,
	"content" varchar(200) NOT NULL,
	"invest_central_yuan" numeric(20, 2),
	"invest_provincial_yuan" numeric(20, 2),
	"invest_local_yuan" numeric(20, 2),
	"invest_bond_yuan" numeric(20, 2),
	"invest_social_yuan" numeric(20, 2),
	"invest_residents_yuan" numeric(20, 2),
	"invest_owner_yuan" numeric(20, 2),
	"invest_utilities_yuan" numeric(20, 2),
	"approved_on" date,
	"tendered_on" date,
	"started_on" date,
	"accepted_on" date,
	"settled_on" date,
	"audited_on" date,
	"status" varchar(200) NOT NULL,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_projects_natural_key" UNIQUE NULLS NOT DISTINCT("year","region_code","name")
);
--> statement-breakpoint
CREATE TABLE "data_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"dataset" varchar(40) NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"file" "bytea" NOT NULL,
	"status" varchar(12) NOT NULL,
	"summary" jsonb NOT NULL,
	"diff_hash" varchar(64) NOT NULL,
	"created_by" integer,
	"created_by_name" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fund_allocations" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"programme_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"budget_yuan" numeric(20, 2) NOT NULL,
	"arrived_yuan" numeric(20, 2),
	"spent_yuan" numeric(20, 2) NOT NULL,
	"published_spend_rate" numeric(9, 4),
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_allocations_natural_key" UNIQUE NULLS NOT DISTINCT("year","region_code","programme_id","as_of")
);
--> statement-breakpoint
CREATE TABLE "performance_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"programme_id" integer NOT NULL,
	"level1" varchar(200) NOT NULL,
	"level2" varchar(200) NOT NULL,
	"indicator" text NOT NULL,
	"comparison" varchar(200) NOT NULL,
	"target_value" text NOT NULL,
	"unit" text,
	"actual_value" text,
	"original_target" text,
	"adjusted_on" date,
	"adjustment_reason" text,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "performance_targets_natural_key" UNIQUE NULLS NOT DISTINCT("year","region_code","programme_id","indicator")
);
--> statement-breakpoint
CREATE TABLE "plan_actuals" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"stage" varchar(200) NOT NULL,
	"plan_communities" integer,
	"plan_buildings" integer,
	"plan_households" integer,
	"plan_area_m2" numeric(20, 2),
	"plan_elderly_area_m2" numeric(20, 2),
	"actual_communities" integer,
	"actual_buildings" integer,
	"actual_households" integer,
	"actual_area_m2" numeric(20, 2),
	"actual_elderly_area_m2" numeric(20, 2),
	"as_of" date,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_actuals_natural_key" UNIQUE NULLS NOT DISTINCT("year","region_code","stage")
);
--> statement-breakpoint
CREATE TABLE "programme_fund_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"programme_id" integer NOT NULL,
	"item" text NOT NULL,
	"amount_yuan" numeric(20, 2) NOT NULL,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_fund_items_natural_key" UNIQUE NULLS NOT DISTINCT("year","region_code","programme_id","item")
);
--> statement-breakpoint
CREATE TABLE "programme_funds" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"programme_id" integer NOT NULL,
	"source" varchar(200) NOT NULL,
	"amount_yuan" numeric(20, 2) NOT NULL,
	"document" text,
	"issued_on" date,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_funds_natural_key" UNIQUE NULLS NOT DISTINCT("year","region_code","programme_id","source","document")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"department" text NOT NULL,
	"evaluation_type" varchar(200) NOT NULL,
	"overall_goal" text,
	"annual_goal" text,
	"summary" text,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_natural_key" UNIQUE NULLS NOT DISTINCT("year","region_code","name")
);
--> statement-breakpoint
CREATE TABLE "satisfaction_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"valid_responses" integer,
	"satisfied" integer,
	"rate" numeric(9, 4) NOT NULL,
	"method" text,
	"surveyed_on" date,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satisfaction_results_natural_key" UNIQUE NULLS NOT DISTINCT("year","region_code")
);
--> statement-breakpoint
ALTER TABLE "budget_executions" ADD CONSTRAINT "budget_executions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_executions" ADD CONSTRAINT "budget_executions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_executions" ADD CONSTRAINT "budget_executions_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_projects" ADD CONSTRAINT "community_projects_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_projects" ADD CONSTRAINT "community_projects_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_imports" ADD CONSTRAINT "data_imports_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_imports" ADD CONSTRAINT "data_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_targets" ADD CONSTRAINT "performance_targets_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_targets" ADD CONSTRAINT "performance_targets_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_targets" ADD CONSTRAINT "performance_targets_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actuals" ADD CONSTRAINT "plan_actuals_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actuals" ADD CONSTRAINT "plan_actuals_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_fund_items" ADD CONSTRAINT "programme_fund_items_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_fund_items" ADD CONSTRAINT "programme_fund_items_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_fund_items" ADD CONSTRAINT "programme_fund_items_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funds" ADD CONSTRAINT "programme_funds_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funds" ADD CONSTRAINT "programme_funds_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funds" ADD CONSTRAINT "programme_funds_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_results" ADD CONSTRAINT "satisfaction_results_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_results" ADD CONSTRAINT "satisfaction_results_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_executions_region_year_idx" ON "budget_executions" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "community_projects_region_year_idx" ON "community_projects" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "data_imports_region_idx" ON "data_imports" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "fund_allocations_region_year_idx" ON "fund_allocations" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "performance_targets_region_year_idx" ON "performance_targets" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "plan_actuals_region_year_idx" ON "plan_actuals" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "programme_fund_items_region_year_idx" ON "programme_fund_items" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "programme_funds_region_year_idx" ON "programme_funds" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "programmes_region_year_idx" ON "programmes" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "satisfaction_results_region_year_idx" ON "satisfaction_results" USING btree ("region_code","year");