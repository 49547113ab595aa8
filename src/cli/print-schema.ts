import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printedSchema } from '../graphql/index.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--stdout')) {
    process.stdout.write(printedSchema());
    return 0;
  }
  fs.writeFileSync(SCHEMA_FILE, printedSchema());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
  return 0;
}
