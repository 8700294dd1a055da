CREATE TABLE "indicator_manual_defs" (
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
	"code" varchar(48) NOT NULL,
	"label" text NOT NULL,
	"unit_label" varchar(16) DEFAULT '' NOT NULL,
	"definition" text NOT NULL,
	"aggregation" varchar(8) DEFAULT 'latest' NOT NULL,
	"direction" varchar(16) DEFAULT 'higherBetter' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_manual_values" (
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
	"def_code" varchar(48) NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"source" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "indicator_rectifications" (
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
	"target_id" varchar(36),
	"indicator_key" varchar(96),
	"year" integer,
	"requirement" text,
	"deadline" date NOT NULL,
	"status" varchar(8) DEFAULT 'open' NOT NULL,
	"closed_date" date,
	"closure_note" text
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
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
	"indicator_key" varchar(96) NOT NULL,
	"comparator" varchar(4) NOT NULL,
	"threshold" numeric(18, 4) NOT NULL,
	"basis" text
);
--> statement-breakpoint
CREATE TABLE "annual_report_inputs" (
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
	"category" varchar(16) NOT NULL,
	"module" varchar(32),
	"title" text NOT NULL,
	"content" text NOT NULL,
	"occurred_on" date,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "annual_report_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"content" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
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
	"status" varchar(24) DEFAULT 'drafting' NOT NULL,
	"content" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"figures_at" timestamp with time zone NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"workflow_instance_id" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "legality_review_clauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"clause" text NOT NULL,
	"opinion" text NOT NULL,
	"reason" text NOT NULL,
	"adopted" boolean,
	"explanation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legality_review_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"expert_kind" varchar(16) NOT NULL,
	"expert_name" text NOT NULL,
	"consulted_date" date NOT NULL,
	"question" text NOT NULL,
	"opinion" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legality_reviews" ADD COLUMN "flow" varchar(16) DEFAULT 'township' NOT NULL;--> statement-breakpoint
ALTER TABLE "legality_reviews" ADD COLUMN "entry_mode" varchar(16) DEFAULT 'workflow' NOT NULL;--> statement-breakpoint
ALTER TABLE "legality_reviews" ADD COLUMN "early_reason" text;--> statement-breakpoint
ALTER TABLE "legality_reviews" ADD COLUMN "reviewer_name" text;--> statement-breakpoint
ALTER TABLE "legality_reviews" ADD COLUMN "meeting_date" date;--> statement-breakpoint
CREATE UNIQUE INDEX "imd_code_uq" ON "indicator_manual_defs" USING btree ("code") WHERE voided_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "imv_uq" ON "indicator_manual_values" USING btree ("def_code","org_id","period_from","period_to") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "imv_def_idx" ON "indicator_manual_values" USING btree ("def_code","period_to");--> statement-breakpoint
CREATE INDEX "ir_org_idx" ON "indicator_rectifications" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "ir_target_idx" ON "indicator_rectifications" USING btree ("target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "it_uq" ON "indicator_targets" USING btree ("org_id","year","indicator_key") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "it_year_idx" ON "indicator_targets" USING btree ("year");--> statement-breakpoint
CREATE INDEX "annual_report_inputs_org_year_idx" ON "annual_report_inputs" USING btree ("org_id","year","category");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_versions_uq" ON "annual_report_versions" USING btree ("report_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_org_year_uq" ON "annual_reports" USING btree ("org_id","year") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "annual_reports_status_idx" ON "annual_reports" USING btree ("status","year");--> statement-breakpoint
CREATE UNIQUE INDEX "lrcl_review_seq_uq" ON "legality_review_clauses" USING btree ("review_id","seq");--> statement-breakpoint
CREATE INDEX "lrc_review_idx" ON "legality_review_consultations" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "lr_submitter_idx" ON "legality_reviews" USING btree ("submitter_org_id");--> statement-breakpoint
CREATE INDEX "lr_document_idx" ON "legality_reviews" USING btree ("document_id");