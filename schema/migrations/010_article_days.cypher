// Articles per UTC day (src/store/queries/article-days.ts): the page of all articles, newest first,
// reads the few newest days that hold it instead of every article.
CREATE CONSTRAINT article_day_day IF NOT EXISTS FOR (d:ArticleDay) REQUIRE d.day IS UNIQUE;
// only: grafeo
CREATE INDEX article_day_day_index IF NOT EXISTS FOR (d:ArticleDay) ON (d.day);
