// Week sums of the entity-day counts (src/store/queries/entity-weeks.ts): trending bounds a frequent
// entity's ratio from the weeks its window and baseline touch, read by slot (the week and the
// entity's count bucket), before it reads any of its days (src/store/queries/trend-counts.ts).
CREATE CONSTRAINT entity_week_key IF NOT EXISTS FOR (w:EntityWeek) REQUIRE w.key IS UNIQUE;
// only: grafeo
CREATE INDEX entity_week_key_index IF NOT EXISTS FOR (w:EntityWeek) ON (w.key);
CREATE INDEX entity_week_entity IF NOT EXISTS FOR (w:EntityWeek) ON (w.entity);
CREATE INDEX entity_week_slot IF NOT EXISTS FOR (w:EntityWeek) ON (w.slot);
