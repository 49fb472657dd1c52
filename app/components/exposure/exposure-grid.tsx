// Fields by incident as an accessible table: every cell says its status in words, colour only helps.
import { useTranslation } from 'react-i18next';
import { fieldLabel, incidentText } from '~/i18n/catalogue';
import type { CellStatus, ExposureReport } from '~/services/exposure-report.server';

const CELL: Record<CellStatus, { label: string; className: string }> = {
  exposed: { label: 'grid.exposed', className: 'tag tag--exposed' },
  'not-exposed': { label: 'grid.notExposed', className: 'tag tag--safe' },
  'not-part': { label: 'grid.notPart', className: 'tag tag--na' },
};

export function ExposureGrid({ report }: { report: Pick<ExposureReport, 'grid' | 'incidents'> }) {
  const { t } = useTranslation('account');
  return (
    <div className="table-wrap" role="region" aria-labelledby="grid-caption" tabIndex={0}>
      <table className="exposure-grid">
        <caption id="grid-caption">{t('grid.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grid.field')}</th>
            {report.incidents.map((incident) => (
              <th scope="col" key={incident.id}>
                {incidentText(t, incident.id, 'title')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.grid.map((row) => (
            <tr key={row.field}>
              <th scope="row">{fieldLabel(t, row.field)}</th>
              {row.cells.map((status, index) => (
                <td key={report.incidents[index]!.id}>
                  <span className={CELL[status].className}>{t(CELL[status].label)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
