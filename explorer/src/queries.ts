/** The operations the explorer sends, and the shapes it reads back. */

export type Kind = 'PERSON' | 'COUNTRY' | 'ORGANIZATION' | 'PLACE';

export interface EntityBrief {
  key: string;
  name: string;
  kind: Kind;
  articleCount?: number | null;
}

export interface ArticleBrief {
  articleId: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
  source?: string | null;
}

export interface Evidence {
  sentence: string;
  article: ArticleBrief | null;
}

export interface TimeBucket {
  bucket: string;
  count: number;
}

export const SEARCH = `query Search($query: String!) {
  search(query: $query, first: 8) { key name kind articleCount }
}`;
export interface SearchResult {
  search: EntityBrief[] | null;
}

export const NETWORK = `query Network($around: [EntityRef!]!, $since: DateTime, $until: DateTime, $limit: Int) {
  network(around: $around, depth: 1, limit: $limit, since: $since, until: $until) {
    truncated
    nodes { weight entity { key name kind } }
    edges { weight source { key } target { key } }
  }
}`;
export interface NetworkResult {
  network: {
    truncated: boolean;
    nodes: { weight: number; entity: EntityBrief }[];
    edges: { weight: number; source: { key: string }; target: { key: string } }[];
  } | null;
}

const ARTICLE_BRIEF = 'articleId title url publishedAt source';

export const ENTITY = `query Entity($key: String!, $since: DateTime, $until: DateTime) {
  entity(key: $key) {
    key name kind aliases articleCount mentionCount firstSeen lastSeen
    ... on Person { wikidataId roles { title asOf country { name } organization { name } } }
    ... on Country { code }
    timeline(granularity: MONTH, since: $since, until: $until) { bucket count }
    coMentions(first: 8, since: $since, until: $until) { articleCount entity { key name kind } }
    events(first: 5, since: $since, until: $until) { totalCount edges { node { key title type date location { name } } } }
    articles(first: 5, since: $since, until: $until) { totalCount edges { node { ${ARTICLE_BRIEF} } } }
  }
}`;
export interface EntityDetail extends EntityBrief {
  aliases: string[] | null;
  mentionCount: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
  wikidataId?: string | null;
  code?: string | null;
  roles?: { title: string; asOf: string | null; country: { name: string } | null; organization: { name: string } | null }[] | null;
  timeline: TimeBucket[] | null;
  coMentions: { articleCount: number; entity: EntityBrief }[] | null;
  events: { totalCount: number; edges: { node: EventBrief }[] } | null;
  articles: { totalCount: number; edges: { node: ArticleBrief }[] } | null;
}
export interface EventBrief {
  key: string;
  title: string;
  type: string;
  date: string | null;
  location?: { name: string } | null;
}
export interface EntityResult {
  entity: EntityDetail | null;
}

export const RELATIONSHIP = `query Relationship($a: String!, $b: String!) {
  relationship(a: { key: $a }, b: { key: $b }) {
    a { key name kind aliases } b { key name kind aliases }
    articleCount firstSeen lastSeen score
    sharedEvents(first: 5) { key title type date location { name } evidence { sentence article { ${ARTICLE_BRIEF} } } }
    quotes(first: 5) { text speaker { name } article { ${ARTICLE_BRIEF} } }
    sharedArticles(first: 5) { totalCount edges { node { ${ARTICLE_BRIEF} mentions { entity { key } evidence } } } }
    timeline(granularity: MONTH) { bucket count }
  }
}`;
export interface RelationshipResult {
  relationship: {
    a: EntityBrief & { aliases: string[] | null };
    b: EntityBrief & { aliases: string[] | null };
    articleCount: number;
    firstSeen: string | null;
    lastSeen: string | null;
    score: number | null;
    sharedEvents: (EventBrief & { evidence: Evidence[] | null })[] | null;
    quotes: { text: string; speaker: { name: string } | null; article: ArticleBrief | null }[] | null;
    sharedArticles: {
      totalCount: number;
      edges: { node: ArticleBrief & { mentions: { entity: { key: string } | null; evidence: string[] | null }[] | null } }[];
    } | null;
    timeline: TimeBucket[] | null;
  } | null;
}

export const PATHS = `query Paths($from: String!, $to: String!, $since: DateTime, $until: DateTime) {
  paths(from: { key: $from }, to: { key: $to }, maxHops: 4, first: 3, since: $since, until: $until) {
    length truncated
    entities { key name kind articleCount }
    hops {
      from { key name } to { key name }
      via { __typename ... on Article { ${ARTICLE_BRIEF} } ... on Event { key title type date } }
      evidence { sentence article { ${ARTICLE_BRIEF} } }
    }
  }
}`;
export interface PathHop {
  from: { key: string; name: string };
  to: { key: string; name: string };
  via: ({ __typename: 'Article' } & ArticleBrief) | ({ __typename: 'Event' } & EventBrief) | null;
  evidence: Evidence[] | null;
}
export interface PathsResult {
  paths: { length: number; truncated: boolean; entities: EntityBrief[]; hops: PathHop[] }[] | null;
}

export const ARTICLE = `query Article($id: String!) {
  article(id: $id) {
    ${ARTICLE_BRIEF} text
    mentions { count entity { key name kind } }
  }
}`;
export interface ArticleResult {
  article: (ArticleBrief & { text: string; mentions: { count: number; entity: EntityBrief | null }[] | null }) | null;
}

export const ENTITY_MENTIONED = `subscription Live($refs: [EntityRef!]!) {
  entityMentioned(refs: $refs) { entity { key name kind } article { ${ARTICLE_BRIEF} } }
}`;
export interface EntityMentionedEvent {
  entityMentioned: { entity: EntityBrief; article: ArticleBrief };
}
