CREATE TABLE "stored_files" (
	"sha256" varchar(64) NOT NULL,
	"part" integer NOT NULL,
	"parts" integer NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "stored_files_sha256_part_pk" PRIMARY KEY("sha256","part"),
	CONSTRAINT "stored_files_part_in_range" CHECK ("stored_files"."part" >= 0 and "stored_files"."part" < "stored_files"."parts")
);
--> statement-breakpoint
ALTER TABLE "report_jobs" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_jobs" ADD COLUMN "file_sha256" varchar(64);--> statement-breakpoint
ALTER TABLE "report_jobs" ADD COLUMN "file_size" integer;