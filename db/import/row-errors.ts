// Collects bad rows as "line N, column X: reason": keeps the first few for the report, counts them all.
import type { ZodIssue } from 'zod';

export const ERRORS_SHOWN = 20;

export class RowErrors {
  readonly first: string[] = [];
  count = 0;

  add(line: number, column: string, reason: string): void {
    this.count++;
    if (this.first.length < ERRORS_SHOWN) this.first.push(`line ${line}, column ${column}: ${reason}`);
  }

  /** Zod issues name the column in path[0]; the raw value is quoted back so the operator can find it. */
  addIssues(line: number, issues: readonly ZodIssue[], raw: Readonly<Record<string, string>>): void {
    for (const issue of issues) {
      const column = String(issue.path[0] ?? '?');
      const value = raw[column]?.trim() ?? '';
      this.add(line, column, value === '' ? issue.message : `${issue.message} (got ${quote(value)})`);
    }
  }
}

function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}
