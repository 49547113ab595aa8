// Entity-day rows found by day and their entity's count bucket (src/store/queries/counts.ts): trending
// reads the days of the entities mentioned often enough to rank (src/store/queries/trend-counts.ts).
// Equality only: the embedded engine serves no range from an index.
CREATE INDEX entity_day_slot IF NOT EXISTS FOR (d:EntityDay) ON (d.slot);
