import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    cli: 'src/cli.ts',
    eval: 'src/eval.ts',
    'qa-bench': 'src/qaBench.ts',
    'bot-bench': 'src/botBench.ts',
    'teams-package': 'src/teamsPackage.ts',
  },
  format: ['esm'],
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
});
