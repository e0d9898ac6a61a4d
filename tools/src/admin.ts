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
import { ConfigError, connectDatabase, createModels, ensureIndexes, issueToken, loadConfig } from '@reprise/core';
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
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    console.error(`--email with a valid address is required\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const database = await startDatabase({ uri: config.mongodbUri, dataDir: config.dataDir });
  const connection = await connectDatabase(database.uri);
  try {
    const models = createModels(connection);
    await ensureIndexes(models);
    const issued = issueToken();
    const tokenFields = { tokenHash: issued.hash, tokenPrefix: issued.prefix, tokenCreatedAt: new Date(), tokenLastUsedAt: null };
    switch (command) {
      case 'create-user': {
        const name = values.name?.trim();
        if (!name) {
          console.error(`--name is required for create-user\n${USAGE}`);
          return 2;
        }
        if (await models.User.exists({ email })) {
          console.error(`A user with email ${email} already exists; use renew-token to give them a new token.`);
          return 1;
        }
        await models.User.create({ email, name, ...tokenFields });
        console.log(`Created ${name} <${email}>. API token (shown once, keep it secret):\n${issued.token}`);
        return 0;
      }
      case 'renew-token': {
        const user = await models.User.findOneAndUpdate({ email }, { $set: tokenFields });
        if (!user) {
          console.error(`No user with email ${email}.`);
          return 1;
        }
        console.log(`New API token for ${email} (the old one no longer works):\n${issued.token}`);
        return 0;
      }
      case 'revoke-token': {
        const user = await models.User.findOneAndUpdate({ email }, { $set: { tokenHash: null, tokenPrefix: null, tokenCreatedAt: null, tokenLastUsedAt: null } });
        if (!user) {
          console.error(`No user with email ${email}.`);
          return 1;
        }
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
