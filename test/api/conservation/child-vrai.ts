/**
 * The real code paths that write scratch files, run in a process the kill test kills mid-way:
 * npx tsx test/api/conservation/child-vrai.ts upload <dataDir>
 *   an HTTP server whose one route receives a multipart upload with the portal's own receiver
 *   (recevoirFormulaire): prints "port <n>", then the test sends half a file and kills it;
 * npx tsx test/api/conservation/child-vrai.ts export <dataDir> <databaseUrl> <exportId>
 *   the export runner (executerExport) producing a designations XLSX, held at the step that stores
 *   the finished scratch file: prints "started" there, and the test kills it.
 */
import express from 'express';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '@server/db/mikro-orm.config';
import { executerExport } from '@server/modules/exports/executer';
import { recevoirFormulaire } from '@server/portail/reception';
import { createStorage } from '@server/storage/create';
import type { FileStorage } from '@server/storage/storage';

const [mode, dataDir, url, exportId] = process.argv.slice(2);
const storage = createStorage({ dataDir });

if (mode === 'upload') {
  const app = express();
  app.post('/', async (req, res) => {
    await recevoirFormulaire(req, storage);
    res.end();
  });
  const server = app.listen(0, '127.0.0.1', () => {
    const a = server.address();
    console.log(`port ${typeof a === 'object' && a ? a.port : 0}`);
  });
} else {
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
  const retenu: FileStorage = Object.assign(Object.create(storage) as FileStorage, {
    writeObject: () => {
      console.log('started');
      return new Promise<never>(() => undefined); // killed here, its finished XLSX still in the scratch folder
    },
  });
  await executerExport(orm.em.fork(), Number(exportId), new Date(), retenu);
}
