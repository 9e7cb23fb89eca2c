CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "discovery_hits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"item_id" bigint NOT NULL,
	"rank" integer NOT NULL,
	"locator" text NOT NULL,
	"message_id" text,
	"title" text NOT NULL,
	"sender" text,
	"sent_at" timestamp with time zone,
	"score" real NOT NULL,
	"reasons" jsonb NOT NULL,
	"snippet" text NOT NULL,
	"decision" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"document_id" uuid
);
--> statement-breakpoint
CREATE TABLE "discovery_index_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_id" uuid NOT NULL,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"units_total" integer DEFAULT 0 NOT NULL,
	"units_done" integer DEFAULT 0 NOT NULL,
	"items_added" integer DEFAULT 0 NOT NULL,
	"items_updated" integer DEFAULT 0 NOT NULL,
	"items_unchanged" integer DEFAULT 0 NOT NULL,
	"items_removed" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "discovery_index_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"unit_key" text NOT NULL,
	"status" text NOT NULL,
	"cursor" jsonb,
	"items_seen" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discovery_items" (
	"source_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"locator" text NOT NULL,
	"kind" text NOT NULL,
	"message_id" text,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"sender" text,
	"recipients" text,
	"sent_at" timestamp with time zone,
	"body" text NOT NULL,
	"name_words" text NOT NULL,
	"emails" text[] NOT NULL,
	"email_locals" text[] NOT NULL,
	"phones" text[] NOT NULL,
	"postcodes" text[] NOT NULL,
	"dobs" text[] NOT NULL,
	"ni_numbers" text[] NOT NULL,
	"pnc_ids" text[] NOT NULL,
	"vehicle_regs" text[] NOT NULL,
	"refs" text[] NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || coalesce(sender, '') || ' ' || coalesce(recipients, '') || ' ' || body)) STORED NOT NULL,
	"last_run_id" uuid NOT NULL,
	"indexed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "discovery_items_source_id_id_pk" PRIMARY KEY("source_id","id")
) PARTITION BY LIST ("source_id");
--> statement-breakpoint
CREATE TABLE "discovery_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"task_id" uuid,
	"controller_id" text NOT NULL,
	"subject" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"candidate_count" integer NOT NULL,
	"hit_count" integer NOT NULL,
	"capped" boolean NOT NULL,
	"duration_ms" integer NOT NULL,
	"scope_note" text DEFAULT '' NOT NULL,
	"added_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "discovery_sources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"controller_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"secret_key" text,
	"data_map" jsonb,
	"owner_id" uuid NOT NULL,
	"retention_note" text NOT NULL,
	"last_indexed_at" timestamp with time zone,
	"item_count" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erasure_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"controller_id" text NOT NULL,
	"subject" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"dry_run" jsonb,
	"dry_run_at" timestamp with time zone,
	"status" text NOT NULL,
	"drafted_by" text NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"executed_at" timestamp with time zone,
	"change_log" jsonb,
	"error" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_drafts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"controller_id" text NOT NULL,
	"message_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"from_name" text NOT NULL,
	"from_email" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"document_ids" uuid[] NOT NULL,
	"refused" jsonb NOT NULL,
	"status" text NOT NULL,
	"case_id" uuid,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_mailboxes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"controller_id" text NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"secure" boolean NOT NULL,
	"username" text NOT NULL,
	"secret_key" text NOT NULL,
	"folder" text NOT NULL,
	"uid_validity" bigint,
	"last_uid" bigint DEFAULT 0 NOT NULL,
	"last_polled_at" timestamp with time zone,
	"last_error" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "discovery_hits_run_idx" ON "discovery_hits" USING btree ("run_id","rank");--> statement-breakpoint
CREATE INDEX "discovery_index_runs_source_idx" ON "discovery_index_runs" USING btree ("source_id","requested_at");--> statement-breakpoint
CREATE INDEX "discovery_index_units_run_idx" ON "discovery_index_units" USING btree ("run_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "discovery_items_locator_idx" ON "discovery_items" USING btree ("source_id","locator");--> statement-breakpoint
CREATE INDEX "discovery_items_tsv_idx" ON "discovery_items" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "discovery_items_emails_idx" ON "discovery_items" USING gin ("emails");--> statement-breakpoint
CREATE INDEX "discovery_items_email_locals_idx" ON "discovery_items" USING gin ("email_locals");--> statement-breakpoint
CREATE INDEX "discovery_items_phones_idx" ON "discovery_items" USING gin ("phones");--> statement-breakpoint
CREATE INDEX "discovery_items_identifiers_idx" ON "discovery_items" USING gin ("postcodes","dobs","ni_numbers","pnc_ids","vehicle_regs","refs");--> statement-breakpoint
CREATE INDEX "discovery_items_name_words_idx" ON "discovery_items" USING gin ("name_words" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "discovery_runs_case_idx" ON "discovery_runs" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "discovery_runs_task_idx" ON "discovery_runs" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "discovery_sources_controller_idx" ON "discovery_sources" USING btree ("controller_id");--> statement-breakpoint
CREATE INDEX "erasure_plans_case_idx" ON "erasure_plans" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_drafts_message_idx" ON "intake_drafts" USING btree ("controller_id","message_id");--> statement-breakpoint
CREATE INDEX "intake_drafts_status_idx" ON "intake_drafts" USING btree ("controller_id","status");