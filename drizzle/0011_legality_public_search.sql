CREATE TABLE "normative_document_search" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"published_date" date,
	"title_tokens" "tsvector" NOT NULL,
	"tokens" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "normative_document_search" ADD CONSTRAINT "normative_document_search_document_id_normative_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."normative_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nds_tokens_idx" ON "normative_document_search" USING gin ("tokens");