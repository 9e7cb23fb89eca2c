CREATE TABLE "disclosure_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"source_document_id" uuid NOT NULL,
	"source_index" integer NOT NULL,
	"title" text NOT NULL,
	"source_name" text NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"page_count" integer NOT NULL,
	"storage_key" text NOT NULL,
	"needs_manual_review" boolean NOT NULL,
	"warnings" jsonb NOT NULL,
	"duplicate_of" uuid,
	"near_duplicate_of" uuid,
	"email_hash" text,
	"withheld_code" text,
	"withheld_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_run_parts" (
	"run_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"page_count" integer NOT NULL,
	"applied" jsonb NOT NULL,
	CONSTRAINT "disclosure_run_parts_run_id_item_id_pk" PRIMARY KEY("run_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"stage" text,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"snapshot" jsonb,
	"options" jsonb NOT NULL,
	"result_document_id" uuid,
	"page_count" integer,
	"redaction_count" integer,
	"exemption_counts" jsonb,
	"failures" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "disclosure_withheld_pages" (
	"item_id" uuid NOT NULL,
	"page" integer NOT NULL,
	"case_id" uuid NOT NULL,
	"exemption_code" text NOT NULL,
	"reason" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disclosure_withheld_pages_item_id_page_pk" PRIMARY KEY("item_id","page")
);
--> statement-breakpoint
CREATE TABLE "redactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"page" integer NOT NULL,
	"rects" jsonb NOT NULL,
	"text" text NOT NULL,
	"type" text NOT NULL,
	"source" text NOT NULL,
	"recogniser" text,
	"score" real,
	"status" text NOT NULL,
	"exemption_code" text NOT NULL,
	"reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "disclosure_items_case_idx" ON "disclosure_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "disclosure_runs_case_idx" ON "disclosure_runs" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "disclosure_withheld_pages_case_idx" ON "disclosure_withheld_pages" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "redactions_case_idx" ON "redactions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "redactions_item_page_idx" ON "redactions" USING btree ("item_id","page");