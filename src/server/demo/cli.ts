/** npm run db:seed [-- --demo]: migrate and load reference data (and demo data) into the configured database. */

import { prepareDatabase, targetFor } from '../db/setup';
import { readSettings } from '../env';
import { dataKeyFor } from '../personal-data';
import { demoSeed } from './demo';

const demo = process.argv.includes('--demo');
const settings = readSettings();
const database = await prepareDatabase(targetFor(settings), { seed: demo ? demoSeed(dataKeyFor(settings)) : undefined });
console.log(`Reference data loaded${demo ? ' with demo data' : ''} (${database.kind}).`);
await database.close();
