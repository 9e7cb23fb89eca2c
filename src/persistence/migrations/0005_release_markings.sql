CREATE TABLE "release_markings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"document_sha256" text NOT NULL,
	"reason" text NOT NULL,
	"third_party" text NOT NULL,
	"third_party_decision" text,
	"marked_by" text NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	"withdrawn_by" text,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "release_markings_case_idx" ON "release_markings" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "release_markings_current_idx" ON "release_markings" USING btree ("document_id") WHERE withdrawn_at IS NULL;