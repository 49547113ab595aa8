// Identity of every node kind: a uniqueness constraint on its key, and on the embedded engine
// an index beside it (there a constraint is not an index; on Neo4j the constraint brings its own).
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:Migration) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (e:Entity) REQUIRE e.key IS UNIQUE;
CREATE CONSTRAINT event_key IF NOT EXISTS FOR (e:Event) REQUIRE e.key IS UNIQUE;
CREATE CONSTRAINT quote_key IF NOT EXISTS FOR (q:Quote) REQUIRE q.key IS UNIQUE;
// only: grafeo
CREATE INDEX migration_id_index IF NOT EXISTS FOR (m:Migration) ON (m.id);
// only: grafeo
CREATE INDEX article_id_index IF NOT EXISTS FOR (a:Article) ON (a.id);
// only: grafeo
CREATE INDEX entity_key_index IF NOT EXISTS FOR (e:Entity) ON (e.key);
// only: grafeo
CREATE INDEX event_key_index IF NOT EXISTS FOR (e:Event) ON (e.key);
// only: grafeo
CREATE INDEX quote_key_index IF NOT EXISTS FOR (q:Quote) ON (q.key);
