// Collects bad rows as "line N, column X: reason": keeps the first few by line for the report, counts them all.
// Errors arrive in two kinds (each row as it is read, then the whole-file checks), so "first" means lowest line.
import type { ZodIssue } from 'zod';

export const ERRORS_SHOWN = 20;

/** What a RowErrors holds, as a message between threads can carry it. */
export interface RowErrorsState {
  kept: Array<{ line: number; order: number; text: string }>;
  count: number;
}

export class RowErrors {
  private kept: RowErrorsState['kept'] = [];
  count = 0;

  /** What this holds, to be taken over by another RowErrors (the reading thread's, by the main thread's). */
  get state(): RowErrorsState {
    return { kept: this.kept, count: this.count };
  }

  /** Takes over another's errors, found before any of this one's (the file's rows before the whole-file checks). */
  takeOver(state: RowErrorsState): void {
    if (this.count > 0) throw new Error('takeOver() is for errors found before any of these');
    this.kept = [...state.kept];
    this.count = state.count;
  }

  /** The report's errors: the lowest lines, in line order (and in the order found within a line). */
  get first(): string[] {
    return [...this.kept].sort((a, b) => a.line - b.line || a.order - b.order).map((entry) => entry.text);
  }

  add(line: number, column: string, reason: string): void {
    const entry = { line, order: this.count, text: `line ${line}, column ${column}: ${reason}` };
    this.count++;
    if (this.kept.length < ERRORS_SHOWN) {
      this.kept.push(entry);
      return;
    }
    let highest = 0;
    for (let i = 1; i < this.kept.length; i++) if (this.kept[i]!.line > this.kept[highest]!.line) highest = i;
    if (line < this.kept[highest]!.line) this.kept[highest] = entry;
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
