/**
 * `npm run admin -- <command>`: account administration for self-hosting admins.
 *
 *   create-user --email E --name N   creates a user and prints a new API token
 *   renew-token --email E            replaces the user's API token and prints the new one
 *   revoke-token --email E           revokes the user's API token
 *
 * Uses MONGODB_URI, or starts the same embedded database as `npm start` (stop `npm start` first:
 * two servers must not share DATA_DIR).
 */
import { parseArgs } from 'node:util';
import {
  AppError,
  ConfigError,
  connectDatabase,
  createModels,
  createUser,
  emailProblem,
  ensureIndexes,
  findUserByEmail,
  loadConfig,
  normalizeEmail,
  renewToken,
  revokeToken,
} from '@reprise/core';
import { DatabaseUnavailableError, startDatabase } from './db.js';

const USAGE = `usage: npm run admin -- <create-user|renew-token|revoke-token> --email EMAIL [--name NAME]`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const email = values.email ? normalizeEmail(values.email) : undefined;
  if (!email || emailProblem(email)) {
    console.error(`--email with a valid address is required\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const database = await startDatabase({ uri: config.mongodbUri, dataDir: config.dataDir });
  const connection = await connectDatabase(database.uri);
  try {
    const models = createModels(connection);
    await ensureIndexes(models);
    // The same account services as the dashboard, so tokens are made and revoked in one place.
    switch (command) {
      case 'create-user': {
        const name = values.name?.trim();
        if (!name) {
          console.error(`--name is required for create-user\n${USAGE}`);
          return 2;
        }
        let user;
        try {
          user = await createUser(models, { email, name });
        } catch (error) {
          if (error instanceof AppError) {
            console.error(error.code === 'email_taken' ? `A user with email ${email} already exists; use renew-token to give them a new token.` : error.message);
            return 1;
          }
          throw error;
        }
        const issued = await renewToken(models, user._id);
        console.log(`Created ${name} <${email}>. API token (shown once, keep it secret):\n${issued.token}`);
        return 0;
      }
      case 'renew-token': {
        const user = await findUserByEmail(models, email);
        if (!user) {
          console.error(`No user with email ${email}.`);
          return 1;
        }
        const issued = await renewToken(models, user._id);
        console.log(`New API token for ${email} (the old one no longer works):\n${issued.token}`);
        return 0;
      }
      case 'revoke-token': {
        const user = await findUserByEmail(models, email);
        if (!user) {
          console.error(`No user with email ${email}.`);
          return 1;
        }
        await revokeToken(models, user._id);
        console.log(`Revoked the API token of ${email}.`);
        return 0;
      }
      default:
        console.error(`unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } finally {
    await connection.close();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof DatabaseUnavailableError ? error.message : error);
    process.exit(1);
  },
);
