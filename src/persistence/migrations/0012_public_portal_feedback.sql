CREATE TABLE "portal_feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"controller_id" text,
	"journey" text NOT NULL,
	"satisfaction" text NOT NULL,
	"improvement" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "portal_feedback_created_idx" ON "portal_feedback" USING btree ("created_at");