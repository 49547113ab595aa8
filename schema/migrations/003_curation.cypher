// Curation: the audit trail of admin changes, and the old keys of merged entities.
CREATE CONSTRAINT curation_id IF NOT EXISTS FOR (c:Curation) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT redirect_key IF NOT EXISTS FOR (r:Redirect) REQUIRE r.key IS UNIQUE;
// only: grafeo
CREATE INDEX curation_id_index IF NOT EXISTS FOR (c:Curation) ON (c.id);
// only: grafeo
CREATE INDEX redirect_key_index IF NOT EXISTS FOR (r:Redirect) ON (r.key);
