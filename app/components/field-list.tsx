// A list of named things, each with a line about it: exposed fields and their risk, combinations and what they allow.
import type { ReactNode } from 'react';

export interface FieldListItem {
  id: string;
  title: ReactNode;
  text?: ReactNode;
}

export function FieldList({ items }: { items: readonly FieldListItem[] }) {
  return (
    <ul className="field-list">
      {items.map((item) => (
        <li key={item.id}>
          <strong>{item.title}</strong>
          {item.text !== undefined ? <span>{item.text}</span> : null}
        </li>
      ))}
    </ul>
  );
}
