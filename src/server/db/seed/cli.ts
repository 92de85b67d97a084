/** npm run db:seed [-- --demo]: migrate and load reference data (and demo data) into the configured database. */
import { readSettings } from '../../env';
import { prepareDatabase, targetFor } from '../setup';

const demo = process.argv.includes('--demo');
const database = await prepareDatabase(targetFor(readSettings()), { demo });
console.log(`Reference data loaded${demo ? ' with demo data' : ''} (${database.kind}).`);
await database.close();
