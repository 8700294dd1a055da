CREATE TABLE "cleanup_campaign_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"outcome" varchar(16),
	"reason" text,
	"decided_date" date,
	"decided_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cleanup_campaigns" (
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
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"state" varchar(16) NOT NULL,
	"finished_date" date,
	"notice_instrument_id" uuid,
	"notice_number" text
);
--> statement-breakpoint
CREATE TABLE "major_decision_catalogs" (
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
	"year" integer NOT NULL,
	"approved_date" date,
	"published_date" date
);
--> statement-breakpoint
CREATE TABLE "major_decision_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"step" varchar(32) NOT NULL,
	"skipped" boolean DEFAULT false NOT NULL,
	"date" date NOT NULL,
	"start_date" date,
	"end_date" date,
	"result" varchar(32),
	"note" text,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "major_decisions" (
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
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"host_unit" text NOT NULL,
	"planned_date" date NOT NULL,
	"current_step" varchar(32)
);
--> statement-breakpoint
CREATE TABLE "normative_doc_filings" (
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
	"filer_name" text NOT NULL,
	"title" text NOT NULL,
	"doc_number" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"published_date" date NOT NULL,
	"submitted_date" date NOT NULL,
	"due_date" date NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"days_late" integer DEFAULT 0 NOT NULL,
	"state" varchar(16) NOT NULL,
	"review_result" varchar(16),
	"review_reasons" text,
	"review_date" date,
	"reviewer_name" text,
	"notice_instrument_id" uuid,
	"notice_number" text,
	"correction_deadline" date,
	"correction_result" varchar(16),
	"correction_note" text,
	"correction_date" date,
	"evidence_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"document_id" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cci_campaign_doc_uq" ON "cleanup_campaign_items" USING btree ("campaign_id","document_id");--> statement-breakpoint
CREATE INDEX "cci_reviewer_idx" ON "cleanup_campaign_items" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "cc_org_idx" ON "cleanup_campaigns" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "mdc_org_year_uq" ON "major_decision_catalogs" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "mds_decision_step_uq" ON "major_decision_steps" USING btree ("decision_id","step");--> statement-breakpoint
CREATE INDEX "md_org_year_idx" ON "major_decisions" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "ndf_serial_uq" ON "normative_doc_filings" USING btree ("serial_number");--> statement-breakpoint
CREATE INDEX "ndf_org_idx" ON "normative_doc_filings" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "ndf_submitted_idx" ON "normative_doc_filings" USING btree ("submitted_date");--> statement-breakpoint
CREATE INDEX "ndf_review_idx" ON "normative_doc_filings" USING btree ("review_date");