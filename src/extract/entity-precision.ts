/**
 * Precision rules on entity drafts (issue 17, fourth round): names that are works, not entities, and
 * an acronym beside its full name, which is the same entity.
 */
import type { EntityKind, Mention } from './types.ts';

/** Nouns that a work's title follows directly: "the film Stoker", "Australian drama Burning Man", 'painting, "Joan of Arc"' (a comma only before a quote mark). */
const WORK_BEFORE = /(?:^|[^\p{L}])(?:film|movie|drama|sitcom|series|miniseries|novel|novella|painting|opera|album|song|documentary|production|prequel|sequel)(?:\s*[,:]?\s*["“‘]|\s*:)?\s*$/u;
/** Nouns that follow a work's title directly: "Matthew Vaughn's Kingsman prequel". */
const WORK_AFTER = /^\s*["”'’]?\s*(?:prequel|sequel|franchise|trilogy|saga)\b/u;

/**
 * Every mention of the name is a work's title: right after a lower-case work noun ("the BBC
 * production Inspector Lynley Mysteries") or right before a "prequel", "sequel" or "franchise".
 */
export function namesWork(text: string, mentions: readonly Mention[]): boolean {
  if (mentions.length === 0) return false;
  return mentions.every((m) => WORK_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) || WORK_AFTER.test(text.slice(m.end, m.end + 20)));
}

export interface AliasDraft {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: Set<string>;
  mentions: Mention[];
}

/** "KPA" beside "Korean People's Army", "CERB" beside "Canada Emergency Response Benefit": one body, named in full. */
export function mergeAcronyms(drafts: Map<string, AliasDraft>): void {
  const initials = (name: string) => (name.match(/(?<![\p{L}'’])\p{Lu}/gu) ?? []).join('');
  const full = [...drafts.values()].filter((d) => d.kind !== 'PERSON' && d.kind !== 'COUNTRY' && /\s/.test(d.name));
  for (const d of [...drafts.values()]) {
    if (d.kind !== 'ORGANIZATION' || !/^[A-Z]{2,6}$/.test(d.name)) continue;
    const expansions = full.filter((o) => initials(o.name) === d.name);
    if (expansions.length !== 1) continue;
    const [o] = expansions;
    o.mentions.push(...d.mentions);
    o.aliases.add(d.name);
    drafts.delete(d.key);
  }
}
