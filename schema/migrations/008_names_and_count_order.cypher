// Entities found by name without reading every entity (src/store/queries/names.ts): the terms of
// their names and aliases, the first letters of their name (a search's prefix matches), and their
// kind and log2 of articleCount (the most mentioned, a bucket at a time). Equality lookups only:
// the embedded engine serves no range or STARTS WITH from an index.
CREATE INDEX entity_name_term IF NOT EXISTS FOR (n:EntityName) ON (n.term);
CREATE INDEX entity_name_prefix IF NOT EXISTS FOR (e:Entity) ON (e.namePrefix);
CREATE INDEX entity_count_bucket IF NOT EXISTS FOR (e:Entity) ON (e.countBucket);
