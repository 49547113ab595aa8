/**
 * Gender of given names, for "he"/"she" quote speakers: seed/given-names/given-names.json (built from
 * Wikidata office holders, see its PROVENANCE.md), read once on first use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fold } from './text.ts';

export type Gender = 'male' | 'female';

/** seed/given-names/given-names.json (written by training/gazetteers/build-given-names.ts). */
export interface GivenNamesFile {
  male: string[];
  female: string[];
}

const GIVEN_NAMES_FILE = fileURLToPath(new URL('../../seed/given-names/given-names.json', import.meta.url));
let byName: Map<string, Gender> | null = null;

/** The gender most people with this given name have, or undefined when the list does not say. */
export function givenNameGender(name: string): Gender | undefined {
  if (!byName) {
    const file = JSON.parse(readFileSync(GIVEN_NAMES_FILE, 'utf8')) as GivenNamesFile;
    byName = new Map<string, Gender>();
    for (const n of file.male) byName.set(n, 'male');
    for (const n of file.female) byName.set(n, 'female');
  }
  return byName.get(fold(name));
}
