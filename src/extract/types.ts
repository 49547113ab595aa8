/** The contract between extraction (pure text → structure) and the rest of the system. */

export type EntityKind = 'PERSON' | 'COUNTRY' | 'ORGANIZATION' | 'PLACE';

/** What extraction reads: an article's text and the date it was published (ISO date or date-time). */
export interface ArticleText {
  title: string;
  text: string;
  publishedAt?: string | null;
  language?: string | null;
}

/** Offsets are UTF-16 code unit offsets into `ArticleText.text`, end exclusive. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

export interface Mention {
  start: number;
  end: number;
  /** The surface form, exactly `text.slice(start, end)`. */
  text: string;
  /** Index into `ExtractedArticle.sentences`. */
  sentence: number;
}

export interface ExtractedEntity {
  /** Stable identity across articles: `country:RU`, `person:Q58217`, `person:kurt-volker`, `org:nato`, `place:manila`. */
  key: string;
  kind: EntityKind;
  /** Canonical display name: "Sergei Lavrov", "Russia", "NATO", "Manila". */
  name: string;
  /** Other names this entity goes by (surface forms seen and gazetteer aliases), without `name`. */
  aliases: string[];
  wikidataId?: string;
  /** Countries: ISO 3166-1 alpha-2 and alpha-3. */
  code?: string;
  iso3?: string;
  /** Organizations and places: the alpha-2 code of the country they belong to, when known. */
  countryCode?: string;
  mentions: Mention[];
  /** 0..1, how central the entity is to the article. */
  salience: number;
}

export interface ExtractedRole {
  personKey: string;
  /** "Foreign Minister", "President", "special envoy for Ukraine". */
  title: string;
  countryKey?: string;
  organizationKey?: string;
  sentence: number;
  /** The text says the person held this role before ("former US ambassador to NATO"). */
  former?: boolean;
}

export interface ExtractedQuote {
  text: string;
  speakerKey?: string;
  aboutKeys: string[];
  sentence: number;
}

export type EventRole = 'actor' | 'target' | 'participant';

export interface ExtractedEvent {
  /** Stable across articles reporting the same event. */
  key: string;
  /** MEETING, TALKS, SANCTIONS, EXPULSION, ELECTION, STATEMENT, ACCUSATION, MILITARY, ATTACK, PROTEST, AGREEMENT, VISIT */
  type: string;
  cameoCode: string;
  /** ISO date "2017-08-06", resolved against the publication date; absent when the text gives none. */
  date?: string;
  title: string;
  /** Key of a PLACE or COUNTRY entity of this article. */
  locationKey?: string;
  participants: { entityKey: string; role: EventRole }[];
  /** Index of the evidence sentence. */
  sentence: number;
}

export interface ExtractedArticle {
  sentences: Sentence[];
  entities: ExtractedEntity[];
  events: ExtractedEvent[];
  roles: ExtractedRole[];
  quotes: ExtractedQuote[];
}

export interface Extractor {
  extract(article: ArticleText): ExtractedArticle;
}
