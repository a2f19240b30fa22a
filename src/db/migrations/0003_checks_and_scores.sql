CREATE TABLE "published_scores" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"programme_id" integer NOT NULL,
	"level1" text NOT NULL,
	"level2" text,
	"indicator" text,
	"points" numeric(20, 2),
	"score" numeric(20, 2),
	"reason" text,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "published_scores_natural_key" UNIQUE NULLS NOT DISTINCT("year","region_code","programme_id","level1","level2","indicator")
);
--> statement-breakpoint
ALTER TABLE "plan_actuals" DROP CONSTRAINT "plan_actuals_natural_key";--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "framework" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "published_score" numeric(20, 2);--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "published_grade" varchar(200);--> statement-breakpoint
ALTER TABLE "published_scores" ADD CONSTRAINT "published_scores_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_scores" ADD CONSTRAINT "published_scores_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_scores" ADD CONSTRAINT "published_scores_import_id_data_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "published_scores_region_year_idx" ON "published_scores" USING btree ("region_code","year");--> statement-breakpoint
ALTER TABLE "plan_actuals" ADD CONSTRAINT "plan_actuals_natural_key" UNIQUE NULLS NOT DISTINCT("year","region_code","stage","as_of");