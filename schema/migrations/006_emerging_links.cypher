// Pairs by the UTC day they were last seen (src/store/queries/emerging.ts): the pairs active in a
// recent window are one indexed lookup per day, not every pair.
CREATE INDEX co_mention_last_day IF NOT EXISTS FOR (p:CoMention) ON (p.lastDay);
