CREATE TABLE "archive_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"certificate_id" uuid NOT NULL,
	"from_authority_code" text NOT NULL,
	"to_authority_code" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "authority_service_settings" (
	"authority_code" text NOT NULL,
	"service" text NOT NULL,
	"promised_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "authority_service_settings_authority_code_service_pk" PRIMARY KEY("authority_code","service")
);
--> statement-breakpoint
CREATE TABLE "certificate_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate_id" uuid NOT NULL,
	"serial_no" text,
	"issued_on" date,
	"status" text NOT NULL,
	"void_reason" text,
	"application_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certificate_cards_serial_no_unique" UNIQUE("serial_no")
);
--> statement-breakpoint
CREATE TABLE "notice_versions" (
	"service" text NOT NULL,
	"variant" text DEFAULT '' NOT NULL,
	"version" text NOT NULL,
	"notice" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "notice_versions_service_variant_version_pk" PRIMARY KEY("service","variant","version")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"citizen_id" uuid NOT NULL,
	"application_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "due_date" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "correction_deadline" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "overdue_flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "claimed_by" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "result" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD COLUMN "suggested_grade" text;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD COLUMN "grade_reason" text;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD COLUMN "graded_by" uuid;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD COLUMN "continuing_education_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "certificate_categories" ADD COLUMN "cancelled_reason" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "contact_mobile_enc" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "address_enc" text;--> statement-breakpoint
ALTER TABLE "point_records" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "point_records" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "point_records" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "archive_transfers" ADD CONSTRAINT "archive_transfers_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_transfers" ADD CONSTRAINT "archive_transfers_from_authority_code_authorities_code_fk" FOREIGN KEY ("from_authority_code") REFERENCES "public"."authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_transfers" ADD CONSTRAINT "archive_transfers_to_authority_code_authorities_code_fk" FOREIGN KEY ("to_authority_code") REFERENCES "public"."authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_service_settings" ADD CONSTRAINT "authority_service_settings_authority_code_authorities_code_fk" FOREIGN KEY ("authority_code") REFERENCES "public"."authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_cards" ADD CONSTRAINT "certificate_cards_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archive_transfers_from" ON "archive_transfers" USING btree ("from_authority_code","status");--> statement-breakpoint
CREATE INDEX "certificate_cards_certificate" ON "certificate_cards" USING btree ("certificate_id");--> statement-breakpoint
CREATE INDEX "notifications_citizen" ON "notifications" USING btree ("citizen_id","seq");--> statement-breakpoint
CREATE INDEX "applications_queue" ON "applications" USING btree ("handling_authority_code","status");--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "card_serial_seq" START WITH 1;