// npm run teams:package — builds the Microsoft Teams app package. See docs/teams.md.
import { fileURLToPath } from 'node:url';
import { main } from './teams/packageApp';

// Resolved from this file, so it is packages/bot/build/… both from src/ and from dist/.
await main(
  process.argv.slice(2),
  fileURLToPath(new URL('../build/teams/resonet-teams.zip', import.meta.url)),
);
