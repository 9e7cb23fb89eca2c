-- "Find a person" (issue 14). pg_trgm is already created by 0006; IF NOT EXISTS keeps this migration standing alone.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- A phone number as +<country><number>, the rule of src/application/casework/person-keys.ts phoneKey (kept identical:
-- person-keys.int.test.ts compares them): "(0)" dropped, digits only, 00 → +, a leading 0 is a UK number (+44).
CREATE OR REPLACE FUNCTION rightsdesk_phone_key(raw text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN raw IS NULL OR length(d) < 9 THEN NULL
    WHEN btrim(raw) LIKE '+%' THEN '+' || d
    WHEN d LIKE '00%' THEN '+' || substr(d, 3)
    WHEN d LIKE '0%' THEN '+44' || substr(d, 2)
    ELSE d
  END
  FROM (SELECT regexp_replace(replace(raw, '(0)', ''), '[^0-9]', '', 'g') AS d) AS digits
$$;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search_keys" text[] GENERATED ALWAYS AS (array_remove(ARRAY[
  'email:' || nullif(lower(btrim(state #>> '{subject,email}')), ''),
  'rep-email:' || nullif(lower(btrim(state #>> '{representative,email}')), ''),
  'phone:' || rightsdesk_phone_key(state #>> '{subject,phone}'),
  'rep-phone:' || rightsdesk_phone_key(state #>> '{representative,phone}'),
  'postcode:' || nullif(upper(regexp_replace(state #>> '{subject,address,postcode}', '\s', '', 'g')), ''),
  'dob:' || nullif(state #>> '{subject,dateOfBirth}', '')
], NULL)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search_names" text GENERATED ALWAYS AS (lower(coalesce(state #>> '{subject,name}', '') || ' ' || coalesce(state #>> '{representative,name}', '')
  || ' ' || coalesce(state #>> '{subject,otherNames}', ''))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_search_keys_idx" ON "cases" USING gin ("search_keys");--> statement-breakpoint
CREATE INDEX "cases_search_names_trgm_idx" ON "cases" USING gin ("search_names" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_search_names_tsv_idx" ON "cases" USING gin (to_tsvector('simple'::regconfig, "search_names"));