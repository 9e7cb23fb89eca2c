ALTER TABLE "disposal_lists" ADD COLUMN "rejected_by" text;--> statement-breakpoint
ALTER TABLE "disposal_lists" ADD COLUMN "rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "disposal_lists" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "disposal_lists" ADD COLUMN "removed" jsonb DEFAULT '[]'::jsonb NOT NULL;