CREATE TABLE "case_copies" (
	"case_id" uuid NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"notified_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_copies_case_id_email_pk" PRIMARY KEY("case_id","email")
);
--> statement-breakpoint
CREATE TABLE "response_passwords" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"password_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"released_via" text,
	"released_by" text
);
--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "exemption_codes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "attachment_document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "case_copies_user_idx" ON "case_copies" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "response_passwords_case_idx" ON "response_passwords" USING btree ("case_id");