import { describe, expect, it } from 'vitest';
import { ACTEURS, ACTIONS_CANDIDATURE, STATUTS_CANDIDATURE } from '@shared/domain/enums';
import { LIBELLES_STATUT, STATUTS_FINAUX, STATUTS_OUVERTS, actionsPossibles, deVerbe, detailsRequis, estFinal, estOuvert, transition } from './candidature';

const agent = { motif: 'Demande du candidat', canal: 'telephone' } as const;

describe('candidature lifecycle', () => {
  it('R-CAND-FSM: follows deposee → en_instruction → transmise_bailleur → attribuee', () => {
    expect(transition('deposee', 'instruire', 'agent')).toEqual({ ok: true, statut: 'en_instruction' });
    expect(transition('en_instruction', 'designer', 'agent')).toEqual({ ok: true, statut: 'transmise_bailleur' });
    expect(transition('transmise_bailleur', 'attribuer', 'agent')).toEqual({ ok: true, statut: 'attribuee' });
  });

  it('R-CAND-FSM: ne_pas_retenir from en_instruction or transmise_bailleur, with a motif', () => {
    expect(transition('en_instruction', 'ne_pas_retenir', 'agent', { motif: 'Dossier non conforme' })).toEqual({ ok: true, statut: 'non_retenue' });
    expect(transition('transmise_bailleur', 'ne_pas_retenir', 'agent', { motif: 'Refus bailleur' })).toEqual({ ok: true, statut: 'non_retenue' });
    expect(transition('transmise_bailleur', 'ne_pas_retenir', 'agent', { motif: '   ' })).toMatchObject({ ok: false, code: 'MOTIF_REQUIS' });
    expect(transition('deposee', 'ne_pas_retenir', 'agent', { motif: 'x' })).toMatchObject({ ok: false, code: 'TRANSITION_INTERDITE' });
  });

  it('R-CAND-FSM: refuses skipping a step and leaving a final state', () => {
    expect(transition('deposee', 'designer', 'agent')).toMatchObject({ ok: false, code: 'TRANSITION_INTERDITE' });
    expect(transition('en_instruction', 'attribuer', 'agent')).toMatchObject({ ok: false, code: 'TRANSITION_INTERDITE' });
    for (const statut of STATUTS_FINAUX) {
      for (const acteur of ACTEURS) expect(actionsPossibles(statut, acteur)).toEqual([]);
    }
    const r = transition('attribuee', 'instruire', 'agent');
    expect(r).toMatchObject({ ok: false, code: 'TRANSITION_INTERDITE' });
    expect(!r.ok && r.raison).toContain('« Attribuée »');
  });

  it('R-CAND-FSM: a refusal says the action and the status in French, with the elision (« d’instruire », « de désigner »), never a raw code', () => {
    expect(transition('transmise_bailleur', 'instruire', 'agent')).toEqual({
      ok: false,
      code: 'TRANSITION_INTERDITE',
      raison: 'Impossible d’instruire une candidature au statut « Transmise au bailleur ».',
    });
    expect(transition('deposee', 'designer', 'agent')).toMatchObject({ raison: 'Impossible de désigner au bailleur une candidature au statut « Déposée ».' });
    expect(transition('en_instruction', 'attribuer', 'agent')).toMatchObject({ raison: 'Impossible d’attribuer une candidature au statut « En instruction ».' });
    expect(transition('non_retenue', 'ne_pas_retenir', 'agent', { motif: 'x' })).toMatchObject({ raison: 'Impossible de ne pas retenir une candidature au statut « Non retenue ».' });
    for (const statut of STATUTS_CANDIDATURE) {
      for (const action of ACTIONS_CANDIDATURE) {
        const refus = transition(statut, action, 'agent', agent);
        if (!refus.ok) expect(refus.raison).not.toMatch(/_|\bde [aeiouéèê]/);
      }
    }
    expect(LIBELLES_STATUT.cloturee).toBe('Clôturée');
    expect(deVerbe('annuler')).toBe('d’annuler');
    expect(deVerbe('clôturer')).toBe('de clôturer');
  });

  it('R-CAND-FSM: only the system closes, from any open state', () => {
    for (const statut of STATUTS_OUVERTS) expect(transition(statut, 'cloturer', 'systeme')).toEqual({ ok: true, statut: 'cloturee' });
    expect(transition('annulee', 'cloturer', 'systeme')).toMatchObject({ ok: false, code: 'TRANSITION_INTERDITE' });
    expect(transition('deposee', 'cloturer', 'agent')).toMatchObject({ ok: false, code: 'ACTEUR_NON_AUTORISE' });
  });

  it('R-CAND-FSM: a demandeur never instructs, a job never cancels', () => {
    const r = transition('deposee', 'instruire', 'demandeur');
    expect(r).toEqual({ ok: false, code: 'ACTEUR_NON_AUTORISE', raison: 'Le demandeur ne peut pas instruire une candidature.' });
    expect(transition('deposee', 'annuler', 'systeme')).toMatchObject({ ok: false, code: 'ACTEUR_NON_AUTORISE' });
  });

  it('R-CANCEL-SELF: the demandeur cancels alone while deposee', () => {
    expect(transition('deposee', 'annuler', 'demandeur')).toEqual({ ok: true, statut: 'annulee' });
    expect(actionsPossibles('deposee', 'demandeur')).toEqual(['annuler']);
  });

  it('R-CANCEL-SELF: once en_instruction the demandeur gets EN_INSTRUCTION, and nothing from a final state', () => {
    for (const statut of ['en_instruction', 'transmise_bailleur'] as const) {
      const r = transition(statut, 'annuler', 'demandeur');
      expect(r).toMatchObject({ ok: false, code: 'EN_INSTRUCTION' });
      expect(!r.ok && r.raison).toMatch(/service client/);
    }
    expect(transition('annulee', 'annuler', 'demandeur')).toMatchObject({ ok: false, code: 'TRANSITION_INTERDITE' });
    expect(actionsPossibles('en_instruction', 'demandeur')).toEqual([]);
  });

  it('R-CANCEL-SELF: an agent cancels from deposee or en_instruction with canal and motif', () => {
    expect(transition('en_instruction', 'annuler', 'agent', agent)).toEqual({ ok: true, statut: 'annulee' });
    expect(transition('deposee', 'annuler', 'agent', agent)).toEqual({ ok: true, statut: 'annulee' });
    expect(transition('en_instruction', 'annuler', 'agent', { motif: 'x' })).toMatchObject({ ok: false, code: 'CANAL_REQUIS' });
    expect(transition('en_instruction', 'annuler', 'agent', { motif: 'x', canal: 'pigeon' as never })).toMatchObject({ code: 'CANAL_REQUIS' });
    expect(transition('en_instruction', 'annuler', 'agent', { canal: 'courriel', motif: null })).toMatchObject({ code: 'MOTIF_REQUIS' });
    expect(transition('en_instruction', 'annuler', 'agent')).toMatchObject({ code: 'CANAL_REQUIS' });
    expect(transition('transmise_bailleur', 'annuler', 'agent', agent)).toMatchObject({ ok: false, code: 'TRANSITION_INTERDITE' });
    expect(detailsRequis('annuler', 'agent')).toEqual({ motif: true, canal: true });
    expect(detailsRequis('annuler', 'demandeur')).toEqual({ motif: false, canal: false });
    expect(detailsRequis('instruire', 'agent')).toEqual({ motif: false, canal: false });
  });

  it('R-CAND-FSM: actionsPossibles agrees with transition for every state, action and actor', () => {
    for (const statut of STATUTS_CANDIDATURE) {
      for (const acteur of ACTEURS) {
        const possibles = actionsPossibles(statut, acteur);
        for (const action of ACTIONS_CANDIDATURE) {
          const r = transition(statut, action, acteur, agent);
          expect(r.ok, `${statut} ${action} ${acteur}`).toBe(possibles.includes(action));
        }
      }
    }
    expect(actionsPossibles('en_instruction', 'agent')).toEqual(['designer', 'ne_pas_retenir', 'annuler']);
  });

  it('R-CAND-FSM: the bailleur decides only a transmise_bailleur candidature, a refusal with a motif', () => {
    expect(actionsPossibles('transmise_bailleur', 'bailleur')).toEqual(['ne_pas_retenir', 'attribuer']);
    expect(transition('transmise_bailleur', 'attribuer', 'bailleur')).toEqual({ ok: true, statut: 'attribuee' });
    expect(transition('transmise_bailleur', 'ne_pas_retenir', 'bailleur', { motif: 'Dossier incomplet' })).toEqual({ ok: true, statut: 'non_retenue' });
    expect(transition('transmise_bailleur', 'ne_pas_retenir', 'bailleur')).toMatchObject({ ok: false, code: 'MOTIF_REQUIS' });
    expect(detailsRequis('ne_pas_retenir', 'bailleur')).toEqual({ motif: true, canal: false });
    for (const statut of ['deposee', 'en_instruction', 'attribuee', 'non_retenue', 'annulee', 'cloturee'] as const) {
      expect(actionsPossibles(statut, 'bailleur')).toEqual([]);
      expect(transition(statut, 'attribuer', 'bailleur')).toMatchObject({ ok: false, code: 'TRANSITION_INTERDITE' });
    }
    const r = transition('transmise_bailleur', 'instruire', 'bailleur');
    expect(r).toEqual({ ok: false, code: 'ACTEUR_NON_AUTORISE', raison: 'Le bailleur ne peut pas instruire une candidature.' });
  });

  it('R-CAND-FSM: open and final states partition the statuses', () => {
    for (const statut of STATUTS_CANDIDATURE) expect(estOuvert(statut)).toBe(!estFinal(statut));
    expect(STATUTS_OUVERTS).toEqual(['deposee', 'en_instruction', 'transmise_bailleur']);
    expect([...STATUTS_OUVERTS, ...STATUTS_FINAUX].sort()).toEqual([...STATUTS_CANDIDATURE].sort());
  });
});
