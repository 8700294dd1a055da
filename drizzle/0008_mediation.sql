CREATE TABLE "mediation_cases" (
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
	"source" varchar(16) NOT NULL,
	"dispute_type" varchar(32) NOT NULL,
	"summary" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_enc" text,
	"applicant_id_masked" text,
	"applicant_id_index" varchar(64),
	"applicant_phone_enc" text,
	"applicant_phone_masked" text,
	"applicant_address_enc" text,
	"applicant_address_masked" text,
	"respondent_name" text NOT NULL,
	"party_count" integer DEFAULT 2 NOT NULL,
	"amount" numeric(14, 2),
	"township_code" varchar(12),
	"village_org_id" uuid,
	"registered_date" date NOT NULL,
	"accepted_date" date,
	"level" varchar(16) NOT NULL,
	"escalations" integer DEFAULT 0 NOT NULL,
	"mediator_id" uuid,
	"mediator_names" text,
	"court_org_id" uuid,
	"court_case_number" text,
	"referral_date" date,
	"outcome" varchar(16),
	"closed_date" date,
	"agreement_type" varchar(16),
	"agreement_content" text,
	"agreement_instrument_id" uuid,
	"outcome_note" text,
	"follow_up_date" date,
	"performance" varchar(16),
	"follow_up_note" text,
	"confirmation_status" varchar(16) DEFAULT 'none' NOT NULL,
	"confirmation_applied_date" date,
	"confirmation_decided_date" date,
	"confirmation_instance_id" uuid,
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"instance_id" uuid,
	"tracking_hash" varchar(64),
	"entry" varchar(16) DEFAULT 'register' NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "mediation_committees" (
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
	"level" varchar(16) NOT NULL,
	"industry" varchar(32),
	"township_code" varchar(12),
	"village_org_id" uuid,
	"director_name" text,
	"phone" text,
	"address" text,
	"established_date" date,
	"accepts_court_referrals" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_court_stats" (
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
	"month" varchar(7) NOT NULL,
	"civil_first_instance" integer NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "mediation_mediators" (
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
	"gender" varchar(8),
	"kind" varchar(16) NOT NULL,
	"specialties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"user_id" uuid,
	"is_expert" boolean DEFAULT false NOT NULL,
	"expert_field" text,
	"title" text,
	"status" varchar(16) DEFAULT 'active' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_screenings" (
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
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"village_org_id" uuid,
	"screening_count" integer NOT NULL,
	"disputes_found" integer NOT NULL,
	"disputes_resolved" integer NOT NULL,
	"key_risks" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "mediation_sequences" (
	"scope" varchar(12) NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "mediation_sequences_scope_year_pk" PRIMARY KEY("scope","year")
);
--> statement-breakpoint
CREATE TABLE "mediation_sessions" (
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
	"session_date" date NOT NULL,
	"mediator_names" text NOT NULL,
	"location" text,
	"content" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_cases_number_uq" ON "mediation_cases" USING btree ("case_number");--> statement-breakpoint
CREATE INDEX "mediation_cases_org_idx" ON "mediation_cases" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "mediation_cases_registered_idx" ON "mediation_cases" USING btree ("registered_date");--> statement-breakpoint
CREATE INDEX "mediation_cases_closed_idx" ON "mediation_cases" USING btree ("closed_date");--> statement-breakpoint
CREATE INDEX "mediation_cases_court_idx" ON "mediation_cases" USING btree ("court_org_id");--> statement-breakpoint
CREATE INDEX "mediation_cases_mediator_idx" ON "mediation_cases" USING btree ("mediator_id");--> statement-breakpoint
CREATE INDEX "mediation_cases_tracking_idx" ON "mediation_cases" USING btree ("tracking_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_committees_org_uq" ON "mediation_committees" USING btree ("org_id") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "mediation_committees_township_idx" ON "mediation_committees" USING btree ("township_code");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_court_stats_uq" ON "mediation_court_stats" USING btree ("org_id","month") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "mediation_mediators_org_idx" ON "mediation_mediators" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "mediation_mediators_user_idx" ON "mediation_mediators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "mediation_screenings_org_idx" ON "mediation_screenings" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "mediation_screenings_period_idx" ON "mediation_screenings" USING btree ("period_start");--> statement-breakpoint
CREATE INDEX "mediation_sessions_case_idx" ON "mediation_sessions" USING btree ("case_id");