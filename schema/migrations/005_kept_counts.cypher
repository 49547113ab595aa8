// Counts kept at ingest (src/store/queries/counts.ts): entity-day nodes found by key, by entity
// (its timeline) and by day (trending). A pair's days are lists on its CoMention node.
CREATE CONSTRAINT entity_day_key IF NOT EXISTS FOR (d:EntityDay) REQUIRE d.key IS UNIQUE;
// only: grafeo
CREATE INDEX entity_day_key_index IF NOT EXISTS FOR (d:EntityDay) ON (d.key);
CREATE INDEX entity_day_entity IF NOT EXISTS FOR (d:EntityDay) ON (d.entity);
CREATE INDEX entity_day_day IF NOT EXISTS FOR (d:EntityDay) ON (d.day);
// Articles by UTC day: a page of a hub's articles reads the days its kept counts say hold it.
CREATE INDEX article_day IF NOT EXISTS FOR (a:Article) ON (a.day);
