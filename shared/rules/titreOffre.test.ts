import { describe, expect, it } from 'vitest';
import { formatSurface, titreOffre } from './titreOffre';

const base = { forme: 'identifie', nature: 'classique', typologie: 'T2', surface: 47.5, commune: 'Lyon' } as const;

describe('titreOffre: the title says what the data says', () => {
  it('a logement identifié: its typologie and its exact surface, with a French decimal comma', () => {
    expect(titreOffre(base)).toBe('T2 de 47,5 m² – Lyon');
    expect(titreOffre({ ...base, surface: 48, programme: 'Résidence Les Canuts' })).toBe('T2 de 48 m² – Résidence Les Canuts, Lyon');
    expect(formatSurface(12.25)).toBe('12,3');
  });

  it('a logement type: its surface range, in the plural; one value when min = max; open range without a max', () => {
    const type = { ...base, forme: 'type', typologie: 'studio', surface: null, surfaceMin: 20, surfaceMax: 27.5 } as const;
    expect(titreOffre(type)).toBe('Studios de 20 à 27,5 m² – Lyon');
    expect(titreOffre({ ...type, surfaceMax: 20 })).toBe('Studios de 20 m² – Lyon');
    expect(titreOffre({ ...type, surfaceMax: null })).toBe('Studios de 20 m² et plus – Lyon');
    expect(titreOffre({ ...type, surfaceMin: null })).toBe('Studios – Lyon');
  });

  it('a courte durée offer is furnished, with the agreement of its typologie', () => {
    expect(titreOffre({ ...base, nature: 'courte_duree', typologie: 'chambre', surface: 12 })).toBe('Chambre de 12 m² meublée, courte durée – Lyon');
    expect(titreOffre({ ...base, nature: 'courte_duree', forme: 'type', typologie: 'chambre', surfaceMin: 10, surfaceMax: 14 })).toBe(
      'Chambres de 10 à 14 m² meublées, courte durée – Lyon',
    );
    expect(titreOffre({ ...base, nature: 'courte_duree', forme: 'type', typologie: 'T1', surfaceMin: 25, surfaceMax: 30 })).toBe(
      'T1 de 25 à 30 m² meublés, courte durée – Lyon',
    );
    expect(titreOffre({ ...base, surface: null })).toBe('T2 – Lyon');
  });
});
