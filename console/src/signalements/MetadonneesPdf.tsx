import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { lireDatePdf } from '@shared/rules/metadonnees';
import { formatDateTime } from '@console/common/format';

const CLES_DATE = ['creationdate', 'creation_date', 'creation', 'moddate', 'modificationdate', 'modification_date', 'modification'];

/** One metadata line in French: its name translated, a PDF date (« D:20260312091400+01'00' ») as « 12/03/2026 09:14 » in Paris, the raw value in the tooltip. */
function LigneMetadonnee({ cle, valeur }: { cle: string; valeur: unknown }) {
  const translate = useTranslate();
  const texte = valeur == null ? null : typeof valeur === 'object' ? JSON.stringify(valeur) : String(valeur);
  const date = texte != null && CLES_DATE.includes(cle.toLowerCase()) ? lireDatePdf(texte) : null;
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ color: 'text.secondary', width: 200 }}>{translate(`app.fraude.preuves.meta.${cle.toLowerCase()}`, { _: cle })}</TableCell>
      <TableCell sx={{ wordBreak: 'break-all', fontFamily: date ? 'inherit' : 'monospace' }} title={date ? texte ?? undefined : undefined}>
        {date ? formatDateTime(date) : (texte ?? '—')}
      </TableCell>
    </TableRow>
  );
}

/** A PDF's metadata (Producer, CreationDate…) as French lines, dates dd/mm/yyyy hh:mm in Paris (issue #15). */
export function TableMetadonneesPdf({ metadonnees }: { metadonnees: Record<string, unknown> }) {
  return (
    <Table size="small">
      <TableBody>
        {Object.entries(metadonnees).map(([k, v]) => (
          <LigneMetadonnee key={k} cle={k} valeur={v} />
        ))}
      </TableBody>
    </Table>
  );
}

/** A piece's `metadonneesPdf` on its page (contrôle fraude only): the same French lines as in a signal's evidence. */
export function MetadonneesPdfField({ source }: FieldProps & { source: string }) {
  const value = useFieldValue({ source });
  if (value == null || typeof value !== 'object' || Object.keys(value).length === 0) return null;
  return <TableMetadonneesPdf metadonnees={value as Record<string, unknown>} />;
}
