ALTER TABLE "instruments" ADD COLUMN "sequence" varchar(64);--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "issuer_org_id" uuid;--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "issuer_name" text;--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "issued_on" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "blocks" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "instruments_serial_uq" ON "instruments" USING btree ("issuer_org_id","sequence","year","serial");