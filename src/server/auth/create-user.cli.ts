/**
 * npm run user:create -- --username admin --role national_admin --unit TH [--name "..."]
 * The password is read from THANRAK_PASSWORD or asked for on the terminal (never a command-line argument).
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createUserBody } from '#shared/users';
import { SYSTEM_ACTOR } from '../access';
import { prepareDatabase, targetFor } from '../db/setup';
import { readSettings } from '../env';
import { AppError } from '../errors';
import { createUser } from '../features/users/users.service';

const { values } = parseArgs({
  options: { username: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' } },
});
let password = process.env.THANRAK_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('Password (10+ characters): ');
  rl.close();
}
const body = createUserBody.safeParse({
  username: values.username,
  displayName: values.name ?? values.username,
  role: values.role,
  orgUnitCode: values.unit,
  password,
});
if (!body.success) {
  console.error(body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(2);
}
const database = await prepareDatabase(targetFor(readSettings()));
try {
  const user = await createUser(database.db, SYSTEM_ACTOR, body.data);
  console.log(`Created ${user.username} (${user.role}) at ${user.orgUnitCode} ${user.orgUnitNameTh}`);
} catch (error) {
  console.error(error instanceof AppError ? `${error.code}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
