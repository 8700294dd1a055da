CREATE TABLE "enforcement_agencies" (
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
	"legal_basis" text DEFAULT '' NOT NULL,
	"powers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"qualified" boolean,
	"qualified_date" date
);
--> statement-breakpoint
CREATE TABLE "enforcement_campaigns" (
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
	"kind" varchar(16) NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"focus" text,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pass_score" integer,
	"agency_org_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conclusion" text
);
--> statement-breakpoint
CREATE TABLE "enforcement_case_file_reviews" (
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
	"campaign_id" uuid NOT NULL,
	"case_id" uuid,
	"case_number" text NOT NULL,
	"reviewed_date" date NOT NULL,
	"scores" jsonb NOT NULL,
	"total" integer NOT NULL,
	"passed" boolean NOT NULL,
	"findings" text
);
--> statement-breakpoint
CREATE TABLE "enforcement_cases" (
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
	"case_number" text NOT NULL,
	"kind" varchar(16) NOT NULL,
	"procedure" varchar(16) DEFAULT 'ordinary' NOT NULL,
	"party_name" text NOT NULL,
	"party_credit_code" varchar(18),
	"filed_date" date NOT NULL,
	"decision_date" date,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_basis" text,
	"amount" numeric(14, 2),
	"legal_basis" text,
	"major" boolean DEFAULT false NOT NULL,
	"legal_review_date" date,
	"must_publish" boolean DEFAULT true NOT NULL,
	"publication_date" date,
	"publication_link" text,
	"changed_date" date,
	"withdrawn_date" date,
	"decision_due" date,
	"publication_due" date,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_clues" (
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
	"kind" varchar(16) NOT NULL,
	"inspection_id" uuid NOT NULL,
	"prior_inspection_id" uuid,
	"enterprise_credit_code" varchar(18) NOT NULL,
	"enterprise_name" text NOT NULL,
	"inspection_date" date NOT NULL,
	"matter" text,
	"agency_org_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"window_days" integer NOT NULL,
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decided_date" date,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "enforcement_complaints" (
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
	"received_date" date NOT NULL,
	"complainant_name" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"phone_index" text,
	"category" varchar(24) NOT NULL,
	"content" text NOT NULL,
	"status" varchar(16) DEFAULT 'received' NOT NULL,
	"handled_date" date,
	"result" text,
	"substantiated" boolean
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspections" (
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
	"enterprise_credit_code" varchar(18) NOT NULL,
	"enterprise_name" text NOT NULL,
	"inspection_date" date NOT NULL,
	"matter" text NOT NULL,
	"planned" boolean DEFAULT true NOT NULL,
	"joint_task_id" uuid,
	"result" text
);
--> statement-breakpoint
CREATE TABLE "enforcement_joint_tasks" (
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
	"planned_date" date NOT NULL,
	"agency_org_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enterprise_name" text,
	"enterprise_credit_code" varchar(18),
	"note" text
);
--> statement-breakpoint
CREATE TABLE "enforcement_officers" (
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
	"user_id" uuid,
	"id_number_enc" text,
	"id_number_masked" text,
	"id_number_index" text,
	"staffed" boolean DEFAULT true NOT NULL,
	"certificate_type" varchar(16),
	"certificate_number" text,
	"certificate_area" text,
	"certificate_issued" date,
	"certificate_expiry" date,
	"exam_date" date,
	"exam_score" integer,
	"exam_passed" boolean,
	"training_hours" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_oversight_docs" (
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
	"kind" varchar(16) NOT NULL,
	"supervisor_org_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"number" text,
	"subject" text NOT NULL,
	"issued_date" date NOT NULL,
	"source_type" varchar(24),
	"source_id" uuid,
	"campaign_id" uuid
);
--> statement-breakpoint
CREATE TABLE "enforcement_rectifications" (
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
	"source_type" varchar(24) NOT NULL,
	"source_id" uuid,
	"item" text NOT NULL,
	"issued_date" date NOT NULL,
	"deadline" date NOT NULL,
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"closed_date" date,
	"closure_note" text,
	"evidence_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ea_org_uq" ON "enforcement_agencies" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ecfr_campaign_case_uq" ON "enforcement_case_file_reviews" USING btree ("campaign_id","org_id","case_number");--> statement-breakpoint
CREATE INDEX "ecfr_date_idx" ON "enforcement_case_file_reviews" USING btree ("reviewed_date");--> statement-breakpoint
CREATE UNIQUE INDEX "ec_number_uq" ON "enforcement_cases" USING btree ("org_id","case_number");--> statement-breakpoint
CREATE INDEX "ec_org_idx" ON "enforcement_cases" USING btree ("org_id","filed_date");--> statement-breakpoint
CREATE INDEX "ec_decision_idx" ON "enforcement_cases" USING btree ("decision_date");--> statement-breakpoint
CREATE UNIQUE INDEX "ecl_kind_insp_uq" ON "enforcement_clues" USING btree ("kind","inspection_id");--> statement-breakpoint
CREATE INDEX "ecl_status_idx" ON "enforcement_clues" USING btree ("status","inspection_date");--> statement-breakpoint
CREATE INDEX "ecp_org_idx" ON "enforcement_complaints" USING btree ("org_id","received_date");--> statement-breakpoint
CREATE INDEX "ei_enterprise_idx" ON "enforcement_inspections" USING btree ("enterprise_credit_code","inspection_date");--> statement-breakpoint
CREATE INDEX "ei_org_idx" ON "enforcement_inspections" USING btree ("org_id","inspection_date");--> statement-breakpoint
CREATE INDEX "ejt_date_idx" ON "enforcement_joint_tasks" USING btree ("planned_date");--> statement-breakpoint
CREATE INDEX "eo_org_idx" ON "enforcement_officers" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eo_cert_uq" ON "enforcement_officers" USING btree ("certificate_number");--> statement-breakpoint
CREATE INDEX "eo_id_idx" ON "enforcement_officers" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "eo_expiry_idx" ON "enforcement_officers" USING btree ("certificate_expiry");--> statement-breakpoint
CREATE INDEX "eod_org_idx" ON "enforcement_oversight_docs" USING btree ("org_id","issued_date");--> statement-breakpoint
CREATE INDEX "er_org_idx" ON "enforcement_rectifications" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "er_source_idx" ON "enforcement_rectifications" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "er_issued_idx" ON "enforcement_rectifications" USING btree ("issued_date");