CREATE TABLE "assessment_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"cycle_no" integer NOT NULL,
	"cycle_start" date NOT NULL,
	"cycle_end" date NOT NULL,
	"total_points" integer NOT NULL,
	"grade" text NOT NULL,
	"graded_on" date NOT NULL,
	"authority_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "captchas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "certificate_categories" (
	"certificate_id" uuid NOT NULL,
	"code" text NOT NULL,
	"first_issue_date" date NOT NULL,
	"issue_date" date NOT NULL,
	"valid_to" date NOT NULL,
	"status" text DEFAULT 'VALID' NOT NULL,
	CONSTRAINT "certificate_categories_certificate_id_code_pk" PRIMARY KEY("certificate_id","code")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cert_no" text NOT NULL,
	"holder_id_enc" text NOT NULL,
	"holder_id_bidx" text NOT NULL,
	"holder_name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"photo_key" text,
	"issuing_authority_code" text NOT NULL,
	"employer_name" text,
	"employer_uscc" text,
	"archive_no" text,
	"status" text DEFAULT 'VALID' NOT NULL,
	"bound_citizen_id" uuid,
	"bound_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_cert_no_unique" UNIQUE("cert_no")
);
--> statement-breakpoint
CREATE TABLE "point_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"occurred_on" date NOT NULL,
	"indicator" text NOT NULL,
	"points" integer NOT NULL,
	"decision_no" text NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'VALID' NOT NULL,
	"revoked_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_authority_code_authorities_code_fk" FOREIGN KEY ("authority_code") REFERENCES "public"."authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_categories" ADD CONSTRAINT "certificate_categories_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issuing_authority_code_authorities_code_fk" FOREIGN KEY ("issuing_authority_code") REFERENCES "public"."authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_bound_citizen_id_citizens_id_fk" FOREIGN KEY ("bound_citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_records" ADD CONSTRAINT "point_records_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_results_cycle" ON "assessment_results" USING btree ("certificate_id","category_code","cycle_no");--> statement-breakpoint
CREATE INDEX "certificates_holder" ON "certificates" USING btree ("holder_id_bidx");--> statement-breakpoint
CREATE INDEX "certificates_bound" ON "certificates" USING btree ("bound_citizen_id");--> statement-breakpoint
CREATE INDEX "point_records_certificate" ON "point_records" USING btree ("certificate_id","category_code");