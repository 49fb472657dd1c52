// Fields by incident as an accessible table: every cell says its status in words, colour only helps.
import type { ExposureReport, CellStatus } from '~/services/exposure-report.server';

const CELL_TEXT: Record<CellStatus, { label: string; className: string }> = {
  exposed: { label: 'Exposed', className: 'tag tag--exposed' },
  'not-exposed': { label: 'Not exposed', className: 'tag tag--safe' },
  'not-part': { label: 'Not part of this incident', className: 'tag tag--na' },
};

export function ExposureGrid({ report }: { report: Pick<ExposureReport, 'grid' | 'incidents'> }) {
  return (
    <div className="table-wrap" role="region" aria-labelledby="grid-caption" tabIndex={0}>
      <table className="exposure-grid">
        <caption id="grid-caption">Your fields in each incident</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            {report.incidents.map((incident) => (
              <th scope="col" key={incident.id}>
                {incident.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.grid.map((row) => (
            <tr key={row.field.id}>
              <th scope="row">{row.field.label}</th>
              {row.cells.map((status, index) => (
                <td key={report.incidents[index]!.id}>
                  <span className={CELL_TEXT[status].className}>{CELL_TEXT[status].label}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
