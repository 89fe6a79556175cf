import type { Issue } from './result';
import { fill, type Template } from './template';

/**
 * Collects the issues of one check in one language: each is reported by its code, and the
 * message is that code's template, filled. Checks take one and report into it.
 *
 * @example
 * ```ts
 * const found = new IssueList({ empty: { en: 'Empty', vi: 'Trống' } }, 'vi');
 * found.report('name', 'empty');
 * found.issues; // [{ path: 'name', code: 'empty', message: 'Trống' }]
 * ```
 */
export class IssueList<Code extends string> {
  readonly issues: Issue[] = [];
  constructor(
    private readonly templates: Readonly<Record<Code, Template>>,
    readonly locale: string,
  ) {}

  report(path: string, code: Code, values: Readonly<Record<string, string | number>> = {}) {
    this.issues.push({ path, code, message: fill(this.templates[code], this.locale, values) });
  }
}
