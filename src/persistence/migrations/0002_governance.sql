CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"controller_id" text NOT NULL,
	"purpose" text NOT NULL,
	"person_name" text NOT NULL,
	"email" text,
	"given_on" date NOT NULL,
	"evidence" text NOT NULL,
	"withdrawn_on" date,
	"withdrawal_case_id" uuid,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disposal_lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"status" text NOT NULL,
	"items" jsonb NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "disposal_records" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"controller_id" text NOT NULL,
	"case_type" text NOT NULL,
	"right" text,
	"received_on" date NOT NULL,
	"closed_on" date,
	"outcome" text,
	"statistics" jsonb NOT NULL,
	"rule_id" text NOT NULL,
	"action" text NOT NULL,
	"list_id" uuid NOT NULL,
	"authorised_by" text NOT NULL,
	"disposed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"placed_by" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"lifted_by" text,
	"lifted_at" timestamp with time zone,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "privacy_notice_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"controller_id" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"change_summary" text NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processing_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"controller_id" text NOT NULL,
	"name" text NOT NULL,
	"details" jsonb NOT NULL,
	"position" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"case_type" text NOT NULL,
	"outcome" text NOT NULL,
	"months" integer NOT NULL,
	"action" text NOT NULL,
	"reason" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_completions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"type_id" text NOT NULL,
	"completed_on" date NOT NULL,
	"certificate_document_id" uuid,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"kind" text NOT NULL,
	"user_id" uuid,
	"started_on" date NOT NULL,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_types" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"delivered_by" text NOT NULL,
	"method" text NOT NULL,
	"length_minutes" integer NOT NULL,
	"frequency_months" integer,
	"on_commencement" boolean NOT NULL,
	"applies_to" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE INDEX "consents_controller_idx" ON "consents" USING btree ("controller_id");--> statement-breakpoint
CREATE INDEX "legal_holds_case_idx" ON "legal_holds" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "privacy_notice_versions_controller_idx" ON "privacy_notice_versions" USING btree ("controller_id","version");--> statement-breakpoint
CREATE INDEX "processing_activities_controller_idx" ON "processing_activities" USING btree ("controller_id");--> statement-breakpoint
CREATE INDEX "training_completions_person_idx" ON "training_completions" USING btree ("person_id","type_id");