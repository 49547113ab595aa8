// Co-mention pairs are nodes found by key (see addCoMentions in src/store/queries/ingest.ts).
CREATE CONSTRAINT co_mention_key IF NOT EXISTS FOR (p:CoMention) REQUIRE p.key IS UNIQUE;
// only: grafeo
CREATE INDEX co_mention_key_index IF NOT EXISTS FOR (p:CoMention) ON (p.key);
