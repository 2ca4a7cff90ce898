CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"doc_no" text NOT NULL,
	"verify_code" text NOT NULL,
	"application_id" uuid,
	"certificate_id" uuid,
	"citizen_id" uuid,
	"authority_code" text NOT NULL,
	"content" text NOT NULL,
	"content_hash" text NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL,
	"pdf_key" text NOT NULL,
	"pdf_sha256" text NOT NULL,
	"status" text DEFAULT 'VALID' NOT NULL,
	"superseded_by" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" text NOT NULL,
	CONSTRAINT "documents_doc_no_unique" UNIQUE("doc_no"),
	CONSTRAINT "documents_verify_code_unique" UNIQUE("verify_code")
);
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_authority_code_authorities_code_fk" FOREIGN KEY ("authority_code") REFERENCES "public"."authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_application" ON "documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "documents_pdf_sha256" ON "documents" USING btree ("pdf_sha256");--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "document_no_seq" START WITH 1;