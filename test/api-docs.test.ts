import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every public export carries a JSDoc block with an @example, as the API reference
// (TypeDoc) is generated from them.
const entry = (pkg: string) =>
  fileURLToPath(new URL(`../packages/${pkg}/src/index.ts`, import.meta.url));

function undocumented(file: string): string[] {
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    resolveJsonModule: true,
    strict: true,
    noEmit: true,
    paths: { '@resonet/core': [entry('core')] },
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const tags = symbol.getJsDocTags(checker);
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    if (!docs || !tags.some((tag) => tag.name === 'example')) missing.push(exported.name);
  }
  return missing;
}

describe('public API documentation', () => {
  it.each(['core', 'fixtures'])('@resonet/%s documents every export with an example', (pkg) => {
    expect(undocumented(entry(pkg))).toEqual([]);
  });
});
