CREATE TABLE "correction_assessments" (
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
	"person_name" text NOT NULL,
	"id_number_enc" text,
	"id_number_masked" text,
	"id_number_index" varchar(64),
	"requester" text NOT NULL,
	"proposed_type" varchar(16) NOT NULL,
	"crime" text,
	"fast_track" boolean DEFAULT false NOT NULL,
	"received_date" date NOT NULL,
	"due_date" date NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"state" varchar(16) NOT NULL,
	"opinion" varchar(16),
	"opinion_reasons" text,
	"completed_date" date,
	"document_id" uuid
);
--> statement-breakpoint
CREATE TABLE "correction_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"date" date NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"accuracy" double precision,
	"file_id" uuid,
	"note" text,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "correction_documents" (
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
	"subject_id" uuid,
	"assessment_id" uuid,
	"type" varchar(64) NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"issuer_org_id" uuid NOT NULL,
	"issuer_name" text NOT NULL,
	"issued_on" date NOT NULL,
	"blocks" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correction_leaves" (
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
	"subject_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"destination" text NOT NULL,
	"reason" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"days" integer,
	"approver" varchar(16) NOT NULL,
	"state" varchar(16) NOT NULL,
	"decided_date" date,
	"decided_by" uuid,
	"decision_note" text,
	"returned_date" date
);
--> statement-breakpoint
CREATE TABLE "correction_measures" (
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
	"subject_id" uuid NOT NULL,
	"measure" varchar(24) NOT NULL,
	"state" varchar(16) NOT NULL,
	"facts" text NOT NULL,
	"proposed_date" date NOT NULL,
	"decided_date" date,
	"decided_by" uuid,
	"decision_note" text,
	"document_id" uuid
);
--> statement-breakpoint
CREATE TABLE "correction_records" (
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
	"subject_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"date" date NOT NULL,
	"summary" text,
	"answered" boolean,
	"hours" integer,
	"month" varchar(7),
	"result" varchar(16)
);
--> statement-breakpoint
CREATE TABLE "correction_subjects" (
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
	"gender" varchar(4),
	"id_number_enc" text,
	"id_number_masked" text,
	"id_number_index" varchar(64),
	"phone_enc" text,
	"phone_masked" text,
	"address_enc" text,
	"address_masked" text,
	"sentence_type" varchar(16) NOT NULL,
	"crime" text NOT NULL,
	"sentence" text,
	"decision_org" text NOT NULL,
	"judgment_number" text,
	"judgment_effective_date" date NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"received_date" date NOT NULL,
	"report_due_date" date,
	"reported_date" date,
	"announced_date" date,
	"level" varchar(16) DEFAULT 'normal' NOT NULL,
	"state" varchar(16) NOT NULL,
	"ended_date" date,
	"ending" varchar(16),
	"reoffended" boolean DEFAULT false NOT NULL,
	"reoffended_date" date,
	"group_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plan" text,
	"last_contact_date" date,
	"subject_user_id" uuid,
	"instance_id" uuid,
	"source" varchar(16) DEFAULT 'system' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resettlement_persons" (
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
	"gender" varchar(4),
	"id_number_enc" text,
	"id_number_masked" text,
	"id_number_index" varchar(64),
	"phone_enc" text,
	"phone_masked" text,
	"address_enc" text,
	"address_masked" text,
	"prison" text NOT NULL,
	"crime" text,
	"release_date" date NOT NULL,
	"notice_date" date NOT NULL,
	"handover_date" date,
	"risk_level" varchar(8) DEFAULT 'low' NOT NULL,
	"help_group" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"helps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"follow_until" date NOT NULL,
	"state" varchar(16) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ca_org_state_idx" ON "correction_assessments" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "ca_due_idx" ON "correction_assessments" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "cc_subject_idx" ON "correction_checkins" USING btree ("subject_id","at");--> statement-breakpoint
CREATE INDEX "cd_subject_idx" ON "correction_documents" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "cd_assessment_idx" ON "correction_documents" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "cl_subject_idx" ON "correction_leaves" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "cl_state_idx" ON "correction_leaves" USING btree ("state","end_date");--> statement-breakpoint
CREATE INDEX "cm_subject_idx" ON "correction_measures" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "cm_measure_date_idx" ON "correction_measures" USING btree ("measure","decided_date");--> statement-breakpoint
CREATE INDEX "cr_subject_idx" ON "correction_records" USING btree ("subject_id","date");--> statement-breakpoint
CREATE INDEX "cr_kind_date_idx" ON "correction_records" USING btree ("kind","date");--> statement-breakpoint
CREATE UNIQUE INDEX "cr_assessment_month_uq" ON "correction_records" USING btree ("subject_id","month") WHERE kind = 'assessment' and voided_at is null;--> statement-breakpoint
CREATE INDEX "cs_org_state_idx" ON "correction_subjects" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "cs_id_index_idx" ON "correction_subjects" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "cs_received_idx" ON "correction_subjects" USING btree ("received_date");--> statement-breakpoint
CREATE INDEX "cs_ended_idx" ON "correction_subjects" USING btree ("ended_date");--> statement-breakpoint
CREATE INDEX "cs_user_idx" ON "correction_subjects" USING btree ("subject_user_id");--> statement-breakpoint
CREATE INDEX "rp_org_idx" ON "resettlement_persons" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "rp_release_idx" ON "resettlement_persons" USING btree ("release_date");