CREATE TABLE "api_idempotency_keys" (
	"token_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_sha256" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_idempotency_keys_token_id_key_pk" PRIMARY KEY("token_id","key")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "controller_ids" text[];--> statement-breakpoint
-- Tokens issued before tokens carried a scope keep what their user held when the scope was introduced.
UPDATE "api_tokens" t SET "controller_ids" = u."controller_ids" FROM "users" u WHERE u."id" = t."user_id";--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "controller_ids" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "disposal_lists" ADD COLUMN "controller_id" text;--> statement-breakpoint
-- A list whose cases are all one controller's is that controller's; a mixed list keeps no controller and cannot be approved.
UPDATE "disposal_lists" l SET "controller_id" = (SELECT min(i->>'controllerId') FROM jsonb_array_elements(l."items") i)
  WHERE (SELECT count(DISTINCT i->>'controllerId') FROM jsonb_array_elements(l."items") i) = 1;--> statement-breakpoint
ALTER TABLE "api_idempotency_keys" ADD CONSTRAINT "api_idempotency_keys_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;