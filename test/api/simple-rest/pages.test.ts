import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromMinimal } from '@server/http/simpleRest';
import { candidatures } from '@server/modules/candidatures/candidatures.resource';
import { justificatifs } from '@server/modules/justificatifs/justificatifs.resource';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';

/** Issue #19: a page's ids come from the narrowest FROM, its fields for those rows only; pages tile the list. */
const t = useTestApp();
let fraude: string;
beforeAll(async () => {
  const a = await createAgent(t.orm, 'controle_fraude');
  fraude = await login(t.app, a.email, a.password);
});

describe('two-step pages (listRows)', () => {
  it('fromMinimal leaves out the 1:1 joins nothing uses, keeps a join another kept join needs', () => {
    expect(fromMinimal(candidatures, `c.statut = 'deposee' order by c.date_candidature`)).toBe('candidature c');
    expect(fromMinimal(candidatures, `cd.public_cible = ?`)).toBe('candidature c join demande cd on cd.id = c.demande_id');
    expect(fromMinimal(candidatures, `ag.nom = ?`)).toBe('candidature c left join agent ag on ag.id = c.agent_en_charge_id');
    expect(fromMinimal(justificatifs, `dr.nom = ?`)).toBe(justificatifs.from);
  });

  it('pages of 7 in both directions tile one page of 100, same rows and fields, and Content-Range is exact below the cap', async () => {
    for (const [champ, sens] of [['dateCandidature', 'DESC'], ['rang', 'ASC'], ['demandeurNom', 'ASC'], ['agentEnChargeNom', 'DESC']] as const) {
      const tout = await request(t.app).get('/api/candidatures').query({ sort: JSON.stringify([champ, sens]), range: '[0,99]' }).set(bearer(fraude));
      expect(tout.status).toBe(200);
      const total = Number(tout.headers['content-range'].split('/')[1]);
      const morceaux: unknown[] = [];
      for (let debut = 0; debut < Math.min(35, tout.body.length); debut += 7) {
        const r = await request(t.app).get('/api/candidatures').query({ sort: JSON.stringify([champ, sens]), range: JSON.stringify([debut, debut + 6]) }).set(bearer(fraude));
        expect(Number(r.headers['content-range'].split('/')[1])).toBe(total);
        morceaux.push(...r.body);
      }
      expect(morceaux).toEqual(tout.body.slice(0, morceaux.length));
    }
  });
});
