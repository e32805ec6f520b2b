import { DriverException } from '@mikro-orm/core';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The server's one logger (OWASP ASVS 5.0 V16): pino, one JSON object per line, so a value can
 * never forge a line (a "\n[als] …" typed as an e-mail stays inside its JSON string).
 *
 * - Personal fields are redacted wherever they appear at the first two levels (`[masqué]`), and
 *   the request serializer keeps the path only: no query string (filters and searches carry
 *   names), no header but the user agent.
 * - Database errors are logged by their SQLSTATE, constraint and stack frames only: the
 *   driver's message quotes the SQL with its bound values (incomes, e-mails), so it is dropped.
 * - MikroORM's own logger writes through this one at `debug` level, and only when DEBUG_SQL asks
 *   (`1`: statements with placeholders; `params`: with their values).
 *
 * LOG_LEVEL (default `info`; `silent` under vitest), LOG_FORMAT (`json` by default; `texte`
 * prints `[als] message` lines for a person at a terminal, what `npm start` shows on a TTY).
 */
const PERSONNELS = [
  'email', 'password', 'motDePasse', 'token', 'telephone', 'nom', 'prenom', 'dateNaissance', 'revenuFiscalReference',
  'destinataire', 'corps', 'texte', 'motif', 'iban', 'adresse',
];
export const CHEMINS_MASQUES = [
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
  ...PERSONNELS, ...PERSONNELS.map((k) => `*.${k}`),
];

export function serialiserErreur(e: unknown): Record<string, unknown> {
  if (e instanceof DriverException) {
    const x = e as DriverException & { constraint?: string; table?: string; column?: string; routine?: string };
    return {
      type: x.name, sqlState: x.sqlState ?? x.code, constraint: x.constraint, table: x.table, column: x.column, routine: x.routine,
      stack: (x.stack ?? '').split('\n').filter((l) => l.trim().startsWith('at ')).join('\n'),
    };
  }
  if (e instanceof Error) return pino.stdSerializers.err(e) as unknown as Record<string, unknown>;
  return { valeur: String(e).slice(0, 500) };
}

/** Control characters shown escaped, for the text format (JSON escapes them by itself). */
const sur = (s: string) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** `[als] message` for the text format; extra fields (other than pino's own) follow as JSON. */
function texte(sortie: NodeJS.WritableStream): DestinationStream {
  return {
    write(ligne: string) {
      const { level, time: _t, pid: _p, hostname: _h, msg, ...reste } = JSON.parse(ligne) as Record<string, unknown>;
      const niveau = Number(level) >= 50 ? ' ERREUR' : Number(level) >= 40 ? ' attention' : '';
      const extra = Object.keys(reste).length ? ` ${JSON.stringify(reste)}` : '';
      sortie.write(`[als]${niveau} ${sur(String(msg ?? ''))}${extra}\n`);
    },
  };
}

export interface OptionsLogger {
  niveau?: string;
  format?: 'json' | 'texte';
  destination?: DestinationStream;
}

export function creerLogger(o: OptionsLogger = {}): Logger {
  const destination = o.destination ?? (o.format === 'texte' ? texte(process.stdout) : undefined);
  return pino(
    {
      level: o.niveau ?? 'info',
      base: { service: 'als' },
      redact: { paths: CHEMINS_MASQUES, censor: '[masqué]' },
      serializers: { err: serialiserErreur, error: serialiserErreur },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ sync: true }),
  );
}

const format = process.env.LOG_FORMAT === 'texte' || (process.env.LOG_FORMAT !== 'json' && process.stdout.isTTY) ? 'texte' : 'json';
export const logger: Logger = creerLogger({ niveau: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'), format });
