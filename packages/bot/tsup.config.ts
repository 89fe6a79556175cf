import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    cli: 'src/cli.ts',
    eval: 'src/eval.ts',
    'qa-bench': 'src/bench/qaBench.ts',
    'bot-bench': 'src/bench/botBench.ts',
    'storage-bench': 'src/bench/storageBench.ts',
    'teams-package': 'src/teamsPackage.ts',
  },
  format: ['esm'],
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
});
