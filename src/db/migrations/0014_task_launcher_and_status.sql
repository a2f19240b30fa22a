-- 发起单位 of tasks launched before: the launching account's region, else the task's own region.
ALTER TABLE "evaluation_tasks" ADD COLUMN "launcher_region_code" varchar(6);--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ADD COLUMN "launcher_name" text;--> statement-breakpoint
UPDATE "evaluation_tasks" t SET "launcher_region_code" = coalesce(u."region_code", t."region_code"), "launcher_name" = u."display_name" FROM "evaluation_tasks" t2 LEFT JOIN "users" u ON u."id" = t2."created_by" WHERE t2."id" = t."id";--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ALTER COLUMN "launcher_region_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ADD COLUMN "status" varchar(12) DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ADD COLUMN "cancelled_by" integer;--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ADD CONSTRAINT "evaluation_tasks_launcher_region_code_regions_code_fk" FOREIGN KEY ("launcher_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_tasks" ADD CONSTRAINT "evaluation_tasks_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;