CREATE TABLE "legality_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	"serial_number" text NOT NULL,
	"object_type" varchar(32) NOT NULL,
	"title" text NOT NULL,
	"submitter_org_id" uuid,
	"submitter_name" text NOT NULL,
	"document_id" uuid,
	"instance_id" uuid,
	"state" varchar(32) NOT NULL,
	"submitted_date" date NOT NULL,
	"accepted_date" date,
	"opinion" varchar(32),
	"opinion_reasons" text,
	"opinion_date" date,
	"adopted" boolean,
	"adoption_note" text,
	"feedback_date" date,
	"archived_date" date,
	"summary" text
);
--> statement-breakpoint
CREATE TABLE "normative_document_lookups" (
	"document_id" uuid NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "normative_document_lookups_document_id_day_pk" PRIMARY KEY("document_id","day")
);
--> statement-breakpoint
CREATE TABLE "normative_document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"title" text NOT NULL,
	"doc_number" text,
	"body" text NOT NULL,
	"effective_date" date,
	"valid_until" date,
	"superseded_date" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normative_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"doc_number" text,
	"stage" varchar(16) NOT NULL,
	"status" varchar(16),
	"provisional" boolean DEFAULT false NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"registration_number" text,
	"code" varchar(32),
	"published_date" date,
	"effective_date" date,
	"valid_until" date,
	"filing_due_date" date,
	"filed_date" date,
	"filed_with" text,
	"filed_late" boolean,
	"cleanup_outcome" varchar(16),
	"cleanup_date" date,
	"status_date" date,
	"version_no" integer DEFAULT 1 NOT NULL,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tokens" "tsvector"
);
--> statement-breakpoint
CREATE UNIQUE INDEX "lr_serial_uq" ON "legality_reviews" USING btree ("org_id","serial_number");--> statement-breakpoint
CREATE INDEX "lr_org_idx" ON "legality_reviews" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "lr_submitted_idx" ON "legality_reviews" USING btree ("submitted_date");--> statement-breakpoint
CREATE INDEX "lr_feedback_idx" ON "legality_reviews" USING btree ("feedback_date");--> statement-breakpoint
CREATE INDEX "lr_instance_idx" ON "legality_reviews" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "ndl_day_idx" ON "normative_document_lookups" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "ndv_doc_version_uq" ON "normative_document_versions" USING btree ("document_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "nd_code_uq" ON "normative_documents" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "nd_registration_uq" ON "normative_documents" USING btree ("registration_number");--> statement-breakpoint
CREATE INDEX "nd_org_idx" ON "normative_documents" USING btree ("org_id","stage","status");--> statement-breakpoint
CREATE INDEX "nd_valid_until_idx" ON "normative_documents" USING btree ("valid_until");--> statement-breakpoint
CREATE INDEX "nd_published_idx" ON "normative_documents" USING btree ("published_date");--> statement-breakpoint
CREATE INDEX "nd_tokens_idx" ON "normative_documents" USING gin ("tokens");