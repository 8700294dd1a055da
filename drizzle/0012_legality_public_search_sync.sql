-- The public register's search rows follow normative_documents: a document the public may see (公布, not
-- voided, with a search vector) has exactly one row; any other has none. Title words are the A-weighted
-- part of the document's vector (searchVector() in src/platform/search/service.ts).
CREATE OR REPLACE FUNCTION normative_document_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.stage = 'published' AND NEW.voided_at IS NULL AND NEW.tokens IS NOT NULL THEN
    INSERT INTO normative_document_search (document_id, published_date, title_tokens, tokens)
    VALUES (NEW.id, NEW.published_date, strip(ts_filter(NEW.tokens, '{a}')), NEW.tokens)
    ON CONFLICT (document_id) DO UPDATE
      SET published_date = EXCLUDED.published_date, title_tokens = EXCLUDED.title_tokens, tokens = EXCLUDED.tokens;
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM normative_document_search WHERE document_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER normative_document_search_sync AFTER INSERT OR UPDATE OF stage, voided_at, tokens, published_date ON normative_documents
  FOR EACH ROW EXECUTE FUNCTION normative_document_search_sync();
--> statement-breakpoint
INSERT INTO normative_document_search (document_id, published_date, title_tokens, tokens)
  SELECT id, published_date, strip(ts_filter(tokens, '{a}')), tokens FROM normative_documents
  WHERE stage = 'published' AND voided_at IS NULL AND tokens IS NOT NULL
  ON CONFLICT (document_id) DO NOTHING;
