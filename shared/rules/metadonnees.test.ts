import { describe, expect, it } from 'vitest';
import { anomaliesMetadonnees, lireDatePdf, lireMetadonnees, scoreMetadonnees } from './metadonnees';

const sain = {
  producer: 'DGFiP - Edition des avis',
  creator: 'impots.gouv.fr',
  creationDate: '2026-09-01T08:00:00.000Z',
  modificationDate: '2026-09-01T08:00:00.000Z',
};
const codes = (a: ReturnType<typeof anomaliesMetadonnees>) => a.map((x) => x.code);

describe('PDF metadata of deposited pieces', () => {
  it('R-SUSP (§10.9 documents falsifiés): an untouched tax notice raises nothing; a non-PDF neither', () => {
    expect(anomaliesMetadonnees('avis_imposition', sain)).toEqual([]);
    expect(anomaliesMetadonnees('identite', null)).toEqual([]);
  });

  it('R-SUSP (§10.9): an editing tool as Producer or Creator is an anomaly on any piece', () => {
    for (const producer of ['Adobe Photoshop 25.0 (Windows)', 'GIMP 2.10', 'iLovePDF', 'Canva', 'PDF-XChange Editor 9']) {
      const a = anomaliesMetadonnees('bulletin_salaire', { ...sain, producer });
      expect(codes(a)).toEqual(['OUTIL_RETOUCHE']);
      expect(a[0].detail).toContain(producer);
    }
    expect(codes(anomaliesMetadonnees('ressources', { ...sain, producer: 'Skia/PDF', creator: 'Canva' }))).toEqual(['OUTIL_RETOUCHE']);
  });

  it('R-SUSP (§10.9): a word processor is an anomaly on an avis d’imposition only', () => {
    const word = { ...sain, producer: 'Microsoft® Word pour Microsoft 365', creator: 'Microsoft® Word pour Microsoft 365' };
    expect(codes(anomaliesMetadonnees('avis_imposition', word))).toEqual(['TRAITEMENT_TEXTE_DOCUMENT_OFFICIEL']);
    expect(anomaliesMetadonnees('attestation_employeur', word)).toEqual([]);
    expect(codes(anomaliesMetadonnees('avis_imposition', { ...sain, producer: 'LibreOffice 7.5', creator: 'Writer' }))).toEqual([
      'TRAITEMENT_TEXTE_DOCUMENT_OFFICIEL',
    ]);
  });

  it('R-SUSP (§10.9): modified more than 30 days after creation; modified before creation', () => {
    const tard = { ...sain, creationDate: '2025-11-01T08:00:00Z', modificationDate: '2026-10-30T08:00:00Z' };
    const a = anomaliesMetadonnees('ressources', tard);
    expect(codes(a)).toEqual(['MODIFICATION_TARDIVE']);
    expect(a[0].detail).toContain('363 jours');
    expect(anomaliesMetadonnees('ressources', { ...sain, creationDate: '2026-08-01T08:00:00Z', modificationDate: '2026-08-31T08:00:00Z' })).toEqual([]);
    const avant = { ...sain, creationDate: '2026-09-02T08:00:00Z', modificationDate: '2026-09-01T08:00:00Z' };
    expect(codes(anomaliesMetadonnees('ressources', avant))).toEqual(['DATES_INCOHERENTES']);
  });

  it('R-SUSP (§10.9): a tax notice without dates is an anomaly; another piece without dates is not', () => {
    expect(codes(anomaliesMetadonnees('avis_imposition', { producer: 'DGFiP', creator: null }))).toEqual(['DATES_ABSENTES']);
    expect(codes(anomaliesMetadonnees('avis_imposition', { ...sain, modificationDate: '  ' }))).toEqual(['DATES_ABSENTES']);
    expect(anomaliesMetadonnees('bulletin_salaire', { producer: 'Silae Paie' })).toEqual([]);
  });

  it('R-SUSP (§10.9): the seeded Photoshop tax notice cumulates its anomalies, score capped at 100', () => {
    const a = anomaliesMetadonnees('avis_imposition', {
      Producer: 'Adobe Photoshop 25.0 (Windows)',
      Creator: 'Microsoft Word',
      CreationDate: "D:20251010120000+02'00'",
      ModDate: 'D:20261030091500Z',
    });
    expect(codes(a)).toEqual(['OUTIL_RETOUCHE', 'TRAITEMENT_TEXTE_DOCUMENT_OFFICIEL', 'MODIFICATION_TARDIVE']);
    expect(scoreMetadonnees(a)).toBe(100);
    expect(scoreMetadonnees(anomaliesMetadonnees('ressources', { producer: 'iLovePDF' }))).toBe(60);
  });

  it('R-SUSP (§10.9): PDF dates and ISO dates are read, with their offset; garbage is null', () => {
    expect(lireDatePdf("D:20260312091400+01'00'")?.toISOString()).toBe('2026-03-12T08:14:00.000Z');
    expect(lireDatePdf("D:20260312091400-03'30'")?.toISOString()).toBe('2026-03-12T12:44:00.000Z');
    expect(lireDatePdf('D:20260312091400-03')?.toISOString()).toBe('2026-03-12T12:14:00.000Z');
    expect(lireDatePdf('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(lireDatePdf('2026-03-12T09:14:00+01:00')?.toISOString()).toBe('2026-03-12T08:14:00.000Z');
    expect(lireDatePdf('hier')).toBeNull();
    expect(lireDatePdf(null)).toBeNull();
    expect(lireMetadonnees({ moddate: 'D:20260101000000Z', autre: 'x', producer: undefined })).toEqual({
      producer: null,
      creator: null,
      creation: null,
      modification: new Date('2026-01-01T00:00:00Z'),
    });
  });
});
