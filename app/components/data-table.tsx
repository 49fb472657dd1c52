// One table as every page draws it: scrolls sideways inside its box on a phone, a caption (or a heading naming it),
// column headers, and the rows the caller renders. A column named with `hidden` is read out but not shown.
import { useId, type ReactNode } from 'react';

export type Column = string | { label: string; hidden: true };

interface DataTableProps {
  caption?: ReactNode;
  /** The id of a heading that names the table, when it has no caption of its own. */
  labelledBy?: string;
  /** Omit for a table whose rows head themselves (`<th scope="row">`). */
  columns?: readonly Column[];
  className?: string;
  children: ReactNode;
}

export function DataTable({ caption, labelledBy, columns, className, children }: DataTableProps) {
  const captionId = useId();
  const name = labelledBy ?? (caption ? captionId : undefined);
  // A table wider than a phone scrolls in its box: a named region that takes focus, so a keyboard can scroll it too.
  return (
    <div className="table-wrap" role="region" aria-labelledby={name} tabIndex={0}>
      <table className={className} aria-labelledby={labelledBy}>
        {caption ? <caption id={captionId}>{caption}</caption> : null}
        {columns ? (
          <thead>
            <tr>
              {columns.map((column) =>
                typeof column === 'string' ? (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ) : (
                  <th key={column.label} scope="col">
                    <span className="visually-hidden">{column.label}</span>
                  </th>
                ),
              )}
            </tr>
          </thead>
        ) : null}
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
