CREATE TABLE "consultations" (
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
	"channel" varchar(16) NOT NULL,
	"topic" varchar(24) NOT NULL,
	"consulted_date" date NOT NULL,
	"asker_name" text,
	"asker_phone_enc" text,
	"asker_phone_masked" text,
	"question" text NOT NULL,
	"answer" text,
	"answered_date" date,
	"answered_by" text,
	"state" varchar(16) NOT NULL,
	"duration_minutes" integer,
	"referral_target" varchar(16),
	"referral_note" text,
	"referral_date" date,
	"satisfaction" varchar(16),
	"tracking_hash" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "duty_lawyer_logs" (
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
	"duty_date" date NOT NULL,
	"place" varchar(16) NOT NULL,
	"place_name" text NOT NULL,
	"lawyer_id" uuid,
	"lawyer_name" text NOT NULL,
	"consultations" integer DEFAULT 0 NOT NULL,
	"plea_witness" integer DEFAULT 0 NOT NULL,
	"referrals" integer DEFAULT 0 NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "law_firms" (
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
	"license_number" text NOT NULL,
	"firm_org_id" uuid,
	"head" text,
	"address" text,
	"phone" text,
	"lng" double precision,
	"lat" double precision,
	"founded_date" date
);
--> statement-breakpoint
CREATE TABLE "lawyers" (
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
	"kind" varchar(16) NOT NULL,
	"firm_id" uuid,
	"license_number" text NOT NULL,
	"license_date" date,
	"status" varchar(16) DEFAULT 'active' NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"specialties" text,
	"user_id" uuid,
	"assessments" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_cases" (
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
	"channel" varchar(16) NOT NULL,
	"case_type" varchar(16) NOT NULL,
	"state" varchar(24) NOT NULL,
	"instance_id" uuid,
	"received_date" date NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_enc" text,
	"applicant_id_masked" text,
	"applicant_id_index" varchar(64),
	"applicant_phone_enc" text,
	"applicant_phone_masked" text,
	"applicant_address_enc" text,
	"applicant_address_masked" text,
	"matter" text NOT NULL,
	"opponent" text,
	"means_ground" varchar(24),
	"household_size" integer,
	"monthly_income" numeric(12, 2),
	"means_eligible" boolean,
	"urgent" boolean DEFAULT false NOT NULL,
	"notice_org_name" text,
	"notice_number" text,
	"decision" varchar(16),
	"decision_date" date,
	"decision_reason" text,
	"assigned_date" date,
	"assignee_kind" varchar(16),
	"lawyer_id" uuid,
	"assignee_name" text,
	"assignee_firm" text,
	"assignee_user_id" uuid,
	"closed_date" date,
	"closing_result" text,
	"closing_materials" jsonb,
	"terminated_date" date,
	"termination_ground" varchar(24),
	"quality_scores" jsonb,
	"quality_total" integer,
	"quality_grade" varchar(16),
	"quality_date" date,
	"quality_assessor" text,
	"entries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tracking_hash" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "legal_aid_objections" (
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
	"case_id" uuid NOT NULL,
	"instance_id" uuid,
	"received_date" date NOT NULL,
	"reason" text NOT NULL,
	"state" varchar(16) NOT NULL,
	"decision" varchar(16),
	"decision_date" date,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "notary_matters" (
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
	"matter_type" varchar(24) NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_enc" text,
	"applicant_id_masked" text,
	"applicant_phone_enc" text,
	"applicant_phone_masked" text,
	"foreign" boolean DEFAULT false NOT NULL,
	"use_country" text,
	"one_visit" boolean DEFAULT false NOT NULL,
	"fee" numeric(12, 2) DEFAULT '0' NOT NULL,
	"state" varchar(16) NOT NULL,
	"accepted_date" date NOT NULL,
	"certified_date" date,
	"certificate_number" text,
	"notary_name" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "service_points" (
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
	"address" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"opening_hours" text,
	"phone" text,
	"staff_count" integer DEFAULT 0 NOT NULL,
	"staff_names" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cs_tracking_uq" ON "consultations" USING btree ("tracking_hash");--> statement-breakpoint
CREATE INDEX "cs_org_idx" ON "consultations" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "cs_date_idx" ON "consultations" USING btree ("consulted_date");--> statement-breakpoint
CREATE UNIQUE INDEX "cs_serial_uq" ON "consultations" USING btree ("org_id","serial_number");--> statement-breakpoint
CREATE INDEX "dll_org_idx" ON "duty_lawyer_logs" USING btree ("org_id","duty_date");--> statement-breakpoint
CREATE UNIQUE INDEX "lf_license_uq" ON "law_firms" USING btree ("license_number");--> statement-breakpoint
CREATE UNIQUE INDEX "lw_license_uq" ON "lawyers" USING btree ("license_number");--> statement-breakpoint
CREATE INDEX "lw_firm_idx" ON "lawyers" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "lw_user_idx" ON "lawyers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lac_number_uq" ON "legal_aid_cases" USING btree ("org_id","case_number");--> statement-breakpoint
CREATE UNIQUE INDEX "lac_tracking_uq" ON "legal_aid_cases" USING btree ("tracking_hash");--> statement-breakpoint
CREATE INDEX "lac_org_idx" ON "legal_aid_cases" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "lac_received_idx" ON "legal_aid_cases" USING btree ("received_date");--> statement-breakpoint
CREATE INDEX "lac_assigned_idx" ON "legal_aid_cases" USING btree ("assigned_date");--> statement-breakpoint
CREATE INDEX "lac_quality_idx" ON "legal_aid_cases" USING btree ("quality_date");--> statement-breakpoint
CREATE INDEX "lac_assignee_idx" ON "legal_aid_cases" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "lac_applicant_idx" ON "legal_aid_cases" USING btree ("applicant_id_index");--> statement-breakpoint
CREATE INDEX "lao_case_idx" ON "legal_aid_objections" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "nm_number_uq" ON "notary_matters" USING btree ("org_id","case_number");--> statement-breakpoint
CREATE INDEX "nm_org_idx" ON "notary_matters" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "nm_accepted_idx" ON "notary_matters" USING btree ("accepted_date");--> statement-breakpoint
CREATE INDEX "nm_certified_idx" ON "notary_matters" USING btree ("certified_date");--> statement-breakpoint
CREATE INDEX "sp_org_idx" ON "service_points" USING btree ("org_id","kind");