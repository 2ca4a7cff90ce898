CREATE TABLE "application_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"authority_code" text,
	"opinion" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"material_code" text NOT NULL,
	"file_key" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"width_px" integer,
	"height_px" integer,
	"sha256" text NOT NULL,
	"original_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"apply_no" text,
	"citizen_id" uuid NOT NULL,
	"service" text NOT NULL,
	"variant" text,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"notice_version" text NOT NULL,
	"notice_agreed_at" timestamp with time zone NOT NULL,
	"certificate_id" uuid,
	"category_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"service_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"collection_method" text,
	"mailing_address_id" uuid,
	"mailing_address_snapshot_enc" text,
	"handling_authority_code" text,
	"promised_days" integer,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "applications_apply_no_unique" UNIQUE("apply_no")
);
--> statement-breakpoint
ALTER TABLE "application_actions" ADD CONSTRAINT "application_actions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_handling_authority_code_authorities_code_fk" FOREIGN KEY ("handling_authority_code") REFERENCES "public"."authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_actions_application" ON "application_actions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_materials_application" ON "application_materials" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "applications_citizen" ON "applications" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "applications_certificate" ON "applications" USING btree ("certificate_id","service");--> statement-breakpoint
-- 办件编号: the submission date and a number that never repeats.
CREATE SEQUENCE application_no_seq;
