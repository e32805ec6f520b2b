/**
 * Issue #15: « Exporter » on the candidatures list — what the filters show, within the agent's
 * scope, as XLSX, read by cursor, audited with its filter and row count.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { binaire } from '@test/support/zip';

const t = useTestApp();
let conseiller: { id: number; token: string };
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => t.orm.em.fork().execute<T[]>(q, p);

beforeAll(async () => {
  const c = await createAgent(t.orm, 'conseiller', ['69'], 'liste');
  conseiller = { id: c.id, token: await login(t.app, c.email, c.password) };
});

const exporter = (token: string, filtre: object, tri?: [string, string]) =>
  request(t.app).get('/api/candidatures/export.xlsx').query({ filter: JSON.stringify(filtre), ...(tri ? { sort: JSON.stringify(tri) } : {}) })
    .set(bearer(token)).buffer(true).parse(binaire as never);

describe('GET /api/candidatures/export.xlsx', () => {
  it('LISTE-EXPORT: the rows the filter shows in the agent\'s territory, French headers and statuses, in the list\'s order; audited and traced', async () => {
    const r = await exporter(conseiller.token, { statut: 'deposee' }, ['reference', 'ASC']);
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="candidatures-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as ArrayBuffer);
    const ws = wb.worksheets[0];
    const lignes: unknown[][] = [];
    ws.eachRow((row) => lignes.push((row.values as unknown[]).slice(1)));
    expect(lignes[0]).toEqual(['Référence', 'Statut', 'Date de candidature', 'Nom', 'Prénom', 'Département', 'Offre', 'Titre de l’offre', 'Palier']);
    const attendues = await sql<{ reference: string }>(
      `select reference from candidature where departement = '69' and statut = 'deposee' order by reference, id`);
    expect(attendues.length).toBeGreaterThan(0);
    expect(lignes.slice(1).map((l) => l[0])).toEqual(attendues.map((a) => a.reference));
    expect(lignes.slice(1).every((l) => l[1] === 'Déposée' && l[5] === '69')).toBe(true);
    const [a] = await sql<{ details: { lignes: number; filtre: object } }>(
      `select details from audit_event where action = 'export_liste' and acteur_id = ? order by id desc limit 1`, [conseiller.id]);
    expect(a.details).toMatchObject({ lignes: attendues.length, filtre: { statut: 'deposee' } });
    const [tr] = await sql<{ nombre: number }>(`select nombre from trace_acces where agent_id = ? and ressource = 'candidatures' order by id desc limit 1`, [conseiller.id]);
    expect(tr.nombre).toBe(attendues.length);
  });

  it('LISTE-EXPORT: a bad filter or sort is a 400 problem+json; a role without candidatures (admin) 403; nothing audited', async () => {
    expect((await exporter(conseiller.token, { inconnu: 1 })).status).toBe(400);
    expect((await exporter(conseiller.token, {}, ['mot_de_passe', 'ASC'])).body.toString()).toContain('TRI_INVALIDE');
    const adm = await createAgent(t.orm, 'admin', [], 'liste');
    expect((await exporter(await login(t.app, adm.email, adm.password), {})).status).toBe(403);
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from audit_event where action = 'export_liste' and acteur_id = ?`, [adm.id]);
    expect(n).toBe(0);
  });
});
