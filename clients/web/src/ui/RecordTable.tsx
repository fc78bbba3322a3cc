import type { ReactNode } from "react";

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** A tooltip for the cell. */
  title?: (row: T) => string;
}

interface RecordTableProps<T> {
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** The first column is each row's header (th scope=row); the others are data cells. */
  columns: [Column<T>, ...Column<T>[]];
  caption?: string;
  label?: string;
  className?: string;
}

/** Every table of records in the client: a header row, then one row per record headed by its first column. */
export function RecordTable<T>({ rows, rowKey, columns, caption, label, className = "record-terms" }: RecordTableProps<T>) {
  const [head, ...rest] = columns;
  return (
    <table className={className} aria-label={label}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            <th scope="row" title={head.title?.(row)}>
              {head.cell(row)}
            </th>
            {rest.map((c) => (
              <td key={c.header} title={c.title?.(row)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
