CREATE TABLE "access_refusals" (
	"actor_id" text NOT NULL,
	"route" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"folded" integer DEFAULT 0 NOT NULL,
	"first_folded_at" timestamp with time zone,
	"last_folded_at" timestamp with time zone,
	"case_ids" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "access_refusals_actor_id_route_pk" PRIMARY KEY("actor_id","route")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "seal" text;