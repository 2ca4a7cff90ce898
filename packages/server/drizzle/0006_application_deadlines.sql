ALTER TABLE "applications" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "legal_deadline" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "promised_deadline" date;