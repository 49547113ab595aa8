/**
 * The bad inputs of issue 5, as records: the mutation test sends them through `ingestArticles`, the CLI
 * test writes them to files. Each refusal names the record and the problem; the good records land.
 */

/** A Cypher fragment that would empty the graph if it were ever spliced into a query. */
export const CYPHER_FRAGMENT = "'}) MATCH (n) DETACH DELETE n //";

export const good = (n: number, extra: Record<string, unknown> = {}) => ({
  title: `Ministers meet in Geneva ${n}`,
  text: `Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Antony Blinken in Geneva on Friday, report ${n}.`,
  url: `https://news.example.org/bad-input/geneva-${n}`,
  publishedAt: '2022-01-21',
  ...extra,
});

/** 1.2 MB of text: over the 1 MB limit. */
export const tooLargeText = () => 'word '.repeat(240_000).trim();

/** One line of 100,000 characters, no sentence end in it. */
export const longLine = () => 'Russian Foreign Minister Sergei Lavrov met officials in Geneva on Friday and '.repeat(1300).slice(0, 100_000);

export const html = {
  title: 'Summit in Berlin',
  text: '<html><head><style>p { color: red }</style></head><body><h1>Summit</h1><p>French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday.</p><script>alert("x")</script><p>They discussed energy &amp; defence.</p></body></html>',
  url: 'https://news.example.org/bad-input/html',
  publishedAt: '2023-03-06',
};
export const HTML_STORED_TEXT = 'Summit\n\nFrench President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday.\n\nThey discussed energy & defence.';

export const htmlOnly = { title: 'Markup only', text: '<div><br/><script>var x = 1;</script></div>' };

export const hostile = {
  title: `O'Brien \\ "quoted" ${CYPHER_FRAGMENT}`,
  text: `Officials in Geneva quoted Sean O'Brien: "${CYPHER_FRAGMENT}" and a path C:\\temp\\x with \\"escaped\\" quotes; Russian Foreign Minister Sergei Lavrov said nothing.`,
  url: 'https://news.example.org/bad-input/hostile',
};

export const sameUrlFirst = good(90, { url: 'https://news.example.org/bad-input/same-url', text: 'Chinese President Xi Jinping visited Paris on Monday.' });
export const sameUrlSecond = good(90, { url: 'https://news.example.org/bad-input/same-url', text: 'Chinese President Xi Jinping visited Madrid on Tuesday.' });

/** What each refusal says after "<record>: " (the origin), and its code. */
export const REFUSALS = {
  empty: { code: 'INVALID_ARTICLE', message: 'text is empty' },
  tooLarge: { code: 'INVALID_ARTICLE', message: /^text is \d+ bytes, over the limit of 1000000 bytes$/ },
  binary: { code: 'INVALID_ENCODING' },
  htmlOnly: { code: 'INVALID_ARTICLE', message: 'text is empty once its HTML markup is removed' },
  missingText: { code: 'INVALID_ARTICLE', message: 'text is required' },
  impossibleDate: { code: 'INVALID_ARTICLE', message: 'publishedAt "2017-13-45" is not a valid calendar date or time' },
  futureDate: { code: 'INVALID_ARTICLE', message: 'publishedAt 2999-01-01 is in the future' },
} as const;
