import DownloadIcon from '@mui/icons-material/Download';
import { Button, useListContext } from 'react-admin';
import { API_URL } from '@console/data/httpClient';

/**
 * Issue #15: « Exporter » what the list shows (its filters and sort) as XLSX, downloaded with the
 * session cookie; the server bounds it to the agent's scope and audits it.
 */
export function ExporterListeButton() {
  const { filterValues, sort, total } = useListContext();
  const query = new URLSearchParams({ filter: JSON.stringify(filterValues ?? {}), sort: JSON.stringify([sort.field, sort.order]) });
  return (
    <Button
      label="app.traitement.file.exporter"
      component="a"
      href={`${API_URL}/candidatures/export.xlsx?${query.toString()}`}
      download
      disabled={total === 0}
    >
      <DownloadIcon />
    </Button>
  );
}
