// Every other property a query looks nodes up by.
CREATE INDEX article_url IF NOT EXISTS FOR (a:Article) ON (a.url);
CREATE INDEX article_sort_date IF NOT EXISTS FOR (a:Article) ON (a.sortDate);
CREATE INDEX article_source IF NOT EXISTS FOR (a:Article) ON (a.source);
CREATE INDEX entity_name_lower IF NOT EXISTS FOR (e:Entity) ON (e.nameLower);
CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind);
CREATE INDEX entity_iso3 IF NOT EXISTS FOR (e:Entity) ON (e.iso3);
CREATE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.date);
CREATE INDEX event_type IF NOT EXISTS FOR (e:Event) ON (e.type);
// Entity search matches `searchText` (name and aliases, lower case) with CONTAINS: a text index
// serves that on Neo4j; the embedded engine has no Cypher form for one and scans.
// only: neo4j
CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (e:Entity) ON (e.searchText);
